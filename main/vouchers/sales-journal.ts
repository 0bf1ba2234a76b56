/**
 * The sales journal's chain, in the spirit of the French rules on cash
 * registers (inalterability, securing, keeping, archiving): every entry
 * carries the hash of the one before, so that changing, removing or
 * inserting an entry breaks every hash after it. Entries are only ever
 * appended (SQLite triggers refuse UPDATE and DELETE); a closing entry ends
 * each day with its totals. Pure: the ledger stores, this computes.
 */
import { createHash } from 'node:crypto';

export const JOURNAL_KINDS = [
  'stock-import',
  'sale',
  'printing',
  'printed',
  'delivered',
  'uncertain',
  'released',
  'reprint',
  'void',
  'override',
  'closing',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export interface JournalEntry {
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  /** The kiosk's local day. */
  day: string;
  kind: JournalKind;
  serial: string | null;
  saleId: number | null;
  /** Who did it: a staff member's name, or "borne" for the kiosk itself. */
  staff: string;
  /** JSON, never a PIN. */
  detail: string;
  prevHash: string;
  hash: string;
}

/** What the first entry chains to. */
export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(entry: Omit<JournalEntry, 'hash'>): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        entry.seq,
        entry.at,
        entry.day,
        entry.kind,
        entry.serial,
        entry.saleId,
        entry.staff,
        entry.detail,
        entry.prevHash,
      ]),
    )
    .digest('hex');
}

export type ChainCheck =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the journal in order; names the first entry that does not hold. */
export function verifyChain(entries: Iterable<JournalEntry>): ChainCheck {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    const broken = (reason: string): ChainCheck => ({
      ok: false,
      entries: count,
      brokenAt: entry.seq,
      reason,
    });
    if (entry.seq !== expectedSeq) {
      return broken(
        entry.seq > expectedSeq
          ? `entries ${expectedSeq} to ${entry.seq - 1} are missing`
          : `entry ${entry.seq} is out of order`,
      );
    }
    if (entry.prevHash !== previous) {
      return broken(`it does not chain to entry ${entry.seq - 1} (previous hash differs)`);
    }
    if (entryHash(entry) !== entry.hash) return broken('its content does not match its hash');
    previous = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: count, lastHash: previous };
}
