import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UsageRecord } from '../../../main/usage/usage-event.js';
import { UsageStore } from '../../../main/usage/usage-store.js';
import { UsageWriter } from '../../../main/usage/usage-writer.js';
import { VisitUsage } from '../../../main/usage/visit-usage.js';
import { KIOSK, visitRecords } from '../../support/usage-visits.js';

let dir: string;
let writers: UsageWriter[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-usage-writer-'));
  writers = [];
});
afterEach(() => {
  for (const writer of writers) writer.close();
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function writerOn(options: { strict?: boolean; maxMegabytes?: number; batchSize?: number } = {}) {
  const lines: string[] = [];
  const writer = new UsageWriter({
    open: () => new UsageStore(join(dir, 'usage.sqlite'), { maxMegabytes: options.maxMegabytes }),
    strict: options.strict ?? true,
    today: () => '2026-12-02',
    batchSize: options.batchSize,
    log: (line) => lines.push(line),
  });
  writers.push(writer);
  return { writer, lines, stored: () => writer.store().events('2026-01-01', '2026-12-31') };
}

const personal = [
  { kind: 'session-started', day: '2026-12-02', hour: 9, kioskId: KIOSK, name: 'Awa Diallo' },
  {
    kind: 'step-reached',
    procedureId: 'caf',
    stepId: 'awa.diallo@example.fr',
    day: '2026-12-02',
    hour: 9,
    kioskId: KIOSK,
  },
  {
    kind: 'procedure-started',
    procedureId: 'https://www.caf.fr/?q=1',
    day: '2026-12-02',
    hour: 9,
    kioskId: KIOSK,
  },
  { kind: 'aid-used', aid: 'keyboard', day: '2026-12-02', hour: 9, minute: 41, kioskId: KIOSK },
  { kind: 'session-started', day: '2 décembre', hour: 9, kioskId: KIOSK },
  { kind: 'session-started', day: '2026-12-02', hour: 9, kioskId: KIOSK, visit: 'AWA-0612345678' },
  { kind: 'aid-used', day: '2026-12-02', hour: 9, kioskId: KIOSK },
] as unknown as UsageRecord[];

describe('usage writer', () => {
  it('refuses, loudly in development and tests, anything outside the closed schema', () => {
    const { writer } = writerOn({ strict: true });
    for (const record of personal) {
      expect(() => writer.record(record)).toThrow(/usage event refused/);
    }
  });

  it('in production drops it, counts it, and stores nothing of it', () => {
    const { writer, stored } = writerOn({ strict: false });
    for (const record of personal) writer.record(record);
    writer.record(visitRecords({ day: '2026-12-02', hour: 9 })[0] as UsageRecord);
    writer.flush();
    expect(writer.health()).toEqual({ state: 'ok', dropped: personal.length, queued: 0 });
    expect(stored()).toHaveLength(1);
  });

  it('writes in batches: at once when a batch is full, otherwise a second later', () => {
    vi.useFakeTimers();
    const { writer, stored } = writerOn({ batchSize: 4 });
    const records = visitRecords({
      day: '2026-12-02',
      hour: 9,
      aids: ['keyboard', 'glossary', 'read-aloud'],
    });
    for (const record of records.slice(0, 3)) writer.record(record);
    expect(stored()).toHaveLength(0);
    writer.record(records[3] as UsageRecord);
    expect(stored()).toHaveLength(4);
    writer.record(records[4] as UsageRecord);
    expect(writer.health().queued).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(stored()).toEqual(records.slice(0, 5));
  });

  it('when the file is full, keeps the kiosk going, counts what is dropped, says so, and writes again once there is room', () => {
    const { writer, lines, stored } = writerOn({ maxMegabytes: 0.1, batchSize: 500 });
    let recorded = 0;
    for (let visit = 0; visit < 3000; visit += 1) {
      for (const record of visitRecords({ day: '2026-12-02', hour: 10, aids: ['keyboard'] })) {
        expect(() => writer.record(record)).not.toThrow();
        recorded += 1;
      }
    }
    writer.flush();
    const health = writer.health();
    expect(health).toMatchObject({ state: 'disk-full', queued: 0 });
    expect(health.dropped).toBeGreaterThan(0);
    expect(stored().length + health.dropped).toBe(recorded);
    expect(lines.join('\n')).toMatch(/events dropped, the usage database cannot be written/);
    // A larger file (or a disk with room again): the next batch is written.
    const roomy = new UsageWriter({
      open: () => new UsageStore(join(dir, 'usage.sqlite')),
      strict: true,
      today: () => '2026-12-02',
    });
    writers.push(roomy);
    roomy.record(visitRecords({ day: '2026-12-02', hour: 11 })[0] as UsageRecord);
    roomy.flush();
    expect(roomy.health()).toEqual({ state: 'ok', dropped: 0, queued: 0 });
  });
});

describe('visit usage', () => {
  it('stamps a visit’s events with a pseudonym drawn at the first touch and forgotten at the reset', () => {
    const { writer, stored } = writerOn();
    let now = Date.parse('2026-12-02T09:00:00');
    const visits = new VisitUsage({ writer, kioskId: () => KIOSK, now: () => now });
    const step = { kind: 'aid-used', aid: 'keyboard', day: '2026-12-02', hour: 9 } as const;
    visits.started();
    visits.record(step);
    now += 7 * 60_000;
    visits.ended('idle', 'ar');
    visits.started();
    visits.record(step);
    visits.ended('visitor-ended', 'fr');
    // Outside a visit (the desk), no pseudonym.
    visits.record({ kind: 'voucher-sold', productId: 'orange-10', day: '2026-12-02', hour: 9 });
    writer.flush();
    const rows = stored();
    const [first, second] = [rows.slice(0, 3), rows.slice(3, 6)];
    expect(new Set(first.map((row) => row.visit)).size).toBe(1);
    expect(new Set(second.map((row) => row.visit)).size).toBe(1);
    expect(first[0]?.visit).not.toBe(second[0]?.visit);
    expect(first[0]?.visit).toMatch(/^[0-9a-f]{12}$/);
    expect(first[2]).toMatchObject({
      kind: 'session-ended',
      outcome: 'idle',
      duration: '5-10-min',
      language: 'ar',
    });
    expect(rows[6]).toEqual({
      kind: 'voucher-sold',
      productId: 'orange-10',
      day: '2026-12-02',
      hour: 9,
      kioskId: KIOSK,
    });
  });
});
