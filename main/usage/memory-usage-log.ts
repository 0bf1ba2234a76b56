/**
 * Usage events kept in memory (until the SQLite log exists). Anything outside
 * the closed schema is a bug: in development and tests it throws, in
 * production it is dropped and counted, never stored.
 */
import { UsageEvent, type UsageLog } from './usage-event.js';

export class MemoryUsageLog implements UsageLog {
  readonly #events: UsageEvent[] = [];
  #dropped = 0;

  constructor(private readonly options: { strict: boolean; limit?: number } = { strict: true }) {}

  record(event: UsageEvent): void {
    const parsed = UsageEvent.safeParse(event);
    if (!parsed.success) {
      if (this.options.strict) throw new Error(`usage event refused: ${parsed.error.message}`);
      this.#dropped += 1;
      return;
    }
    this.#events.push(parsed.data);
    // Bounded: a kiosk that runs for months must not grow without end.
    const limit = this.options.limit ?? 10_000;
    if (this.#events.length > limit) this.#events.splice(0, this.#events.length - limit);
  }

  get events(): readonly UsageEvent[] {
    return this.#events;
  }

  get dropped(): number {
    return this.#dropped;
  }
}
