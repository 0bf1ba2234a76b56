import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOf } from '../../../main/members/membership-period.js';
import { UsageStore } from '../../../main/usage/usage-store.js';
import { runBorne as cli } from '../../support/run-borne.js';
import { FRANCE_TRAVAIL, visitRecords } from '../../support/usage-visits.js';

let dir: string;
const saved: Record<string, string | undefined> = {};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-stats-cli-'));
  for (const name of ['BORNE_DATA_DIR', 'BORNE_CONFIG']) saved[name] = process.env[name];
  process.env.BORNE_DATA_DIR = join(dir, 'data');
  process.env.BORNE_CONFIG = join(dir, 'config.json');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ kiosk: { id: 'borne-lyon-1' } }));
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

function recordVisits(day: string, count: number) {
  const store = new UsageStore(join(dir, 'data', 'usage.sqlite'));
  for (let index = 0; index < count; index += 1) {
    store.insert(
      visitRecords({ day, hour: 9 + (index % 2), procedure: { ...FRANCE_TRAVAIL, reached: 6 } }),
    );
  }
  store.close();
}

describe('borne stats', () => {
  it('exports counts per day as CSV, with the days under 10 visits suppressed', async () => {
    recordVisits('2026-11-02', 12);
    recordVisits('2026-11-03', 4);
    const result = await cli(['stats', 'export', '--from', '2026-11-02', '--to', '2026-11-03']);
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\r\n');
    expect(lines[0]).toBe('période;borne;indicateur;clé;valeur;note');
    expect(lines).toContain('2026-11-02;borne-lyon-1;visits;;12;');
    expect(lines).toContain('2026-11-03;borne-lyon-1;visits;;;moins de 10 visites');
    expect(lines).toContain(
      '2026-11-02;borne-lyon-1;procedure-completed;france-travail-actualisation;12;',
    );
    // 12 visits, 6 at 9 h and 6 at 10 h: neither hour is shown, and 12 − one hour gives nothing.
    expect(lines).toContain('2026-11-02;borne-lyon-1;visits-by-hour;09;;moins de 10 visites');
  });

  it('exports whole months as JSON', async () => {
    recordVisits('2026-11-02', 6);
    recordVisits('2026-11-20', 6);
    const result = await cli([
      ...['stats', 'export', '--from', '2026-11-15', '--to', '2026-11-30'],
      ...['--by', 'month', '--format', 'json'],
    ]);
    const stats = JSON.parse(result.out) as { from: string; to: string; cells: unknown[] };
    expect(stats).toMatchObject({ from: '2026-11-01', to: '2026-11-30', by: 'month' });
    expect(stats.cells).toContainEqual({ period: '2026-11', metric: 'visits', key: '', value: 12 });
  });

  it('says what is wrong with the options', async () => {
    const result = await cli([
      ...['stats', 'export', '--from', '02/11/2026', '--to', '2026-11-30', '--format', 'xls'],
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--from must be YYYY-MM-DD, not "02/11/2026"');
    expect(result.err).toContain('--format must be csv or json');
  });

  it('purges after 13 and 25 months, saying first what it would delete', async () => {
    const today = dayOf(new Date());
    recordVisits(addDays(addMonths(today, -25), -3), 1);
    recordVisits(addDays(addMonths(today, -13), -3), 2);
    recordVisits(addDays(today, -3), 1);
    const dry = JSON.parse((await cli(['stats', 'purge', '--dry-run'])).out) as Record<
      string,
      unknown
    >;
    // Nothing has been counted yet (the dry run counts nothing either): only raw events.
    expect(dry).toMatchObject({ rawEvents: 3 * 10, deleted: false });
    const done = JSON.parse((await cli(['stats', 'purge'])).out) as Record<string, unknown>;
    expect(done).toMatchObject({ rawEvents: 3 * 10, aggregateDays: 1, deleted: true });
    const store = new UsageStore(join(dir, 'data', 'usage.sqlite'));
    expect(store.eventCount()).toBe(10);
    expect(
      store.daily('2000-01-01', today).filter((cell) => cell.metric === 'visits'),
    ).toHaveLength(2);
    store.close();
  });
});
