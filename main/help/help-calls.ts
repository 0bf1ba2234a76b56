/**
 * "Appeler un bénévole": one call at a time per kiosk, open until the visitor
 * cancels it, a volunteer badges in and answers it, or the visit ends. The
 * kiosk keeps the day's calls (time, wait, how it ended; nothing of the
 * visitor) for its staff space; the fleet will carry them to the console.
 * Pure but for the clock, which comes in as arguments.
 */
import type { HelpCallRecord, HelpView } from '../contract/ipc-contract.js';

export type CallEnd = HelpCallRecord['outcome'];

/** How many calls the staff space lists (the most recent first). */
const KEPT = 20;

export class HelpCalls {
  #open: { calledAt: number } | null = null;
  readonly #history: HelpCallRecord[] = [];

  view(): HelpView {
    return this.#open ? { state: 'calling', calledAt: this.#open.calledAt } : { state: 'none' };
  }

  /** Opens a call; calling again while one is open keeps the first time (the wait goes on). */
  call(now: number): boolean {
    if (this.#open) return false;
    this.#open = { calledAt: now };
    this.#history.unshift({ calledAt: now, outcome: 'open' });
    this.#history.splice(KEPT);
    return true;
  }

  /** Ends the open call; returns how long the visitor waited, or null when none was open. */
  end(outcome: Exclude<CallEnd, 'open'>, now: number): number | null {
    const open = this.#open;
    if (!open) return null;
    this.#open = null;
    const waitedMs = Math.max(0, now - open.calledAt);
    const record = this.#history.find((entry) => entry.calledAt === open.calledAt);
    if (record) {
      record.outcome = outcome;
      record.waitedSeconds = Math.round(waitedMs / 1000);
    }
    return waitedMs;
  }

  /** The day's calls, most recent first (older days are dropped). */
  history(now: number): HelpCallRecord[] {
    const today = new Date(now).toDateString();
    return this.#history
      .filter((entry) => new Date(entry.calledAt).toDateString() === today)
      .map((entry) => ({ ...entry }));
  }
}
