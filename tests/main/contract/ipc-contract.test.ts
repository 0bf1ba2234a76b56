import { describe, expect, it } from 'vitest';
import {
  HostCallError,
  isEventName,
  isMethodName,
  parseResult,
} from '../../../main/contract/ipc-contract.js';
import { EventHub } from '../../../main/ipc/event-hub.js';

describe('IPC contract', () => {
  it('knows its own methods and events only', () => {
    expect(isMethodName('app.info')).toBe(true);
    expect(isMethodName('constructor')).toBe(false);
    expect(isEventName('app.info.changed')).toBe(true);
    expect(isEventName('hasOwnProperty')).toBe(false);
  });

  it('turns an error envelope into a typed error for the caller', () => {
    const call = () =>
      parseResult('app.info', {
        id: 1,
        ok: false,
        error: { code: 'unknown-method', message: 'nope' },
      });
    expect(call).toThrow(HostCallError);
    expect(call).toThrow('nope');
  });

  it('refuses a result that does not match the method', () => {
    expect(() => parseResult('app.info', { id: 1, ok: true, result: { version: 1 } })).toThrow();
  });

  it('validates event payloads before they leave the services', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    hub.subscribe((envelope) => seen.push(envelope));
    expect(() => hub.emit('app.info.changed', { version: 'x' } as never)).toThrow();
    expect(seen).toEqual([]);
  });
});
