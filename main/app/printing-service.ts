/**
 * The kiosk's printers, from the configuration: one queue each, journaled in
 * the data folder. At start, what a previous run left open is settled and
 * said (unknown and failed jobs are for staff to check). Printer changes in
 * the configuration take effect at the next start.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues } from '../../native/describe-issues.js';
import type { JobKind, PrintJobRecord } from '../../native/printer/print-job-store.js';
import { PrintJobStore } from '../../native/printer/print-job-store.js';
import { PrintQueue } from '../../native/printer/print-queue.js';
import {
  PRINTER_PROFILES,
  type PrinterProfile,
  withCodePage,
} from '../../native/printer/printer-profiles.js';
import { type PrinterTransport, transportFor } from '../../native/printer/printer-transport.js';
import { STATE_MESSAGES } from '../../native/printer/printer-status.js';
import { parsePrinterUri } from '../../native/printer/printer-uri.js';
import { encodeReceipt } from '../../native/printer/receipt-encoder.js';
import { loadReceiptImages } from '../../native/printer/receipt-images.js';
import { ReceiptDocument } from '../../native/printer/receipt-model.js';
import type { KioskConfig } from '../config/config-schema.js';

export interface PrintOrder {
  kind: JobKind;
  document: unknown;
  containsPin: boolean;
}

export type PrintOutcome =
  { ok: true; job: PrintJobRecord; warnings: string[] } | { ok: false; error: string };

export interface PrintingService {
  readonly printerIds: string[];
  profile(printerId: string): PrinterProfile | undefined;
  print(printerId: string, order: PrintOrder): Promise<PrintOutcome>;
  jobs(printerId?: string): Promise<PrintJobRecord[]>;
  /** Asks every printer its real-time status, in French for staff. */
  statuses(): Promise<{ id: string; state: string; ok: boolean; message: string }[]>;
  dispose(): void;
}

interface Printer {
  queue: PrintQueue;
  profile: PrinterProfile;
  transport: PrinterTransport;
}

const JOURNAL_RETENTION_MS = 30 * 24 * 3600 * 1000;

export function createPrintingService(options: {
  config: KioskConfig;
  /** Where pictures named in documents are found (the configuration's folder). */
  baseDir: string;
  dataDir: string;
  log: (line: string) => void;
}): PrintingService {
  const entries = options.config.printing.printers;
  const printers = new Map<string, Printer>();
  let store: PrintJobStore | undefined;
  if (entries.length > 0) {
    mkdirSync(options.dataDir, { recursive: true });
    store = new PrintJobStore(join(options.dataDir, 'print-jobs.sqlite'));
    store.prune(JOURNAL_RETENTION_MS);
  }
  for (const entry of entries) {
    const parsed = parsePrinterUri(entry.uri);
    if (!parsed.ok || !store) continue; // the schema has checked the address
    const base = PRINTER_PROFILES[entry.profile];
    const profile = entry.codePage ? withCodePage(base, entry.codePage) : base;
    const transport = transportFor(parsed.uri);
    const queue = new PrintQueue({ printerId: entry.id, transport, store });
    for (const job of queue.recover()) {
      options.log(`printer ${entry.id}: job ${job.id} (${job.kind}) ${job.state}: ${job.reason}`);
    }
    printers.set(entry.id, { queue, profile, transport });
  }

  return {
    printerIds: [...printers.keys()],
    profile: (printerId) => printers.get(printerId)?.profile,
    async print(printerId, order) {
      const printer = printers.get(printerId);
      if (!printer) return { ok: false, error: `no printer "${printerId}" in the configuration` };
      const parsed = ReceiptDocument.safeParse(order.document);
      if (!parsed.success) return { ok: false, error: describeIssues(parsed.error).join('; ') };
      const images = loadReceiptImages(parsed.data, options.baseDir);
      if (!images.ok) return { ok: false, error: images.error };
      const encoded = encodeReceipt(parsed.data, printer.profile, images.images);
      const job = await printer.queue.print({
        kind: order.kind,
        bytes: encoded.bytes,
        containsPin: order.containsPin,
      });
      return { ok: true, job, warnings: encoded.warnings };
    },
    jobs: (printerId) => Promise.resolve(store?.list(printerId) ?? []),
    statuses: () =>
      Promise.all(
        [...printers].map(async ([id, { transport }]) => {
          const result = await transport.status();
          return result.ok
            ? {
                id,
                state: result.status.state,
                ok: result.status.canPrint,
                message: STATE_MESSAGES[result.status.state],
              }
            : { id, state: result.error, ok: false, message: result.message };
        }),
      ),
    dispose: () => store?.close(),
  };
}
