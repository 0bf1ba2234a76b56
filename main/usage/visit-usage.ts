/**
 * The visit's side of the usage log: a pseudonym drawn fresh at the first
 * touch (48 random bits, tied to nothing) and forgotten at the reset, so a
 * visit's events count together but never link to another visit; every
 * event stamped with it and the kiosk's id; the visit's start and end.
 */
import { randomBytes } from 'node:crypto';
import type { LanguageCode } from '../contract/ipc-contract.js';
import type { ResetReason } from '../session/session-machine.js';
import { durationBucket, type UsageEvent, type UsageLog, usageTime } from './usage-event.js';
import type { UsageWriter } from './usage-writer.js';

const END_OUTCOMES: Record<ResetReason, 'visitor' | 'idle' | 'staff' | 'crash'> = {
  'visitor-ended': 'visitor',
  idle: 'idle',
  'staff-ended': 'staff',
  admin: 'staff',
  'renderer-crash': 'crash',
  'renderer-hang': 'crash',
};

export interface VisitUsageOptions {
  writer: Pick<UsageWriter, 'record' | 'flush'>;
  kioskId: () => string;
  now?: () => number;
}

export class VisitUsage implements UsageLog {
  #visit: { pseudonym: string; startedAt: number } | undefined;
  readonly #now: () => number;

  constructor(private readonly options: VisitUsageOptions) {
    this.#now = options.now ?? Date.now;
  }

  record(event: UsageEvent): void {
    this.options.writer.record({
      ...event,
      kioskId: this.options.kioskId(),
      ...(this.#visit ? { visit: this.#visit.pseudonym } : {}),
    });
  }

  /**
   * The first touch: a new pseudonym. No language yet: the first touch is
   * often the language button itself; the visit's language is the one it
   * ends in.
   */
  started(): void {
    this.#visit = { pseudonym: randomBytes(6).toString('hex'), startedAt: this.#now() };
    this.record({ kind: 'session-started', ...usageTime(new Date(this.#now())) });
  }

  /** The reset: why and how long (coarsely), then the pseudonym is forgotten and all is written. */
  ended(reason: ResetReason, language: LanguageCode): void {
    if (this.#visit) {
      this.record({
        kind: 'session-ended',
        outcome: END_OUTCOMES[reason],
        duration: durationBucket(this.#now() - this.#visit.startedAt),
        language,
        ...usageTime(new Date(this.#now())),
      });
    }
    this.#visit = undefined;
    this.options.writer.flush();
  }
}
