/**
 * Writes usage records without holding up the kiosk: `record` checks the
 * record and queues it; the queue is written in batches, each one
 * transaction, shortly after (or at once when a batch is full), at each
 * visit's reset and at shutdown.
 *
 * A record outside the schema is a bug: in development and tests it throws;
 * in production it is dropped and counted. A database that cannot be written
 * (disk full, read-only file, file gone) never stops the kiosk: the batch is
 * dropped and counted, the fault is reported to the staff space, and the
 * next batch tries again.
 */
import { missingFields, type UsageRecord, UsageRecordFields } from './usage-event.js';
import type { UsageStore } from './usage-store.js';

export type UsageFault = 'disk-full' | 'read-only' | 'failed';

export type UsageHealth =
  | { state: 'ok'; dropped: number; queued: number }
  | { state: UsageFault; dropped: number; queued: number; message: string };

export interface UsageWriterOptions {
  /** Opens the database; called again after a failure (a file made writable again). */
  open: () => UsageStore;
  strict: boolean;
  /** The local day now: events of earlier days written late make those days count again. */
  today: () => string;
  batchSize?: number;
  flushAfterMs?: number;
  /** Most records waiting; past it, new ones are dropped and counted. */
  maxQueued?: number;
  log?: (line: string) => void;
}

/** A SQLite error's code, read as a fault staff can act on. */
export function usageFault(error: unknown): UsageFault {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || (error as { errno?: unknown }).errno === 'ENOSPC') {
    return 'disk-full';
  }
  if (typeof code === 'string' && /^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code)) return 'read-only';
  return 'failed';
}

export class UsageWriter {
  readonly #options: Required<Omit<UsageWriterOptions, 'log'>> & Pick<UsageWriterOptions, 'log'>;
  #queue: UsageRecord[] = [];
  #store: UsageStore | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dropped = 0;
  #fault: { state: UsageFault; message: string } | undefined;

  constructor(options: UsageWriterOptions) {
    this.#options = {
      ...options,
      batchSize: options.batchSize ?? 1000,
      flushAfterMs: options.flushAfterMs ?? 1000,
      maxQueued: options.maxQueued ?? 50_000,
    };
  }

  record(record: UsageRecord): void {
    // The closed schema, then the fields its kind needs (UsageRecord, in two steps: faster).
    const parsed = UsageRecordFields.safeParse(record);
    const refused = parsed.success
      ? missingFields(parsed.data).map((field) => `${record.kind} needs ${field}`)
      : [parsed.error.message];
    if (!parsed.success || refused.length > 0) {
      if (this.#options.strict) throw new Error(`usage event refused: ${refused.join('; ')}`);
      this.#dropped += 1;
      return;
    }
    if (this.#queue.length >= this.#options.maxQueued) {
      this.#dropped += 1;
      return;
    }
    this.#queue.push(parsed.data);
    if (this.#queue.length >= this.#options.batchSize) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), this.#options.flushAfterMs).unref();
  }

  /** Writes what is queued now, batch by batch; a batch that fails is dropped and counted. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#options.batchSize);
      try {
        this.store().insert(batch, this.#options.today());
        if (this.#fault) this.#options.log?.('usage: the usage database is written again');
        this.#fault = undefined;
      } catch (error) {
        this.#dropped += batch.length;
        this.#failed(error);
      }
    }
  }

  /** The open database (opened on first use). */
  store(): UsageStore {
    this.#store ??= this.#options.open();
    return this.#store;
  }

  #failed(error: unknown): void {
    const state = usageFault(error);
    const message = error instanceof Error ? error.message : String(error);
    if (this.#fault?.state !== state) {
      this.#options.log?.(
        `usage: events dropped, the usage database cannot be written (${message})`,
      );
    }
    this.#fault = { state, message };
    // Opened again next time: the file may have been replaced or made writable.
    try {
      this.#store?.close();
    } catch {
      // already unusable
    }
    this.#store = undefined;
  }

  /** Runs work on the database; a failure is reported like a failed batch and rethrown. */
  withStore<T>(work: (store: UsageStore) => T): T {
    try {
      const result = work(this.store());
      this.#fault = undefined;
      return result;
    } catch (error) {
      this.#failed(error);
      throw error;
    }
  }

  health(): UsageHealth {
    const counts = { dropped: this.#dropped, queued: this.#queue.length };
    return this.#fault ? { ...this.#fault, ...counts } : { state: 'ok', ...counts };
  }

  /** Flushes, writes the WAL back and closes (at shutdown). */
  close(): void {
    this.flush();
    try {
      this.#store?.checkpoint();
      this.#store?.close();
    } catch (error) {
      this.#failed(error);
    }
    this.#store = undefined;
  }
}
