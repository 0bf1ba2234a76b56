/**
 * Runs the session machine against the clock and performs the reset: every
 * registered wiper runs (bounded in time), failures are reported, and only
 * then does the next visitor's session begin. Both hosts use this class; each
 * registers the wipers of what it owns (browser storage, views, files…).
 */
import { randomUUID } from 'node:crypto';
import {
  nextDeadline,
  nextSessionState,
  type ResetReason,
  type SessionEvent,
  type SessionState,
  type SessionTiming,
} from './session-machine.js';

/** An event without its time: the session stamps it with its clock. */
export type SessionInput = SessionEvent extends infer E
  ? E extends SessionEvent
    ? Omit<E, 'at'> & { at?: number }
    : never
  : never;

/** One kind of trace to erase between visitors. */
export interface Wiper {
  name: string;
  wipe(): Promise<void> | void;
}

export interface ResetReport {
  sessionId: string;
  reason: ResetReason;
  durationMs: number;
  failed: { wiper: string; error: string }[];
}

export interface VisitorSessionOptions {
  timing: SessionTiming;
  /** Longest a single wiper may take before the reset goes on without it. */
  wiperTimeoutMs?: number;
  now?: () => number;
  newSessionId?: () => string;
  onChange?: (state: SessionState) => void;
  onReset?: (report: ResetReport) => void;
}

export class VisitorSession {
  #state: SessionState;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #wipers: Wiper[] = [];
  readonly #options: Required<Omit<VisitorSessionOptions, 'onChange' | 'onReset'>> &
    Pick<VisitorSessionOptions, 'onChange' | 'onReset'>;
  readonly #listeners = new Set<(state: SessionState) => void>();
  #resetDone: Promise<void> = Promise.resolve();

  constructor(options: VisitorSessionOptions) {
    this.#options = {
      wiperTimeoutMs: 2000,
      now: Date.now,
      newSessionId: randomUUID,
      ...options,
    };
    this.#state = { kind: 'attract', sessionId: this.#options.newSessionId() };
  }

  get state(): SessionState {
    return this.#state;
  }

  get timing(): SessionTiming {
    return this.#options.timing;
  }

  /** Resolves when the reset under way (if any) has finished. */
  get settled(): Promise<void> {
    return this.#resetDone;
  }

  addWiper(wiper: Wiper): void {
    this.#wipers.push(wiper);
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setTiming(timing: SessionTiming): void {
    this.#options.timing = timing;
    this.#schedule();
  }

  dispatch(event: SessionInput): SessionState {
    const full = { ...event, at: event.at ?? this.#options.now() } as SessionEvent;
    const previous = this.#state;
    const next = nextSessionState(previous, full, this.#options.timing);
    if (next === previous) {
      // A timer may fire a little before the wall clock reaches the deadline:
      // arm it again, or the session would never warn nor reset.
      if (full.type === 'tick') this.#schedule();
      return next;
    }
    this.#state = next;
    this.#schedule();
    this.#options.onChange?.(next);
    for (const listener of this.#listeners) listener(next);
    if (next.kind === 'resetting' && previous.kind !== 'resetting') {
      this.#resetDone = this.#reset(next.sessionId, next.reason);
    }
    return next;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#listeners.clear();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const deadline = nextDeadline(this.#state, this.#options.timing);
    if (deadline === null) return;
    const delay = Math.max(0, deadline - this.#options.now());
    this.#timer = setTimeout(() => this.dispatch({ type: 'tick' }), delay);
  }

  async #reset(sessionId: string, reason: ResetReason): Promise<void> {
    const started = performance.now();
    const failed: ResetReport['failed'] = [];
    for (const wiper of this.#wipers) {
      try {
        await withTimeout(Promise.resolve(wiper.wipe()), this.#options.wiperTimeoutMs, wiper.name);
      } catch (error) {
        failed.push({
          wiper: wiper.name,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const report = { sessionId, reason, durationMs: performance.now() - started, failed };
    this.#options.onReset?.(report);
    this.dispatch({ type: 'reset-done', nextSessionId: this.#options.newSessionId() });
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} took longer than ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
