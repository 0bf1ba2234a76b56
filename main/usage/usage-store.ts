/**
 * The usage database (usage.sqlite in the data folder): raw events kept 13
 * months at most, daily aggregates 25 months at most (DESIGN §3).
 *
 * Small on disk by design: every text (kind, procedure, step, language…) is
 * stored once in `labels` and referred to by number, and an event's key is
 * its day number × 2^24 + its rank in the day, so a day's events are one
 * range of the table's own key: no index to keep, and a day is aggregated or
 * purged by a range scan. A visit's pseudonym is stored as the number it
 * spells. WAL with synchronous=NORMAL: a power cut may lose the last
 * batch, never corrupt the file.
 */
import type Database from 'better-sqlite3';
import { openSqliteFile } from '../../native/sqlite-file.js';
import { addDays } from '../members/membership-period.js';
import type { UsageRecord } from './usage-event.js';
import { type DailyCell, METRICS, type MetricName } from './usage-metrics.js';
import type { PeriodBin, PeriodCell } from './usage-suppression.js';

const MIGRATIONS = [
  `CREATE TABLE labels (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
   -- Label columns refer to labels(id), never declared as foreign keys: labels
   -- are never deleted, and nine checks per event would halve the writer's speed.
   CREATE TABLE events (
     id INTEGER PRIMARY KEY,
     hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
     kind INTEGER NOT NULL,
     kiosk INTEGER NOT NULL,
     visit INTEGER,
     procedure INTEGER,
     step INTEGER,
     language INTEGER,
     outcome INTEGER,
     aid INTEGER,
     duration INTEGER,
     product INTEGER
   );
   CREATE VIEW event_rows AS
     SELECT e.id, e.hour, e.visit, k.text AS kind, ki.text AS kiosk, p.text AS procedure,
            s.text AS step, la.text AS language, o.text AS outcome, a.text AS aid,
            d.text AS duration, pr.text AS product
       FROM events e
       JOIN labels k ON k.id = e.kind
       JOIN labels ki ON ki.id = e.kiosk
       LEFT JOIN labels p ON p.id = e.procedure
       LEFT JOIN labels s ON s.id = e.step
       LEFT JOIN labels la ON la.id = e.language
       LEFT JOIN labels o ON o.id = e.outcome
       LEFT JOIN labels a ON a.id = e.aid
       LEFT JOIN labels d ON d.id = e.duration
       LEFT JOIN labels pr ON pr.id = e.product;
   CREATE TABLE daily (
     day TEXT NOT NULL,
     metric TEXT NOT NULL,
     key TEXT NOT NULL,
     count INTEGER NOT NULL,
     visits INTEGER NOT NULL,
     PRIMARY KEY (day, metric, key)
   ) WITHOUT ROWID;
   -- Days whose aggregates are final (the day is over and was counted).
   CREATE TABLE closed_days (day TEXT PRIMARY KEY) WITHOUT ROWID;`,
];

const COLUMNS = 12;
const ROWS_PER_STATEMENT = 64;

/** Events a day can hold: the rank's share of an event's key. */
export const EVENTS_PER_DAY = 2 ** 24;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD day. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY);
}

