import { describe, expect, it, vi } from 'vitest';
import { type AppInfo, METHOD_NAMES } from '../../../main/contract/ipc-contract.js';
import { createDispatcher, type Handlers } from '../../../main/ipc/dispatcher.js';

const info: AppInfo = {
  version: '1.2.3',
  host: 'browser',
  kioskId: 'k-1',
  siteName: 'Site',
  languages: { default: 'fr', enabled: ['fr'] },
  voices: ['fr'],
  config: { source: 'defaults', path: '/etc/borne/config.json', problems: [] },
  wedge: {
    enabled: false,
    layout: 'qwerty',
    prefix: '',
    suffix: 'Enter',
    minLength: 6,
    maxGapMs: 30,
  },
  branding: { colour: '#0b3a82', logo: null },
};

/** Handlers for the methods a test uses; the others must not be called. */
function handlersWith(used: Partial<Handlers>): Handlers {
  const unused = () => {
    throw new Error('not used by this test');
  };
  return { ...Object.fromEntries(METHOD_NAMES.map((name) => [name, unused])), ...used } as Handlers;
}

describe('IPC dispatcher', () => {
  const handlers = handlersWith({ 'app.info': () => info });

  it('answers a valid request with the validated result', async () => {
    const dispatch = createDispatcher(handlers);
    await expect(dispatch({ id: 7, method: 'app.info', params: {} })).resolves.toEqual({
      id: 7,
      ok: true,
      result: info,
    });
  });

  it('treats absent params as empty', async () => {
    const dispatch = createDispatcher(handlers);
    await expect(dispatch({ id: 1, method: 'app.info' })).resolves.toMatchObject({ ok: true });
  });

  it.each([
    [null, 'bad-request'],
    ['app.info', 'bad-request'],
    [{ id: -1, method: 'app.info' }, 'bad-request'],
    [{ id: 1, method: '' }, 'bad-request'],
    [{ id: 1, method: 'toString' }, 'unknown-method'],
    [{ id: 1, method: '__proto__' }, 'unknown-method'],
    [{ id: 1, method: 'files.delete' }, 'unknown-method'],
    [{ id: 1, method: 'app.info', params: { evil: true } }, 'bad-request'],
  ])('refuses %j with %s', async (raw, code) => {
    const response = await createDispatcher(handlers)(raw);
    expect(response).toMatchObject({ ok: false, error: { code } });
  });

  it('keeps the caller id on errors when it can read it', async () => {
    const response = await createDispatcher(handlers)({ id: 42, method: 'nope' });
    expect(response.id).toBe(42);
  });

  it('hides a failing handler behind an internal error and logs it', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      handlersWith({
        'app.info': () => {
          throw new Error('disk on fire');
        },
      }),
      log,
    );
    const response = await dispatch({ id: 3, method: 'app.info', params: {} });
    expect(response).toEqual({
      id: 3,
      ok: false,
      error: { code: 'internal', message: 'app.info failed' },
    });
    expect(log).toHaveBeenCalledWith(
      'app.info',
      expect.objectContaining({ message: 'disk on fire' }),
    );
  });

  it('never sends a result that breaks the contract', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(
      handlersWith({
        'app.info': () =>
          ({ ...info, languages: { default: 'xx', enabled: [] } }) as unknown as AppInfo,
      }),
      log,
    );
    const response = await dispatch({ id: 4, method: 'app.info', params: {} });
    expect(response).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
