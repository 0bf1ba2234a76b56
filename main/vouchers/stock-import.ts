/**
 * `borne stock import`: an operator's file read, checked against the
 * configured products and the stock, and committed whole or not at all.
 * The report names bad rows by line and reason, never a PIN.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { KioskConfig } from '../config/config-schema.js';
import { dayOf } from '../members/membership-period.js';
import { loadPinKey, PinVault } from './pin-vault.js';
import { readStockFile, type RowProblem } from './stock-file.js';
import { VoucherLedger } from './voucher-ledger.js';

export const LEDGER_FILE = 'vouchers.sqlite';

export type StockImportReport =
  | {
      ok: true;
      file: string;
      encoding: string;
      delimiter: string;
      dryRun: boolean;
      codes: number;
      byProduct: Record<string, number>;
      committed: boolean;
      problems: RowProblem[];
    }
  | { ok: false; file: string; error: string };

/** Opens the ledger of a data folder; makes the PIN key only for a new ledger. */
export function openLedger(dataDir: string, now?: () => number): VoucherLedger {
  const file = join(dataDir, LEDGER_FILE);
  const key = loadPinKey(dataDir, { create: !existsSync(file) });
  if (!key.ok) throw new Error(key.message);
  return new VoucherLedger(file, new PinVault(key.key), now);
}

export function importStockFile(
  path: string,
  options: { config: KioskConfig; dataDir: string; dryRun: boolean; by: string; now?: Date },
): StockImportReport {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return {
      ok: false,
      file: path,
      error: `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    };
  }
  const today = dayOf(options.now ?? new Date());
  const read = readStockFile(bytes, options.config.vouchers.products, today);
  if (!read.ok) return { ok: false, file: path, error: read.error };
  const { encoding, delimiter, rows } = read;
  const base = { ok: true as const, file: path, encoding, delimiter, dryRun: options.dryRun };
  if (read.problems.length > 0) {
    const byProduct: Record<string, number> = {};
    for (const row of rows) byProduct[row.productId] = (byProduct[row.productId] ?? 0) + 1;
    return { ...base, codes: rows.length, byProduct, committed: false, problems: read.problems };
  }
  const ledger = openLedger(options.dataDir);
  try {
    const result = ledger.importStock(
      rows,
      {
        fileName: basename(path),
        fileSha256: createHash('sha256').update(bytes).digest('hex'),
        by: options.by,
      },
      options.dryRun,
    );
    return { ...base, ...result };
  } finally {
    ledger.close();
  }
}
