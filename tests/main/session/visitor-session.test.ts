import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionFolder } from '../../../main/session/session-folder.js';
import { type ResetReport, VisitorSession } from '../../../main/session/visitor-session.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

function session(extra: Partial<ConstructorParameters<typeof VisitorSession>[0]> = {}) {
  let n = 0;
  const reports: ResetReport[] = [];
  const s = new VisitorSession({
    timing: { idleMs: 180_000, warningMs: 30_000 },
    newSessionId: () => `s${++n}`,
    onReset: (report) => reports.push(report),
    ...extra,
  });
  return { s, reports };
}

describe('visitor session against the clock', () => {
  it('warns after 3 minutes without input and wipes 30 s later', async () => {
    const { s, reports } = session();
    const wiped: string[] = [];
    s.addWiper({ name: 'storage', wipe: () => void wiped.push('storage') });
    s.dispatch({ type: 'input' });
    await vi.advanceTimersByTimeAsync(179_000);
    expect(s.state.kind).toBe('active');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.state.kind).toBe('idle-warning');
    await vi.advanceTimersByTimeAsync(30_000);
    await s.settled;
    expect(wiped).toEqual(['storage']);
    expect(s.state).toEqual({ kind: 'attract', sessionId: 's2' });
    expect(reports).toMatchObject([{ sessionId: 's1', reason: 'idle', failed: [] }]);
  });

  it('still warns and resets when the timer fires before the wall clock reaches the deadline', async () => {
    // The wall clock steps back 5 ms after each timer is armed (NTP, a loaded machine):
    // every tick then comes "early" by the session's clock.
    let lag = 0;
    const { s } = session({ now: () => Date.now() - lag });
    s.dispatch({ type: 'input' });
    lag = 5;
    await vi.advanceTimersByTimeAsync(180_000 + 10);
    expect(s.state.kind).toBe('idle-warning');
    lag = 10;
    await vi.advanceTimersByTimeAsync(30_000 + 20);
    await s.settled;
    expect(s.state.kind).toBe('attract');
  });

  it('postpones the warning on every input', async () => {
    const { s } = session();
    s.dispatch({ type: 'input' });
    await vi.advanceTimersByTimeAsync(170_000);
    s.dispatch({ type: 'input' });
    await vi.advanceTimersByTimeAsync(170_000);
    expect(s.state.kind).toBe('active');
  });

  it('runs every wiper even when one fails or hangs, and reports it', async () => {
    const { s, reports } = session({ wiperTimeoutMs: 500 });
    const wiped: string[] = [];
    s.addWiper({
      name: 'broken',
      wipe: () => {
        throw new Error('boom');
      },
    });
    s.addWiper({ name: 'stuck', wipe: () => new Promise(() => {}) });
    s.addWiper({ name: 'clipboard', wipe: () => void wiped.push('clipboard') });
    s.dispatch({ type: 'input' });
    s.dispatch({ type: 'end', by: 'visitor' });
    await vi.advanceTimersByTimeAsync(600);
    await s.settled;
    expect(wiped).toEqual(['clipboard']);
    expect(reports[0]?.failed).toEqual([
      { wiper: 'broken', error: 'boom' },
      { wiper: 'stuck', error: 'stuck took longer than 500 ms' },
    ]);
    expect(s.state.kind).toBe('attract');
  });

  it('tells its listeners every state it goes through', async () => {
    const { s } = session();
    const kinds: string[] = [];
    s.onChange((state) => kinds.push(state.kind));
    s.dispatch({ type: 'input' });
    s.dispatch({ type: 'end', by: 'visitor' });
    await s.settled;
    expect(kinds).toEqual(['active', 'resetting', 'attract']);
  });
});

describe('session folder', () => {
  it('is emptied and recreated by the reset', () => {
    vi.useRealTimers();
    const folder = new SessionFolder();
    writeFileSync(join(folder.path, 'attestation-caf.pdf'), 'x');
    folder.wipe();
    expect(existsSync(folder.path)).toBe(true);
    expect(readdirSync(folder.path)).toEqual([]);
  });
});
