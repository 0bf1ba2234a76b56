/**
 * Everything the fleet server keeps, as named operations over SqlDb: sites
 * and their secrets, admin accounts and their sessions, enrolment codes,
 * kiosks and their last status, signed bundles (versions monotonic per
 * scope), remote commands and their acknowledgements, the audit log and the
 * kiosks' usage aggregates. The same code runs on SQLite and PostgreSQL.
 */
import { isConflict, type Param, type SqlDb } from './sql-db.js';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sites (
     id TEXT PRIMARY KEY, name TEXT NOT NULL,
     site_secret TEXT NOT NULL, voucher_pin_key TEXT NOT NULL, created_at BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS admins (
     id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
     role TEXT NOT NULL, sites TEXT NOT NULL, created_at BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS admin_sessions (
     token_hash TEXT PRIMARY KEY, admin_id TEXT NOT NULL, csrf TEXT NOT NULL,
     expires_at BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS login_failures (key TEXT NOT NULL, at BIGINT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at)`,
  `CREATE TABLE IF NOT EXISTS enrolment_codes (
     code_hash TEXT PRIMARY KEY, site_id TEXT NOT NULL, created_by TEXT NOT NULL,
     expires_at BIGINT NOT NULL, used_at BIGINT, kiosk_id TEXT)`,
  `CREATE TABLE IF NOT EXISTS kiosks (
     id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL,
     identity_key TEXT NOT NULL, sealing_key TEXT NOT NULL, enrolled_at BIGINT NOT NULL,
     last_seen BIGINT, status TEXT)`,
  `CREATE TABLE IF NOT EXISTS bundles (
     scope TEXT NOT NULL, version BIGINT NOT NULL, payload TEXT NOT NULL, envelope TEXT NOT NULL,
     issued_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, published_by TEXT NOT NULL,
     PRIMARY KEY (scope, version))`,
  `CREATE TABLE IF NOT EXISTS commands (
     id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, message TEXT,
     envelope TEXT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL, acked_at BIGINT, outcome TEXT, detail TEXT)`,
  `CREATE INDEX IF NOT EXISTS commands_pending ON commands (kiosk_id, acked_at)`,
  `CREATE TABLE IF NOT EXISTS audit (
     id TEXT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, site_id TEXT,
     action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS audit_at ON audit (at)`,
  `CREATE TABLE IF NOT EXISTS aggregates (
     kiosk_id TEXT NOT NULL, site_id TEXT NOT NULL, day TEXT NOT NULL, metric TEXT NOT NULL,
     key TEXT NOT NULL, count BIGINT NOT NULL, visits BIGINT NOT NULL,
     PRIMARY KEY (kiosk_id, day, metric, key))`,
];

export type Role = 'admin' | 'site-manager';

export interface Site {
  id: string;
  name: string;
  siteSecret: string;
  voucherPinKey: string;
}
export interface Admin {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  /** The sites a site manager may see (all for an admin). */
  sites: string[];
}
export interface KioskRow {
  id: string;
  siteId: string;
  name: string;
  identityKey: string;
  sealingKey: string;
  enrolledAt: number;
  lastSeen: number | null;
  status: string | null;
}
export interface BundleRow {
  scope: string;
  version: number;
  payload: string;
  envelope: string;
  issuedAt: number;
  expiresAt: number;
  publishedBy: string;
}
export interface CommandRow {
  id: string;
  kioskId: string;
  kind: string;
  message: string | null;
  envelope: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  ackedAt: number | null;
  outcome: string | null;
  detail: string | null;
}
export interface AuditRow {
  id: string;
  at: number;
  actor: string;
  siteId: string | null;
  action: string;
  target: string;
  detail: string;
}
export interface AggregateRow {
  day: string;
  metric: string;
  key: string;
  count: number;
  visits: number;
}

/** `WHERE site_id IN (?, ?…)` for a site manager; nothing for an admin (null). */
function sitesFilter(column: string, sites: readonly string[] | null): [string, Param[]] {
  if (sites === null) return ['1 = 1', []];
  if (sites.length === 0) return ['1 = 0', []];
  return [`${column} IN (${sites.map(() => '?').join(', ')})`, [...sites]];
}

const KIOSK_COLUMNS = `id, site_id AS "siteId", name, identity_key AS "identityKey",
  sealing_key AS "sealingKey", enrolled_at AS "enrolledAt", last_seen AS "lastSeen", status`;
const COMMAND_COLUMNS = `id, kiosk_id AS "kioskId", kind, message, envelope,
  created_by AS "createdBy", created_at AS "createdAt", expires_at AS "expiresAt",
  acked_at AS "ackedAt", outcome, detail`;

export class FleetStore {
  constructor(readonly db: SqlDb) {}

  async migrate(): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(80211)');
      for (const statement of SCHEMA) await tx.run(statement);
    });
  }

  close = () => this.db.close();

  // Settings -----------------------------------------------------------------

  setting = async (key: string) =>
    (await this.db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))
      ?.value;

  /** Stores `value` unless the key has one; returns the value that stays (first writer wins). */
  async settingOnce(key: string, value: string): Promise<string> {
    await this.db.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
      [key, value],
    );
    return (await this.setting(key)) as string;
  }

  deleteSetting = (key: string) => this.db.run('DELETE FROM settings WHERE key = ?', [key]);

  // Sites --------------------------------------------------------------------

  async createSite(site: Site, at: number): Promise<boolean> {
    try {
      await this.db.run(
        'INSERT INTO sites (id, name, site_secret, voucher_pin_key, created_at) VALUES (?, ?, ?, ?, ?)',
        [site.id, site.name, site.siteSecret, site.voucherPinKey, at],
      );
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  site = (id: string) =>
    this.db.get<Site>(
      `SELECT id, name, site_secret AS "siteSecret", voucher_pin_key AS "voucherPinKey"
       FROM sites WHERE id = ?`,
      [id],
    );

  sites(visible: readonly string[] | null): Promise<{ id: string; name: string }[]> {
    const [where, params] = sitesFilter('id', visible);
    return this.db.all(`SELECT id, name FROM sites WHERE ${where} ORDER BY name`, params);
  }

  // Admins and their sessions ------------------------------------------------

  async createAdmin(admin: Admin, at: number): Promise<boolean> {
    try {
      await this.db.run(
        'INSERT INTO admins (id, username, password_hash, role, sites, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [admin.id, admin.username, admin.passwordHash, admin.role, JSON.stringify(admin.sites), at],
      );
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async adminByName(username: string): Promise<Admin | undefined> {
    const row = await this.db.get<Omit<Admin, 'sites'> & { sites: string }>(
      `SELECT id, username, password_hash AS "passwordHash", role, sites FROM admins WHERE username = ?`,
      [username],
    );
    return row && { ...row, sites: JSON.parse(row.sites) as string[] };
  }

  countAdmins = async () =>
    (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM admins'))?.n ?? 0;

  createSession = (tokenHash: string, adminId: string, csrf: string, expiresAt: number) =>
    this.db.run(
      'INSERT INTO admin_sessions (token_hash, admin_id, csrf, expires_at) VALUES (?, ?, ?, ?)',
      [tokenHash, adminId, csrf, expiresAt],
    );

  async session(
    tokenHash: string,
    now: number,
  ): Promise<{ admin: Admin; csrf: string } | undefined> {
    const row = await this.db.get<Omit<Admin, 'sites'> & { sites: string; csrf: string }>(
      `SELECT a.id, a.username, a.password_hash AS "passwordHash", a.role, a.sites, s.csrf
       FROM admin_sessions s JOIN admins a ON a.id = s.admin_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
      [tokenHash, now],
    );
    if (!row) return undefined;
    const { csrf, ...admin } = row;
    return { admin: { ...admin, sites: JSON.parse(admin.sites) as string[] }, csrf };
  }

  deleteSession = (tokenHash: string) =>
    this.db.run('DELETE FROM admin_sessions WHERE token_hash = ?', [tokenHash]);

  recordLoginFailure = (key: string, at: number) =>
    this.db.run('INSERT INTO login_failures (key, at) VALUES (?, ?)', [key, at]);

  loginFailures = async (key: string, since: number) =>
    (
      await this.db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM login_failures WHERE key = ? AND at > ?',
        [key, since],
      )
    )?.n ?? 0;

  clearLoginFailures = (key: string) =>
    this.db.run('DELETE FROM login_failures WHERE key = ?', [key]);

  // Enrolment ----------------------------------------------------------------

  createEnrolmentCode = (codeHash: string, siteId: string, by: string, expiresAt: number) =>
    this.db.run(
      'INSERT INTO enrolment_codes (code_hash, site_id, created_by, expires_at) VALUES (?, ?, ?, ?)',
      [codeHash, siteId, by, expiresAt],
    );

  /** Uses a code once: the kiosk joins the code's site, or nothing happens (unknown, used, expired). */
  async enrol(codeHash: string, kiosk: Omit<KioskRow, 'siteId' | 'lastSeen' | 'status'>) {
    return this.db.transaction(async (tx) => {
      const code = await tx.get<{ siteId: string }>(
        `SELECT site_id AS "siteId" FROM enrolment_codes
         WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?`,
        [codeHash, kiosk.enrolledAt],
      );
      if (!code) return undefined;
      const used = await tx.run(
        'UPDATE enrolment_codes SET used_at = ?, kiosk_id = ? WHERE code_hash = ? AND used_at IS NULL',
        [kiosk.enrolledAt, kiosk.id, codeHash],
      );
      if (used.changes !== 1) return undefined;
      await tx.run(
        `INSERT INTO kiosks (id, site_id, name, identity_key, sealing_key, enrolled_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [kiosk.id, code.siteId, kiosk.name, kiosk.identityKey, kiosk.sealingKey, kiosk.enrolledAt],
      );
      return code.siteId;
    });
  }

  // Kiosks -------------------------------------------------------------------

  kiosk = (id: string) =>
    this.db.get<KioskRow>(`SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE id = ?`, [id]);

  kiosks(visible: readonly string[] | null): Promise<KioskRow[]> {
    const [where, params] = sitesFilter('site_id', visible);
    return this.db.all(
      `SELECT ${KIOSK_COLUMNS} FROM kiosks WHERE ${where} ORDER BY name, id`,
      params,
    );
  }

  recordHeartbeat = (id: string, status: string, at: number) =>
    this.db.run('UPDATE kiosks SET last_seen = ?, status = ? WHERE id = ?', [at, status, id]);

  // Bundles ------------------------------------------------------------------

  /**
   * Publishes a scope's payload as the next version: `sign` makes the
   * envelope for that version. Two publishers racing get different versions.
   */
  async publish(
    scope: string,
    payload: string,
    by: string,
    sign: (version: number) => { envelope: string; issuedAt: number; expiresAt: number },
  ): Promise<BundleRow> {
    for (let attempt = 0; ; attempt++) {
      const last = await this.latestBundle(scope);
      const version = (last?.version ?? 0) + 1;
      const signed = sign(version);
      try {
        await this.db.run(
          `INSERT INTO bundles (scope, version, payload, envelope, issued_at, expires_at, published_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [scope, version, payload, signed.envelope, signed.issuedAt, signed.expiresAt, by],
        );
        return { scope, version, payload, publishedBy: by, ...signed };
      } catch (error) {
        if (!isConflict(error) || attempt >= 5) throw error;
      }
    }
  }

  latestBundle = (scope: string) =>
    this.db.get<BundleRow>(
      `SELECT scope, version, payload, envelope, issued_at AS "issuedAt", expires_at AS "expiresAt",
              published_by AS "publishedBy"
       FROM bundles WHERE scope = ? ORDER BY version DESC LIMIT 1`,
      [scope],
    );

  // Commands -----------------------------------------------------------------

  addCommand = (command: Omit<CommandRow, 'ackedAt' | 'outcome' | 'detail'>) =>
    this.db.run(
      `INSERT INTO commands (id, kiosk_id, kind, message, envelope, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        command.id,
        command.kioskId,
        command.kind,
        command.message,
        command.envelope,
        command.createdBy,
        command.createdAt,
        command.expiresAt,
      ],
    );

  pendingCommands = (kioskId: string, now: number) =>
    this.db.all<CommandRow>(
      `SELECT ${COMMAND_COLUMNS} FROM commands
       WHERE kiosk_id = ? AND acked_at IS NULL AND expires_at > ? ORDER BY created_at LIMIT 20`,
      [kioskId, now],
    );

  /** Records a kiosk's answer to its own command, once. */
  ackCommand = async (kioskId: string, id: string, outcome: string, detail: string, at: number) =>
    (
      await this.db.run(
        `UPDATE commands SET acked_at = ?, outcome = ?, detail = ?
         WHERE id = ? AND kiosk_id = ? AND acked_at IS NULL`,
        [at, outcome, detail, id, kioskId],
      )
    ).changes === 1;

  command = (id: string) =>
    this.db.get<CommandRow>(`SELECT ${COMMAND_COLUMNS} FROM commands WHERE id = ?`, [id]);

  commands(kioskIds: readonly string[], limit = 50): Promise<CommandRow[]> {
    if (kioskIds.length === 0) return Promise.resolve([]);
    return this.db.all(
      `SELECT ${COMMAND_COLUMNS} FROM commands WHERE kiosk_id IN (${kioskIds.map(() => '?').join(', ')})
       ORDER BY created_at DESC LIMIT ?`,
      [...kioskIds, limit],
    );
  }

  // Audit --------------------------------------------------------------------

  audit = (row: AuditRow) =>
    this.db.run(
      'INSERT INTO audit (id, at, actor, site_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [row.id, row.at, row.actor, row.siteId, row.action, row.target, row.detail],
    );

  auditLog(visible: readonly string[] | null, limit = 200): Promise<AuditRow[]> {
    const [where, params] = sitesFilter('site_id', visible);
    return this.db.all(
      `SELECT id, at, actor, site_id AS "siteId", action, target, detail FROM audit
       WHERE ${where} ORDER BY at DESC, id DESC LIMIT ?`,
      [...params, limit],
    );
  }

  // Usage aggregates -----------------------------------------------------------

  /** A kiosk's aggregates for the days they cover, replacing what it sent before for those days. */
  async replaceAggregates(kioskId: string, siteId: string, cells: readonly AggregateRow[]) {
    const days = [...new Set(cells.map((cell) => cell.day))];
    await this.db.transaction(async (tx) => {
      for (const day of days) {
        await tx.run('DELETE FROM aggregates WHERE kiosk_id = ? AND day = ?', [kioskId, day]);
      }
      for (let start = 0; start < cells.length; start += 100) {
        const chunk = cells.slice(start, start + 100);
        await tx.run(
          `INSERT INTO aggregates (kiosk_id, site_id, day, metric, key, count, visits) VALUES
           ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((cell) => [
            kioskId,
            siteId,
            cell.day,
            cell.metric,
            cell.key,
            cell.count,
            cell.visits,
          ]),
        );
      }
    });
  }

  /** The kiosks' aggregates summed per period (day, or month with `monthly`), metric and key. */
  aggregateCells(
    visible: readonly string[] | null,
    from: string,
    to: string,
    monthly: boolean,
  ): Promise<{ period: string; metric: string; key: string; count: number; visits: number }[]> {
    const [where, params] = sitesFilter('site_id', visible);
    const period = monthly ? 'substr(day, 1, 7)' : 'day';
    return this.db.all(
      `SELECT ${period} AS period, metric, key, CAST(SUM(count) AS BIGINT) AS count,
              CAST(SUM(visits) AS BIGINT) AS visits
       FROM aggregates WHERE ${where} AND day >= ? AND day <= ?
       GROUP BY ${period}, metric, key ORDER BY period, metric, key`,
      [...params, from, to],
    );
  }
}
