/**
 * The welcome point's members: who may buy recharges at solidarity prices,
 * and until when. A member is known by their card's pseudonym only (HMAC
 * under the site secret, native/hid/reader-events): no name, no number,
 * nothing a stolen file could tie to a person without the site's secret.
 *
 * Rights that ended more than 13 months ago are deleted (DESIGN §3).
 */
import type Database from 'better-sqlite3';
import { openSqliteFile } from '../../native/sqlite-file.js';
import { addMonths, type Day, dayOf, periodEnd } from './membership-period.js';

export type MemberLookup =
  { status: 'unknown' } | { status: 'active' | 'expired'; validUntil: Day };

/** How long after their rights end a member is kept. */
export const KEEP_AFTER_END_MONTHS = 13;

const MIGRATIONS = [
  `CREATE TABLE members (
     pseudonym TEXT PRIMARY KEY CHECK (length(pseudonym) BETWEEN 16 AND 64),
     valid_until TEXT NOT NULL CHECK (valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
     enrolled_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     updated_by TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX members_valid_until ON members (valid_until);`,
];

export class MemberRegistry {
  readonly #db: Database.Database;

  constructor(
    file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Someone's rights: a renewal once confirmed on screen must survive a power cut.
    this.#db = openSqliteFile(file, { synchronous: 'FULL', migrations: MIGRATIONS });
    this.purge();
  }

  lookup(pseudonym: string): MemberLookup {
    const row = this.#db
      .prepare('SELECT valid_until FROM members WHERE pseudonym = ?')
      .get(pseudonym) as { valid_until: Day } | undefined;
    if (!row) return { status: 'unknown' };
    const today = dayOf(this.now());
    return { status: row.valid_until >= today ? 'active' : 'expired', validUntil: row.valid_until };
  }

  /** The end day that `enrol` would give this card now. */
  renewalEnd(pseudonym: string, months: number): Day {
    return this.renewalEndOf(this.lookup(pseudonym), months);
  }

  /** The same, for a card already looked up (no second query). */
  renewalEndOf(current: MemberLookup, months: number): Day {
    return periodEnd(
      dayOf(this.now()),
      current.status === 'unknown' ? null : current.validUntil,
      months,
    );
  }

  /** Enrols a new card, or extends a member's rights; `by` is the staff member who did it. */
  enrol(pseudonym: string, months: number, by: string): MemberLookup {
    const validUntil = this.renewalEnd(pseudonym, months);
    const at = this.now().getTime();
    this.#db
      .prepare(
        `INSERT INTO members (pseudonym, valid_until, enrolled_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (pseudonym) DO UPDATE SET
           valid_until = excluded.valid_until, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(pseudonym, validUntil, at, at, by);
    return this.lookup(pseudonym);
  }

  /**
   * Gives each card rights until `validUntil` at least (an import of a
   * site's existing cards): a member already covered longer keeps their
   * end day, and importing the same list twice changes nothing. One
   * transaction: the whole list or none of it. Returns how many changed.
   */
  grantUntil(pseudonyms: readonly string[], validUntil: Day, by: string): number {
    const at = this.now().getTime();
    const grant = this.#db.prepare(
      `INSERT INTO members (pseudonym, valid_until, enrolled_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (pseudonym) DO UPDATE SET
         valid_until = excluded.valid_until, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by
       WHERE excluded.valid_until > members.valid_until`,
    );
    return this.#db.transaction(() =>
      pseudonyms.reduce(
        (changed, pseudonym) => changed + grant.run(pseudonym, validUntil, at, at, by).changes,
        0,
      ),
    )();
  }

  /** Members by state today (for the technician's CLI and, later, the fleet). */
  counts(): { active: number; expired: number } {
    const today = dayOf(this.now());
    const row = this.#db
      .prepare(
        `SELECT COALESCE(SUM(valid_until >= ?), 0) AS active, COALESCE(SUM(valid_until < ?), 0) AS expired
         FROM members`,
      )
      .get(today, today) as { active: number; expired: number };
    return { active: row.active, expired: row.expired };
  }

  /** Deletes members whose rights ended more than 13 months ago; returns how many. */
  purge(): number {
    const limit = addMonths(dayOf(this.now()), -KEEP_AFTER_END_MONTHS);
    return this.#db.prepare('DELETE FROM members WHERE valid_until < ?').run(limit).changes;
  }

  close(): void {
    this.#db.close();
  }
}
