import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nextDeadline,
  nextSessionState,
  type SessionEvent,
  type SessionState,
} from '../../../main/session/session-machine.js';

const timing = { idleMs: 180_000, warningMs: 30_000 };
const attract: SessionState = { kind: 'attract', sessionId: 's1' };
const step = (state: SessionState, event: SessionEvent) => nextSessionState(state, event, timing);

describe('session machine: a visitor’s path', () => {
  it('goes ATTRACT → ACTIVE on the first touch', () => {
    expect(step(attract, { type: 'input', at: 1000 })).toEqual({
      kind: 'active',
      sessionId: 's1',
      lastInputAt: 1000,
      saleOpen: false,
    });
  });

  it('warns after the idle time, with the full countdown, then resets', () => {
    let state = step(attract, { type: 'input', at: 0 });
    state = step(state, { type: 'tick', at: 179_999 });
    expect(state.kind).toBe('active');
    state = step(state, { type: 'tick', at: 180_500 });
    expect(state).toEqual({
      kind: 'idle-warning',
      sessionId: 's1',
      warningEndsAt: 210_500,
      saleOpen: false,
    });
    state = step(state, { type: 'tick', at: 210_499 });
    expect(state.kind).toBe('idle-warning');
    state = step(state, { type: 'tick', at: 210_500 });
    expect(state).toEqual({ kind: 'resetting', sessionId: 's1', reason: 'idle' });
    state = step(state, { type: 'reset-done', at: 210_600, nextSessionId: 's2' });
    expect(state).toEqual({ kind: 'attract', sessionId: 's2' });
  });

  it('goes back to ACTIVE when the visitor touches or presses "Continuer" during the warning', () => {
    const warning: SessionState = {
      kind: 'idle-warning',
      sessionId: 's1',
      warningEndsAt: 5000,
      saleOpen: false,
    };
    expect(step(warning, { type: 'continue', at: 4000 })).toMatchObject({
      kind: 'active',
      lastInputAt: 4000,
    });
    expect(step(warning, { type: 'input', at: 4000 })).toMatchObject({
      kind: 'active',
      lastInputAt: 4000,
    });
  });

  it('resets at once when the visitor ends the session, from anywhere but ATTRACT', () => {
    const active = step(attract, { type: 'input', at: 0 });
    expect(step(active, { type: 'end', at: 10, by: 'visitor' })).toEqual({
      kind: 'resetting',
      sessionId: 's1',
      reason: 'visitor-ended',
    });
    expect(step(attract, { type: 'end', at: 10, by: 'visitor' })).toBe(attract);
  });

  it('resets when the renderer crashes or hangs, whatever the state', () => {
    expect(step(attract, { type: 'renderer-gone', at: 1, cause: 'crash' })).toMatchObject({
      kind: 'resetting',
      reason: 'renderer-crash',
    });
    const active = step(attract, { type: 'input', at: 0 });
    expect(step(active, { type: 'renderer-gone', at: 1, cause: 'hang' })).toMatchObject({
      reason: 'renderer-hang',
    });
  });

  it('ignores everything but the end of the wipe while resetting', () => {
    const resetting: SessionState = { kind: 'resetting', sessionId: 's1', reason: 'idle' };
    for (const event of [
      { type: 'input', at: 1 },
      { type: 'end', at: 1, by: 'admin' },
      { type: 'sale', at: 1, open: true },
      { type: 'renderer-gone', at: 1, cause: 'crash' },
    ] as SessionEvent[]) {
      expect(step(resetting, event)).toBe(resetting);
    }
  });
});

describe('session machine: staff mode with a sale open', () => {
  const selling = step(attract, { type: 'sale', at: 0, open: true });

  it('locks instead of resetting when idle', () => {
    expect(step(selling, { type: 'tick', at: timing.idleMs })).toEqual({
      kind: 'locked',
      sessionId: 's1',
      lockedAt: timing.idleMs,
      saleOpen: true,
    });
  });

  it('stays locked on input; only an unlock brings it back', () => {
    const locked = step(selling, { type: 'tick', at: timing.idleMs });
    expect(step(locked, { type: 'input', at: 1 })).toBe(locked);
    expect(step(locked, { type: 'tick', at: 10 * timing.idleMs })).toBe(locked);
    expect(step(locked, { type: 'unlock', at: 5 })).toMatchObject({
      kind: 'active',
      saleOpen: true,
    });
  });

  it('refuses to end a session with an open sale, except by admin command', () => {
    expect(step(selling, { type: 'end', at: 1, by: 'visitor' })).toBe(selling);
    expect(step(selling, { type: 'end', at: 1, by: 'staff' })).toBe(selling);
    expect(step(selling, { type: 'end', at: 1, by: 'admin' })).toMatchObject({
      kind: 'resetting',
      reason: 'admin',
    });
  });

  it('resumes normal idle behaviour once the sale is closed', () => {
    const closed = step(selling, { type: 'sale', at: 10, open: false });
    expect(step(closed, { type: 'tick', at: 10 + timing.idleMs })).toMatchObject({
      kind: 'idle-warning',
    });
  });
});

// Properties over any sequence of events.
const eventArb: fc.Arbitrary<SessionEvent> = fc.oneof(
  fc.record({ type: fc.constant('input' as const), at: fc.nat(1_000_000) }),
  fc.record({ type: fc.constant('tick' as const), at: fc.nat(1_000_000) }),
  fc.record({ type: fc.constant('continue' as const), at: fc.nat(1_000_000) }),
  fc.record({
    type: fc.constant('end' as const),
    at: fc.nat(1_000_000),
    by: fc.constantFrom('visitor' as const, 'staff' as const, 'admin' as const),
  }),
  fc.record({
    type: fc.constant('renderer-gone' as const),
    at: fc.nat(1_000_000),
    cause: fc.constantFrom('crash' as const, 'hang' as const),
  }),
  fc.record({ type: fc.constant('sale' as const), at: fc.nat(1_000_000), open: fc.boolean() }),
  fc.record({ type: fc.constant('unlock' as const), at: fc.nat(1_000_000) }),
  fc.record({
    type: fc.constant('reset-done' as const),
    at: fc.nat(1_000_000),
    nextSessionId: fc.uuid(),
  }),
);

describe('session machine: properties', () => {
  it('never resets on its own while a sale is open', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        let state: SessionState = attract;
        for (const event of events) {
          const next = step(state, event);
          const saleWasOpen = 'saleOpen' in state && state.saleOpen;
          if (saleWasOpen && next.kind === 'resetting') {
            expect(['admin', 'renderer-crash', 'renderer-hang']).toContain(next.reason);
          }
          state = next;
        }
      }),
    );
  });

  it('keeps the session id until a reset completes, and changes it only then', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        let state: SessionState = attract;
        for (const event of events) {
          const next = step(state, event);
          if (next.sessionId !== state.sessionId) {
            expect(state.kind).toBe('resetting');
            expect(event.type).toBe('reset-done');
          }
          state = next;
        }
      }),
    );
  });

  it('always has a deadline while a visitor may leave without a word', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        let state: SessionState = attract;
        for (const event of events) state = step(state, event);
        const deadline = nextDeadline(state, timing);
        if (state.kind === 'active' || state.kind === 'idle-warning')
          expect(deadline).not.toBeNull();
        else expect(deadline).toBeNull();
      }),
    );
  });
});
