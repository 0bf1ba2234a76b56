import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../../main/usage/usage-event.js';
import { dayKeys, dayNumber, UsageStore } from '../../../main/usage/usage-store.js';
import { FRANCE_TRAVAIL, KIOSK, visitRecords } from '../../support/usage-visits.js';

let dir: string;
let store: UsageStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-usage-'));
  store = new UsageStore(join(dir, 'usage.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const cellsOf = (day: string) =>
  Object.fromEntries(
    store.daily(day, day).map((cell) => [`${cell.metric} ${cell.key}`, [cell.count, cell.visits]]),
  );

describe('usage store', () => {
  it('gives back every event as it was recorded, a day being one range of keys', () => {
    const records = [
      ...visitRecords({ day: '2026-12-01', hour: 9, procedure: { ...FRANCE_TRAVAIL, reached: 2 } }),
      { kind: 'voucher-sold', productId: 'orange-10', day: '2026-12-01', hour: 10, kioskId: KIOSK },
      ...visitRecords({ day: '2026-12-02', hour: 14, language: 'ar', help: 'answered' }),
    ] satisfies UsageRecord[];
    store.insert(records, '2026-12-03');
    const back = store.events('2026-12-01', '2026-12-02');
    const byDay = (day: string) => records.filter((record) => record.day === day);
    expect(back).toEqual([...byDay('2026-12-01'), ...byDay('2026-12-02')]);
    expect(store.events('2026-12-02', '2026-12-02')).toEqual(byDay('2026-12-02'));
    expect(dayKeys('2026-12-02')[0]).toBe(dayNumber('2026-12-02') * 2 ** 24);
  });

  it('goes on numbering a day after the file is opened again', () => {
    const day = { day: '2026-12-02', hour: 9 };
    store.insert(visitRecords(day));
    store.close();
    store = new UsageStore(join(dir, 'usage.sqlite'));
    store.insert(visitRecords({ ...day, language: 'uk' }));
    const back = store.events('2026-12-02', '2026-12-02');
    expect(back.filter((record) => record.kind === 'session-started')).toHaveLength(2);
    expect(back.at(-1)).toMatchObject({ kind: 'session-ended', language: 'uk' });
  });

  it('counts a day: visits, hours, languages, procedures, where visitors gave up, help, aids, vouchers', () => {
    const day = '2026-12-02';
    const visits = [
      ...visitRecords({ day, hour: 9, procedure: { ...FRANCE_TRAVAIL, reached: 6 } }),
      ...visitRecords({
        day,
        hour: 9,
        procedure: { ...FRANCE_TRAVAIL, reached: 2 },
        help: 'answered',
      }),
      ...visitRecords({
        day,
        hour: 14,
        language: 'ar',
        aids: ['keyboard', 'read-aloud'],
        end: 'idle',
      }),
      ...visitRecords({ day, hour: 14, language: 'ar', aids: ['keyboard'], help: 'cancelled' }),
    ];
    const sale: UsageRecord = {
      kind: 'voucher-sold',
      productId: 'orange-10',
      day,
      hour: 11,
      kioskId: KIOSK,
    };
    store.insert([...visits, sale, sale], '2026-12-03');
    store.aggregateDay(day, '2026-12-03');
    expect(cellsOf(day)).toEqual({
      'visits ': [4, 4],
      'visits-by-hour 09': [2, 2],
      'visits-by-hour 14': [2, 2],
      'visits-by-language ar': [2, 2],
      'visits-by-language fr': [2, 2],
      'visit-length 5-10-min': [4, 4],
      'visit-end idle': [1, 1],
      'visit-end visitor': [3, 3],
      'procedure-started france-travail-actualisation': [2, 2],
      'procedure-completed france-travail-actualisation': [1, 1],
      'procedure-abandoned france-travail-actualisation/mot-de-passe': [1, 1],
      'step-reached france-travail-actualisation/identifiant': [2, 2],
      'step-reached france-travail-actualisation/mot-de-passe': [2, 2],
      'step-reached france-travail-actualisation/questions': [1, 1],
      'step-reached france-travail-actualisation/travail': [1, 1],
      'step-reached france-travail-actualisation/recapitulatif': [1, 1],
      'step-reached france-travail-actualisation/confirmation': [1, 1],
      'help-called ': [2, 2],
      'help-answered 1-3-min': [1, 1],
      'help-cancelled under-1-min': [1, 1],
      'aid-used keyboard': [2, 2],
      'aid-used read-aloud': [1, 1],
      // Sold at the desk, outside any visit: counted by sale.
      'voucher-sold orange-10': [2, 2],
    });
  });

  it('counts each day that is over once, and again when an event for it arrives late', () => {
    store.insert(visitRecords({ day: '2026-11-30', hour: 10 }), '2026-12-02');
    store.insert(visitRecords({ day: '2026-12-01', hour: 10 }), '2026-12-02');
    store.insert(visitRecords({ day: '2026-12-02', hour: 10 }), '2026-12-02');
    expect(store.aggregatePending('2026-12-02')).toEqual(['2026-11-30', '2026-12-01']);
    expect(store.aggregatePending('2026-12-02')).toEqual([]);
    // Today is counted too, but stays open.
    expect(cellsOf('2026-12-02')['visits ']).toEqual([1, 1]);
    store.insert(visitRecords({ day: '2026-12-01', hour: 23 }), '2026-12-02');
    expect(store.aggregatePending('2026-12-02')).toEqual(['2026-12-01']);
    expect(cellsOf('2026-12-01')['visits ']).toEqual([2, 2]);
  });

  it('deletes raw events and counts past their keeping time, and says what it would delete first', () => {
    const today = '2026-12-02';
    for (const day of ['2024-10-01', '2024-12-01', '2025-06-01', '2025-11-01', '2025-12-02']) {
      store.insert(visitRecords({ day, hour: 10 }), today);
    }
    store.aggregatePending(today);
    const dry = store.purge('2025-11-02', '2024-11-02', false);
    expect(dry).toEqual({
      rawBefore: '2025-11-02',
      aggregatesBefore: '2024-11-02',
      rawEvents: 8,
      aggregateDays: 1,
    });
    expect(store.eventCount()).toBe(10);
    expect(store.purge('2025-11-02', '2024-11-02', true)).toEqual(dry);
    expect(store.events('2000-01-01', today).map((record) => record.day)).toEqual([
      '2025-12-02',
      '2025-12-02',
    ]);
    // The counts outlive the raw events they were made from.
    expect(store.daily('2000-01-01', today).filter((cell) => cell.metric === 'visits')).toEqual([
      { day: '2024-12-01', metric: 'visits', key: '', count: 1, visits: 1 },
      { day: '2025-06-01', metric: 'visits', key: '', count: 1, visits: 1 },
      { day: '2025-11-01', metric: 'visits', key: '', count: 1, visits: 1 },
      { day: '2025-12-02', metric: 'visits', key: '', count: 1, visits: 1 },
    ]);
  });

  it('keeps a visit in a few dozen bytes: texts are stored once', () => {
    const records: UsageRecord[] = [];
    for (let index = 0; index < 2000; index += 1) {
      records.push(
        ...visitRecords({
          day: '2026-12-02',
          hour: 8 + (index % 10),
          procedure: { ...FRANCE_TRAVAIL, reached: 1 + (index % 5) },
          aids: ['keyboard'],
        }),
      );
    }
    store.insert(records);
    store.checkpoint();
    const bytesPerEvent = statSync(join(dir, 'usage.sqlite')).size / records.length;
    expect(bytesPerEvent).toBeLessThan(60);
  });
});
