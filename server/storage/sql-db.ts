/**
 * The fleet server's database behind one small interface: embedded SQLite
 * (better-sqlite3, one file in the data folder) by default, PostgreSQL (pg)
 * when several server processes share the load. Queries are written once,
 * with `?` placeholders, in the SQL both understand.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

export type Param = string | number | null;

export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
  /** Runs `work` in one transaction: all of it or nothing. */
  transaction<T>(work: (db: SqlDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Whether an error is a unique-key conflict (two writers raced for the same row). */
export function isConflict(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  );
}

export function openSqlite(file: string): SqlDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  // better-sqlite3 is synchronous, but a transaction's work awaits: while one
  // runs or waits, other statements queue behind it rather than slip into it.
  let tail: Promise<unknown> = Promise.resolve();
  let holders = 0;
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    holders++;
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result.finally(() => {
      holders--;
    });
  };
  const direct = {
    all: <T>(sql: string, params: readonly Param[] = []) => prepared(sql).all(...params) as T[],
    get: <T>(sql: string, params: readonly Param[] = []) =>
      prepared(sql).get(...params) as T | undefined,
    run: (sql: string, params: readonly Param[] = []) => ({
      changes: prepared(sql).run(...params).changes,
    }),
  };
  const queued = <T>(work: () => T): Promise<T> =>
    holders > 0 ? exclusive(async () => work()) : Promise.resolve().then(work);
  const inside: SqlDb = {
    dialect: 'sqlite',
    all: async (sql, params) => direct.all(sql, params),
    get: async (sql, params) => direct.get(sql, params),
    run: async (sql, params) => direct.run(sql, params),
    transaction: (nested) => nested(inside),
    close: async () => undefined,
  };
  const self: SqlDb = {
    dialect: 'sqlite',
    all: (sql, params) => queued(() => direct.all(sql, params)),
    get: (sql, params) => queued(() => direct.get(sql, params)),
    run: (sql, params) => queued(() => direct.run(sql, params)),
    transaction: <T>(work: (tx: SqlDb) => Promise<T>) =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(inside);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      exclusive(async () => {
        db.close();
      }),
  };
  return self;
}

// BIGINT (timestamps in ms) and COUNT(*) come back as JavaScript numbers.
pg.types.setTypeParser(20, (text) => Number(text));

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function openPostgres(url: string, options: { max?: number } = {}): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  const over = (client: pg.Pool | pg.PoolClient): SqlDb => ({
    dialect: 'postgres',
    all: async <T>(sql: string, params: readonly Param[] = []) =>
      (await client.query(numbered(sql), params as Param[])).rows as T[],
    get: async <T>(sql: string, params: readonly Param[] = []) =>
      (await client.query(numbered(sql), params as Param[])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly Param[] = []) => ({
      changes: (await client.query(numbered(sql), params as Param[])).rowCount ?? 0,
    }),
    transaction: async <T>(work: (tx: SqlDb) => Promise<T>): Promise<T> => {
      if (client !== pool) return work(over(client));
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(over(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
    close: async () => {
      if (client === pool) await pool.end();
    },
  });
  return over(pool);
}