function dayOfNumber(number: number): string {
  return new Date(number * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The first and last keys a day's events can have. */
export function dayKeys(day: string): [number, number] {
  const first = dayNumber(day) * EVENTS_PER_DAY;
  return [first, first + EVENTS_PER_DAY - 1];
}

const LABELLED = [
  ['kind', 'kind'],
  ['kioskId', 'kiosk'],
  ['procedureId', 'procedure'],
  ['stepId', 'step'],
  ['language', 'language'],
  ['outcome', 'outcome'],
  ['aid', 'aid'],
  ['duration', 'duration'],
  ['productId', 'product'],
] as const;

export interface PurgePlan {
  /** Raw events of days before this one go. */
  rawBefore: string;
  /** Aggregates of days before this one go. */
  aggregatesBefore: string;
  rawEvents: number;
  aggregateDays: number;
}

export class UsageStore {
  readonly #db: Database.Database;
  readonly #labels = new Map<string, number>();
  /** The next rank of each day written in this process (asked once per day). */
  readonly #nextRank = new Map<number, number>();
  readonly #insert: Database.Statement;
  readonly #insertMany: Database.Statement;
  readonly #insertLabel: Database.Statement;

  /**
   * `maxMegabytes` caps the file (SQLite's max_page_count): past it a write
   * fails as on a full disk, and the kiosk's own disk is never filled by counts.
   */
  constructor(
    readonly file: string,
    options: { maxMegabytes?: number } = {},
  ) {
    // Usage counts are not money: a power cut may cost the last batch (NORMAL), never the file.
    this.#db = openSqliteFile(file, { synchronous: 'NORMAL', migrations: MIGRATIONS });
    if (options.maxMegabytes !== undefined) {
      const pageSize = this.#db.pragma('page_size', { simple: true }) as number;
      const pages = Math.floor((options.maxMegabytes * 1024 * 1024) / pageSize);
      this.#db.pragma(`max_page_count = ${pages}`);
    }
    this.#loadLabels();
    const insert = (rows: number) =>
      this.#db.prepare(
        `INSERT INTO events (id, hour, kind, kiosk, visit, procedure, step, language, outcome, aid, duration, product)
         VALUES ${Array.from({ length: rows }, () => `(${Array(COLUMNS).fill('?').join(', ')})`).join(', ')}`,
      );
    this.#insert = insert(1);
    this.#insertMany = insert(ROWS_PER_STATEMENT);
    this.#insertLabel = this.#db.prepare('INSERT INTO labels (text) VALUES (?) RETURNING id');
  }

  /** Writes a batch of events in one transaction: all of them, or none. */
  insert(records: readonly UsageRecord[], today?: string): void {
    try {
      this.#db.transaction(() => {
        const reopened = new Set<string>();
        const label = (text: string | undefined) => (text === undefined ? null : this.#label(text));
        // Rows go ROWS_PER_STATEMENT at a time: one statement call per row costs more than the row.
        let values: (number | null)[] = [];
        for (const record of records) {
          values.push(
            this.#nextKey(record.day),
            record.hour,
            this.#label(record.kind),
            this.#label(record.kioskId),
            record.visit === undefined ? null : Number.parseInt(record.visit, 16),
            label(record.procedureId),
            label(record.stepId),
            label(record.language),
            label(record.outcome),
            label(record.aid),
            label(record.duration),
            label(record.productId),
          );
          if (values.length === ROWS_PER_STATEMENT * COLUMNS) {
            this.#insertMany.run(values);
            values = [];
          }
          // An event late for a day already counted: that day is counted again.
          if (today === undefined || record.day < today) reopened.add(record.day);
        }
        for (let row = 0; row < values.length; row += COLUMNS) {
          this.#insert.run(values.slice(row, row + COLUMNS));
        }
        if (reopened.size > 0) {
          const reopen = this.#db.prepare('DELETE FROM closed_days WHERE day = ?');
          for (const day of reopened) reopen.run(day);
        }
      })();
    } catch (error) {
      // What the rolled-back transaction gave out is not in the file.
      this.#nextRank.clear();
      this.#loadLabels();
      throw error;
    }
  }

  #label(text: string): number {
    let id = this.#labels.get(text);
    if (id === undefined) {
      id = (this.#insertLabel.get(text) as { id: number }).id;
      this.#labels.set(text, id);
    }
    return id;
  }

  #loadLabels(): void {
    this.#labels.clear();
    const rows = this.#db.prepare('SELECT id, text FROM labels').all() as {
      id: number;
      text: string;
    }[];
    for (const row of rows) this.#labels.set(row.text, row.id);
  }

  #lastDay: [string, number] = ['', 0];

  #nextKey(day: string): number {
    if (this.#lastDay[0] !== day) this.#lastDay = [day, dayNumber(day)];
    const number = this.#lastDay[1];
    let rank = this.#nextRank.get(number);
    if (rank === undefined) {
      const [first, last] = dayKeys(day);
      const max = this.#db
        .prepare('SELECT max(id) AS id FROM events WHERE id BETWEEN ? AND ?')
        .get(first, last) as { id: number | null };
      rank = max.id === null ? 0 : max.id - first + 1;
    }
    if (rank >= EVENTS_PER_DAY) throw new Error(`more than ${EVENTS_PER_DAY} events on ${day}`);
    this.#nextRank.set(number, rank + 1);
    return number * EVENTS_PER_DAY + rank;
  }

  /** The events of days from `from` to `to`, as they were recorded (for checks and tests). */
  events(from: string, to: string): UsageRecord[] {
    const rows = this.#db
      .prepare(`SELECT * FROM event_rows WHERE id BETWEEN ? AND ? ORDER BY id`)
      .all(dayKeys(from)[0], dayKeys(to)[1]) as Record<string, string | number | null>[];
    return rows.map((row) => {
      const record: Record<string, string | number> = {
        day: dayOfNumber(Math.floor(Number(row.id) / EVENTS_PER_DAY)),
        hour: Number(row.hour),
      };
      for (const [field, column] of LABELLED) {
        const value = row[column];
        if (value !== null && value !== undefined) record[field] = value;
      }
      if (row.visit !== null) record.visit = Number(row.visit).toString(16).padStart(12, '0');
      return record as unknown as UsageRecord;
    });
  }

  /** How many events the file holds. */
  eventCount(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  /**
   * Counts a day again from its events (idempotent). A day before `today` is
   * then final; today's counts are redone whenever statistics are asked.
   */
  aggregateDay(day: string, today: string): void {
    const [first, last] = dayKeys(day);
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM daily WHERE day = ?').run(day);
      for (const metric of METRICS) this.#metricStatement(metric.name).run({ day, first, last });
      if (day < today) this.#db.prepare('INSERT OR IGNORE INTO closed_days VALUES (?)').run(day);
    })();
  }

  readonly #metricStatements = new Map<MetricName, Database.Statement>();

  #metricStatement(name: MetricName): Database.Statement {
    let statement = this.#metricStatements.get(name);
    if (!statement) {
      const metric = METRICS.find((candidate) => candidate.name === name);
      if (!metric) throw new Error(`unknown metric ${name}`);
      const count = metric.count === 'visits' ? 'count(DISTINCT visit)' : 'count(*)';
      const kinds = metric.kinds.map((kind) => `'${kind}'`).join(', ');
      statement = this.#db.prepare(
        `INSERT INTO daily (day, metric, key, count, visits)
         SELECT @day, '${name}', ${metric.key} AS cell, ${count},
                CASE WHEN count(visit) = 0 THEN count(*) ELSE count(DISTINCT visit) END
           FROM event_rows
          WHERE id BETWEEN @first AND @last AND kind IN (${kinds}) AND ${metric.key} IS NOT NULL
          GROUP BY cell`,
      );
      this.#metricStatements.set(name, statement);
    }
    return statement;
  }

  /**
   * Counts every day that is over and not yet final (at start and once a
   * day), then today. Returns the days counted as final.
   */
  aggregatePending(today: string): string[] {
    const first = this.#db.prepare('SELECT min(id) AS id FROM events').get() as {
      id: number | null;
    };
    const closed = new Set(
      this.#db.prepare('SELECT day FROM closed_days').pluck().all() as string[],
    );
    const counted: string[] = [];
    if (first.id !== null) {
      const start = dayOfNumber(Math.floor(first.id / EVENTS_PER_DAY));
      const present = this.#db.prepare('SELECT 1 FROM events WHERE id BETWEEN ? AND ? LIMIT 1');
      for (let day = start; day < today; day = addDays(day, 1)) {
        if (closed.has(day)) continue;
        const [lo, hi] = dayKeys(day);
        if (present.get(lo, hi) === undefined) continue;
        this.aggregateDay(day, today);
        counted.push(day);
      }
    }
    this.aggregateDay(today, today);
    return counted;
  }

  /** The aggregate cells of days from `from` to `to`, in day order. */
  daily(from: string, to: string): DailyCell[] {
    // Rows as arrays (raw): a year of counts is tens of thousands of cells.
    const rows = this.#db
      .prepare(
        `SELECT day, metric, key, count, visits FROM daily
          WHERE day BETWEEN ? AND ? ORDER BY day, metric, key`,
      )
      .raw()
      .all(from, to) as [string, MetricName, string, number, number][];
    return rows.map(([day, metric, key, count, visits]) => ({ day, metric, key, count, visits }));
  }

  /** The counts of days `from`..`to` added up per day or per month, in period, metric, key order. */
  periodCells(from: string, to: string, bin: PeriodBin): PeriodCell[] {
    // By day, the table's own key order is the answer: no grouping, no sorting.
    const rows = this.#db
      .prepare(
        bin === 'day'
          ? `SELECT day, metric, key, count, visits FROM daily
              WHERE day BETWEEN ? AND ? ORDER BY day, metric, key`
          : `SELECT substr(day, 1, ?) AS period, metric, key, sum(count), sum(visits) FROM daily
              WHERE day BETWEEN ? AND ? GROUP BY period, metric, key ORDER BY period, metric, key`,
      )
      .raw()
      .all(...(bin === 'day' ? [from, to] : [7, from, to])) as [
      string,
      MetricName,
      string,
      number,
      number,
    ][];
    return rows.map(([period, metric, key, count, visits]) => ({
      period,
      metric,
      key,
      count,
      visits,
    }));
  }

  /** What a purge with these limits would delete; `apply` deletes it. */
  purge(rawBefore: string, aggregatesBefore: string, apply: boolean): PurgePlan {
    const [firstKept] = dayKeys(rawBefore);
    const plan: PurgePlan = {
      rawBefore,
      aggregatesBefore,
      rawEvents: (
        this.#db.prepare('SELECT count(*) AS n FROM events WHERE id < ?').get(firstKept) as {
          n: number;
        }
      ).n,
      aggregateDays: (
        this.#db
          .prepare('SELECT count(DISTINCT day) AS n FROM daily WHERE day < ?')
          .get(aggregatesBefore) as { n: number }
      ).n,
    };
    if (apply) {
      this.#db.transaction(() => {
        this.#db.prepare('DELETE FROM events WHERE id < ?').run(firstKept);
        this.#db.prepare('DELETE FROM daily WHERE day < ?').run(aggregatesBefore);
        this.#db.prepare('DELETE FROM closed_days WHERE day < ?').run(aggregatesBefore);
      })();
      this.#nextRank.clear();
    }
    return plan;
  }

  /** Writes the WAL back into the file (at shutdown). */
  checkpoint(): void {
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.#db.close();
  }
}
