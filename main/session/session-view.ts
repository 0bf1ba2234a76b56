import type { SessionView } from '../contract/ipc-contract.js';
import type { SessionState, SessionTiming } from './session-machine.js';

/** What the renderer is told of the session: no times of input, no sale details. */
export function toSessionView(
  state: SessionState,
  timing: SessionTiming,
  now: number,
): SessionView {
  return {
    kind: state.kind,
    sessionId: state.sessionId,
    ...(state.kind === 'idle-warning'
      ? { warningRemainingMs: Math.max(0, Math.round(state.warningEndsAt - now)) }
      : {}),
    idleSeconds: timing.idleMs / 1000,
    warningSeconds: timing.warningMs / 1000,
  };
}
