/**
 * The print queue's memory, in SQLite, so that after a crash or a power cut
 * every job is known to be done, failed or unknown — never silently lost.
 * A job that carries a PIN never has its bytes written here: PINs rest only
 * encrypted in the ledger (DESIGN §3), so an interrupted PIN job cannot be
 * resent from this table, only reported.
 */
import type Database from 'better-sqlite3';
import { openSqliteFile } from '../sqlite-file.js';

export type JobState = 'queued' | 'sending' | 'done' | 'failed' | 'unknown';
export const FINAL_STATES: readonly JobState[] = ['done', 'failed', 'unknown'];

export type JobKind = 'voucher' | 'sale' | 'visitor-ticket' | 'day-report' | 'test-page' | 'other';

export interface PrintJobRecord {
  id: number;
  printerId: string;
  kind: JobKind;
  containsPin: boolean;
  state: JobState;
  attempts: number;
  /** Why the job is where it is, for staff ("Plus de papier…"). */
  reason: string | null;
  createdAt: number;
  updatedAt: number;
  byteLength: number;
}

interface Row {
  id: number;
  printer_id: string;
  kind: JobKind;
  contains_pin: number;
  state: JobState;
  attempts: number;
  reason: string | null;
  created_at: number;
  updated_at: number;
  byte_length: number;
}

const MIGRATIONS = [
  `CREATE TABLE print_jobs (
     id INTEGER PRIMARY KEY,
     printer_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     contains_pin INTEGER NOT NULL CHECK (contains_pin IN (0, 1)),
     state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'done', 'failed', 'unknown')),
     attempts INTEGER NOT NULL DEFAULT 0,
     reason TEXT,
     payload BLOB CHECK (payload IS NULL OR contains_pin = 0),
     byte_length INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX print_jobs_open ON print_jobs (printer_id, state);`,
];

const COLUMNS =
  'id, printer_id, kind, contains_pin, state, attempts, reason, created_at, updated_at, byte_length';

export interface RecoveredJobs {
  /** Were being sent when the process stopped: maybe printed. */
  unknown: PrintJobRecord[];
  /** PIN jobs that never left: reported failed, to reprint from the ledger. */
  failed: PrintJobRecord[];
  /** Ordinary jobs to send again, with their bytes. */
  resend: { job: PrintJobRecord; bytes: Uint8Array }[];
}

export class PrintJobStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    // A job's state is about money (a PIN printed or not): every change reaches the disk.
    this.db = openSqliteFile(file, { synchronous: 'FULL', migrations: MIGRATIONS });
  }

  add(printerId: string, kind: JobKind, bytes: Uint8Array, containsPin: boolean): PrintJobRecord {
    const at = this.now();
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO print_jobs (printer_id, kind, contains_pin, state, payload, byte_length, created_at, updated_at)
         VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)`,
      )
      .run(
        printerId,
        kind,
        containsPin ? 1 : 0,
        containsPin ? null : Buffer.from(bytes),
        bytes.length,
        at,
        at,
      );
    return this.get(Number(lastInsertRowid)) as PrintJobRecord;
  }

  /** Moves a job on; a final state also drops its bytes. */
  update(
    id: number,
    state: JobState,
    reason: string | null = null,
    attempted = false,
  ): PrintJobRecord {
    const final = FINAL_STATES.includes(state);
    this.db
      .prepare(
        `UPDATE print_jobs SET state = ?, reason = ?, attempts = attempts + ?, updated_at = ?
         ${final ? ', payload = NULL' : ''} WHERE id = ?`,
      )
      .run(state, reason, attempted ? 1 : 0, this.now(), id);
    return this.get(id) as PrintJobRecord;
  }

  get(id: number): PrintJobRecord | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`).get(id) as
      Row | undefined;
    return row && toRecord(row);
  }

  list(printerId?: string, limit = 100): PrintJobRecord[] {
    const rows = (
      printerId
        ? this.db
            .prepare(
              `SELECT ${COLUMNS} FROM print_jobs WHERE printer_id = ? ORDER BY id DESC LIMIT ?`,
            )
            .all(printerId, limit)
        : this.db.prepare(`SELECT ${COLUMNS} FROM print_jobs ORDER BY id DESC LIMIT ?`).all(limit)
    ) as Row[];
    return rows.map(toRecord);
  }

  /**
   * After a restart: a job caught sending is unknown, a PIN job still queued
   * failed (its bytes were never kept), ordinary queued jobs go out again.
   */
  recover(printerId: string): RecoveredJobs {
    return this.db.transaction((): RecoveredJobs => {
      const open = this.db
        .prepare(
          `SELECT ${COLUMNS}, payload FROM print_jobs WHERE printer_id = ? AND state IN ('queued', 'sending') ORDER BY id`,
        )
        .all(printerId) as (Row & { payload: Buffer | null })[];
      const recovered: RecoveredJobs = { unknown: [], failed: [], resend: [] };
      for (const row of open) {
        if (row.state === 'sending') {
          recovered.unknown.push(
            this.update(row.id, 'unknown', 'interrompu pendant l’impression : vérifiez le ticket'),
          );
        } else if (row.contains_pin === 1 || !row.payload) {
          recovered.failed.push(
            this.update(row.id, 'failed', 'interrompu avant l’impression : rien n’a été imprimé'),
          );
        } else {
          recovered.resend.push({ job: toRecord(row), bytes: new Uint8Array(row.payload) });
        }
      }
      return recovered;
    })();
  }

  /** Forgets finished jobs older than `ageMs` (the ledger keeps what matters). */
  prune(ageMs: number): number {
    return this.db
      .prepare(
        `DELETE FROM print_jobs WHERE state IN ('done', 'failed', 'unknown') AND updated_at < ?`,
      )
      .run(this.now() - ageMs).changes;
  }

  close(): void {
    this.db.close();
  }
}

function toRecord(row: Row): PrintJobRecord {
  return {
    id: row.id,
    printerId: row.printer_id,
    kind: row.kind,
    containsPin: row.contains_pin === 1,
    state: row.state,
    attempts: row.attempts,
    reason: row.reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    byteLength: row.byte_length,
  };
}
