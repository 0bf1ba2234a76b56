/**
 * The fleet server's storage, one suite run twice: on embedded SQLite and on
 * a real PostgreSQL (a throw-away cluster from Debian's package).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetStore } from '../../server/storage/fleet-store.js';
import { openPostgres, openSqlite } from '../../server/storage/sql-db.js';
import { type PostgresCluster, startPostgres } from '../support/postgres-cluster.js';

const T0 = Date.parse('2026-12-06T09:00:00Z');
const site = (id: string) => ({ id, name: `Site ${id}`, siteSecret: 's', voucherPinKey: 'p' });
const kiosk = (id: string) => ({
  id,
  name: `Borne ${id}`,
  identityKey: 'i',
  sealingKey: 's',
  enrolledAt: T0,
});

function storageSuite(open: () => Promise<FleetStore>) {
  let store: FleetStore;
  beforeAll(async () => {
    store = await open();
    await store.migrate();
    await store.migrate(); // a second start finds its tables
    await store.createSite(site('lyon-8'), T0);
    await store.createSite(site('paris-18'), T0);
  });
  afterAll(() => store.close());

  it('keeps the first value of a setting when two processes race', async () => {
    const [a, b] = await Promise.all([
      store.settingOnce('k', 'one'),
      store.settingOnce('k', 'two'),
    ]);
    expect(a).toBe(b);
    expect(await store.setting('k')).toBe(a);
  });

  it('refuses a second site with the same id', async () => {
    expect(await store.createSite(site('lyon-8'), T0)).toBe(false);
    expect((await store.sites(null)).map((s) => s.id)).toEqual(['lyon-8', 'paris-18']);
    expect((await store.sites(['paris-18'])).map((s) => s.id)).toEqual(['paris-18']);
    expect(await store.sites([])).toEqual([]);
  });

  it('uses an enrolment code once, and never an expired one', async () => {
    await store.createEnrolmentCode('code-a', 'lyon-8', 'admin', T0 + 3600_000);
    await store.createEnrolmentCode('code-old', 'lyon-8', 'admin', T0 - 1);
    const results = await Promise.all([
      store.enrol('code-a', kiosk('borne-a1')),
      store.enrol('code-a', kiosk('borne-a2')),
    ]);
    expect(results.filter(Boolean)).toEqual(['lyon-8']);
    expect(await store.enrol('code-old', kiosk('borne-old'))).toBeUndefined();
    expect(await store.enrol('code-unknown', kiosk('borne-x'))).toBeUndefined();
    const enrolled = await store.kiosks(null);
    expect(enrolled).toHaveLength(1);
    expect(await store.kiosks(['paris-18'])).toEqual([]);
  });

  it('numbers a scope’s bundles 1, 2, 3… even when two admins publish at once', async () => {
    const sign = (version: number) => ({
      envelope: `env-${version}`,
      issuedAt: T0,
      expiresAt: T0 + 1,
    });
    const rows = await Promise.all(
      Array.from({ length: 4 }, () => store.publish('site:lyon-8', '{}', 'admin', sign)),
    );
    expect(rows.map((row) => row.version).sort()).toEqual([1, 2, 3, 4]);
    expect((await store.latestBundle('site:lyon-8'))?.envelope).toBe('env-4');
    expect(await store.latestBundle('fleet')).toBeUndefined();
  });

  it('records a command’s acknowledgement once, from its own kiosk only', async () => {
    const [enrolled] = await store.kiosks(null);
    const id = enrolled?.id as string;
    await store.addCommand({
      id: 'cmd-00000001',
      kioskId: id,
      kind: 'end-session',
      message: null,
      envelope: 'e',
      createdBy: 'admin',
      createdAt: T0,
      expiresAt: T0 + 3600_000,
    });
    expect((await store.pendingCommands(id, T0)).map((c) => c.id)).toEqual(['cmd-00000001']);
    expect(await store.ackCommand('borne-other', 'cmd-00000001', 'done', 'x', T0)).toBe(false);
    expect(await store.ackCommand(id, 'cmd-00000001', 'done', 'session ended', T0 + 5)).toBe(true);
    expect(await store.ackCommand(id, 'cmd-00000001', 'done', 'again', T0 + 6)).toBe(false);
    expect(await store.pendingCommands(id, T0)).toEqual([]);
    expect((await store.command('cmd-00000001'))?.detail).toBe('session ended');
  });

  it('replaces a kiosk’s aggregates day by day and sums them per site', async () => {
    const cell = (day: string, count: number) => ({
      day,
      metric: 'visits',
      key: '',
      count,
      visits: count,
    });
    await store.replaceAggregates('borne-a1', 'lyon-8', [
      cell('2026-12-01', 4),
      cell('2026-12-02', 7),
    ]);
    await store.replaceAggregates('borne-a1', 'lyon-8', [cell('2026-12-02', 9)]);
    await store.replaceAggregates('borne-p1', 'paris-18', [cell('2026-12-02', 5)]);
    expect(await store.aggregateCells(null, '2026-12-01', '2026-12-31', false)).toEqual([
      { period: '2026-12-01', metric: 'visits', key: '', count: 4, visits: 4 },
      { period: '2026-12-02', metric: 'visits', key: '', count: 14, visits: 14 },
    ]);
    expect(await store.aggregateCells(['lyon-8'], '2026-12-01', '2026-12-31', true)).toEqual([
      { period: '2026-12', metric: 'visits', key: '', count: 13, visits: 13 },
    ]);
  });

  it('shows a site manager only their sites’ audit entries', async () => {
    await store.audit({
      id: 'a1',
      at: T0,
      actor: 'x',
      siteId: 'lyon-8',
      action: 'a',
      target: 't',
      detail: '',
    });
    await store.audit({
      id: 'a2',
      at: T0 + 1,
      actor: 'x',
      siteId: 'paris-18',
      action: 'a',
      target: 't',
      detail: '',
    });
    await store.audit({
      id: 'a3',
      at: T0 + 2,
      actor: 'x',
      siteId: null,
      action: 'a',
      target: 't',
      detail: '',
    });
    expect((await store.auditLog(null)).map((row) => row.id)).toEqual(['a3', 'a2', 'a1']);
    expect((await store.auditLog(['lyon-8'])).map((row) => row.id)).toEqual(['a1']);
  });
}

describe('fleet storage on SQLite', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  storageSuite(async () => {
    dir = mkdtempSync(join(tmpdir(), 'borne-fleet-store-'));
    return new FleetStore(openSqlite(join(dir, 'fleet.sqlite')));
  });
});

describe('fleet storage on PostgreSQL', () => {
  let cluster: PostgresCluster;
  afterAll(() => cluster.stop());
  storageSuite(async () => {
    cluster = await startPostgres();
    return new FleetStore(openPostgres(cluster.url));
  });
});
