/**
 * The visitor session lifecycle, as a pure function of (state, event).
 *
 *   ATTRACT ─input→ ACTIVE ─no input for idleMs→ IDLE_WARNING ─warningMs→ RESETTING ─done→ ATTRACT
 *                     ▲              │ input / continue                        ▲
 *                     └──────────────┘                                         │
 *   any state ─visitor ends / renderer gone──────────────────────────────────┘
 *
 * Staff mode: while a sale is open the session never resets on its own; when
 * idle it LOCKS instead, and only an unlock (staff) brings it back.
 * Times are epoch milliseconds given by the caller: no clock in here.
 */

export type ResetReason =
  'idle' | 'visitor-ended' | 'staff-ended' | 'admin' | 'renderer-crash' | 'renderer-hang';

export type SessionState =
  | { kind: 'attract'; sessionId: string }
  | { kind: 'active'; sessionId: string; lastInputAt: number; saleOpen: boolean }
  | { kind: 'idle-warning'; sessionId: string; warningEndsAt: number; saleOpen: false }
  | { kind: 'locked'; sessionId: string; lockedAt: number; saleOpen: boolean }
  | { kind: 'resetting'; sessionId: string; reason: ResetReason };

export type SessionEvent =
  | { type: 'input'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'continue'; at: number }
  | { type: 'end'; at: number; by: 'visitor' | 'staff' | 'admin' }
  | { type: 'renderer-gone'; at: number; cause: 'crash' | 'hang' }
  | { type: 'sale'; at: number; open: boolean }
  | { type: 'unlock'; at: number }
  | { type: 'reset-done'; at: number; nextSessionId: string };

export interface SessionTiming {
  idleMs: number;
  warningMs: number;
}

export function nextSessionState(
  state: SessionState,
  event: SessionEvent,
  timing: SessionTiming,
): SessionState {
  const { sessionId } = state;
  if (state.kind === 'resetting') {
    // Nothing interrupts a wipe; only its end starts the next visitor's session.
    return event.type === 'reset-done'
      ? { kind: 'attract', sessionId: event.nextSessionId }
      : state;
  }
  if (event.type === 'renderer-gone') {
    return {
      kind: 'resetting',
      sessionId,
      reason: event.cause === 'crash' ? 'renderer-crash' : 'renderer-hang',
    };
  }
  if (event.type === 'end') {
    // A sale in progress is closed by staff first; only an admin command overrides it.
    if (isSaleOpen(state) && event.by !== 'admin') return state;
    const reason =
      event.by === 'visitor' ? 'visitor-ended' : event.by === 'staff' ? 'staff-ended' : 'admin';
    return state.kind === 'attract' && event.by === 'visitor'
      ? state
      : { kind: 'resetting', sessionId, reason };
  }

  switch (state.kind) {
    case 'attract':
      if (event.type === 'input') return active(sessionId, event.at, false);
      if (event.type === 'sale' && event.open) return active(sessionId, event.at, true);
      return state;

    case 'active':
      if (event.type === 'input' || event.type === 'continue')
        return active(sessionId, event.at, state.saleOpen);
      if (event.type === 'sale') return active(sessionId, event.at, event.open);
      if (event.type === 'tick' && event.at - state.lastInputAt >= timing.idleMs) {
        return state.saleOpen
          ? { kind: 'locked', sessionId, lockedAt: event.at, saleOpen: true }
          : {
              kind: 'idle-warning',
              sessionId,
              warningEndsAt: event.at + timing.warningMs,
              saleOpen: false,
            };
      }
      return state;

    case 'idle-warning':
      if (event.type === 'input' || event.type === 'continue')
        return active(sessionId, event.at, false);
      if (event.type === 'sale' && event.open) return active(sessionId, event.at, true);
      if (event.type === 'tick' && event.at >= state.warningEndsAt) {
        return { kind: 'resetting', sessionId, reason: 'idle' };
      }
      return state;

    case 'locked':
      if (event.type === 'unlock') return active(sessionId, event.at, state.saleOpen);
      if (event.type === 'sale') return { ...state, saleOpen: event.open };
      return state;
  }
}

/** When the state next changes by itself, if no event comes (for the caller's timer). */
export function nextDeadline(state: SessionState, timing: SessionTiming): number | null {
  if (state.kind === 'active') return state.lastInputAt + timing.idleMs;
  if (state.kind === 'idle-warning') return state.warningEndsAt;
  return null;
}

function isSaleOpen(state: SessionState): boolean {
  return 'saleOpen' in state && state.saleOpen;
}

function active(sessionId: string, at: number, saleOpen: boolean): SessionState {
  return { kind: 'active', sessionId, lastInputAt: at, saleOpen };
}
