import { describe, expect, it } from 'vitest';
import { SessionView } from '../../../main/contract/ipc-contract.js';
import { toSessionView } from '../../../main/session/session-view.js';

describe('session view sent to the renderer', () => {
  it('says how long the warning has left, and nothing of inputs or sales', () => {
    const view = toSessionView(
      { kind: 'idle-warning', sessionId: 's1', warningEndsAt: 31_000, saleOpen: false },
      { idleMs: 180_000, warningMs: 30_000 },
      10_000,
    );
    expect(view).toEqual({
      kind: 'idle-warning',
      sessionId: 's1',
      warningRemainingMs: 21_000,
      idleSeconds: 180,
      warningSeconds: 30,
    });
    expect(SessionView.parse(view)).toEqual(view);
  });

  it('stays valid for sub-second timings (tests and demos)', () => {
    const view = toSessionView(
      { kind: 'active', sessionId: 's1', lastInputAt: 0, saleOpen: true },
      { idleMs: 300, warningMs: 400 },
      0,
    );
    expect(SessionView.safeParse(view).success).toBe(true);
    expect(view).not.toHaveProperty('saleOpen');
  });
});
