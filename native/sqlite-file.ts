/**
 * Opening one of the kiosk's SQLite files: WAL, the durability its content
 * needs, and its schema brought up to date by numbered migrations (the
 * file's user_version counts those applied, each in its own transaction).
 *
 * better-sqlite3 (a native module, ~8 ms to load) is loaded on the first
 * file opened, not when the kiosk starts: many kiosks never open one.
 */
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

let driver: typeof Database | undefined;
const loadDriver = () =>
  (driver ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);

export function openSqliteFile(
  file: string,
  options: {
    /** FULL where a lost write is about money or a person's rights; NORMAL elsewhere. */
    synchronous: 'FULL' | 'NORMAL';
    migrations: readonly string[];
  },
): Database.Database {
  const Sqlite = loadDriver();
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > options.migrations.length) {
    db.close();
    throw new Error(
      `${file} was written by a newer Borne (schema ${version}, this one knows ${options.migrations.length})`,
    );
  }
  for (let step = version; step < options.migrations.length; step += 1) {
    db.transaction(() => {
      db.exec(options.migrations[step] as string);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
  return db;
}
