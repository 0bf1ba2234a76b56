/**
 * One queue per printer: jobs go out one at a time, status checked before
 * and after each, every step written down first (PrintJobStore).
 *
 * The rules (issue 5, DESIGN §3):
 * - printer stopped (paper out, cover open, offline, error) before a job:
 *   nothing is sent; a PIN job fails at once with the reason, so staff can
 *   act; an ordinary receipt waits and tries again;
 * - printer unreachable: nothing was sent, so any job may try again;
 * - connection lost mid-job: maybe half printed. A PIN job stops there as
 *   "unknown" and is never resent by itself (the ledger decides); an ordinary
 *   receipt is printed again.
 */
import type { JobKind, JobState, PrintJobRecord, PrintJobStore } from './print-job-store.js';
import type { PrinterTransport } from './printer-transport.js';
import { STATE_MESSAGES } from './printer-status.js';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the 2nd, 3rd… try; the last value repeats. */
  delaysMs: number[];
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, delaysMs: [1000, 2000, 5000, 10_000] };

export interface PrintRequest {
  kind: JobKind;
  bytes: Uint8Array;
  /** A recharge PIN is on it: never resent by itself once it may have printed. */
  containsPin: boolean;
}

export interface PrintQueueOptions {
  printerId: string;
  transport: PrinterTransport;
  store: PrintJobStore;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** Every state change, for the staff screen and the fleet. */
  onChange?: (job: PrintJobRecord) => void;
}

/** How one try ended. */
type Attempt =
  | { outcome: 'printed' }
  | { outcome: 'not-sent'; reason: string; retry: boolean }
  | { outcome: 'maybe-printed'; reason: string };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PrintQueue {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: PrintQueueOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /**
   * Settles what a previous run left open and queues the ordinary jobs
   * again. Returns the jobs found unknown or failed, for staff to check.
   */
  recover(): PrintJobRecord[] {
    const { unknown, failed, resend } = this.options.store.recover(this.options.printerId);
    for (const job of [...unknown, ...failed]) this.options.onChange?.(job);
    for (const { job, bytes } of resend) void this.enqueue(job, bytes, false);
    return [...unknown, ...failed];
  }

  /** Resolves when the job is done, failed or unknown. */
  print(request: PrintRequest): Promise<PrintJobRecord> {
    const job = this.options.store.add(
      this.options.printerId,
      request.kind,
      request.bytes,
      request.containsPin,
    );
    this.options.onChange?.(job);
    return this.enqueue(job, request.bytes, request.containsPin);
  }

  private enqueue(
    job: PrintJobRecord,
    bytes: Uint8Array,
    containsPin: boolean,
  ): Promise<PrintJobRecord> {
    const run = this.chain.then(() => this.run(job.id, bytes, containsPin));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async run(id: number, bytes: Uint8Array, containsPin: boolean): Promise<PrintJobRecord> {
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.attempt(id, bytes, containsPin);
      if (result.outcome === 'printed') return this.move(id, 'done', null);
      const last = attempt >= this.retry.attempts;
      if (result.outcome === 'maybe-printed' && (containsPin || last)) {
        return this.move(id, 'unknown', result.reason);
      }
      if (result.outcome === 'not-sent' && (!result.retry || last)) {
        return this.move(id, 'failed', result.reason);
      }
      this.move(id, 'queued', result.reason);
      const delays = this.retry.delaysMs;
      await this.sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 0);
    }
  }

  private async attempt(id: number, bytes: Uint8Array, containsPin: boolean): Promise<Attempt> {
    const { transport } = this.options;
    const before = await transport.status();
    if (!before.ok) return { outcome: 'not-sent', reason: before.message, retry: true };
    if (!before.status.canPrint) {
      // Nothing is sent to a stopped printer; staff see why at once for a voucher.
      return {
        outcome: 'not-sent',
        reason: STATE_MESSAGES[before.status.state],
        retry: !containsPin,
      };
    }

    this.move(id, 'sending', null, true);
    const sent = await transport.send(bytes);
    if (!sent.ok) {
      return sent.connected
        ? { outcome: 'maybe-printed', reason: `coupé pendant l’envoi : ${sent.message}` }
        : { outcome: 'not-sent', reason: sent.message, retry: true };
    }

    const after = await transport.status();
    if (after.ok && !after.status.canPrint) {
      return {
        outcome: 'maybe-printed',
        reason: `après l’envoi : ${STATE_MESSAGES[after.status.state]}`,
      };
    }
    if (!after.ok && containsPin) {
      return {
        outcome: 'maybe-printed',
        reason: `état illisible après l’envoi : ${after.message}`,
      };
    }
    return { outcome: 'printed' };
  }

  private move(
    id: number,
    state: JobState,
    reason: string | null,
    attempted = false,
  ): PrintJobRecord {
    const job = this.options.store.update(id, state, reason, attempted);
    this.options.onChange?.(job);
    return job;
  }

  /** Waits for every queued job to settle. */
  async idle(): Promise<void> {
    await this.chain;
  }
}
