import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../main/members/membership-period.js';
import { buildExport, formatExport } from '../../../main/usage/usage-export.js';
import type { DailyCell } from '../../../main/usage/usage-metrics.js';
import {
  exportRange,
  MIN_VISITS,
  type PublishedCell,
  publishCells,
  sumByPeriod,
} from '../../../main/usage/usage-suppression.js';

const publish = (days: DailyCell[]) => publishCells(sumByPeriod(days, 'day'));

const cell = (day: string, metric: DailyCell['metric'], key: string, count: number): DailyCell => ({
  day,
  metric,
  key,
  count,
  visits: count,
});
const value = (cells: PublishedCell[], metric: string, key: string) =>
  cells.find((entry) => entry.metric === metric && entry.key === key)?.value;

describe('what leaves the kiosk', () => {
  it('publishes a cell of 10 visits or more, and nothing of a smaller one', () => {
    const cells = publish([
      cell('2026-11-02', 'visits', '', 42),
      cell('2026-11-02', 'procedure-started', 'caf-declaration', 12),
      cell('2026-11-02', 'procedure-started', 'ants-permis', 3),
    ]);
    expect(value(cells, 'procedure-started', 'caf-declaration')).toBe(12);
    expect(value(cells, 'procedure-started', 'ants-permis')).toBeNull();
  });

  it('hides a second cell when the visits minus the others would give a small one away', () => {
    const day = '2026-11-02';
    const cells = publish([
      cell(day, 'visits', '', 30),
      cell(day, 'visits-by-language', 'fr', 12),
      cell(day, 'visits-by-language', 'es', 11),
      cell(day, 'visits-by-language', 'ar', 7),
    ]);
    // Only Arabic is under 10, but 30 − 12 − 11 = 7 would give it: Spanish goes too.
    expect(value(cells, 'visits-by-language', 'ar')).toBeNull();
    expect(value(cells, 'visits-by-language', 'es')).toBeNull();
    expect(value(cells, 'visits-by-language', 'fr')).toBe(12);
  });

  it('gives the same cells for the days two overlapping exports share, and no total over a range', () => {
    // The classic attack: the visits of 1–10 November minus those of 1–9
    // November would be the visits of the 10th, 4 of them.
    const days: DailyCell[] = [];
    for (let day = '2026-11-01'; day <= '2026-11-10'; day = addDays(day, 1)) {
      days.push(cell(day, 'visits', '', day === '2026-11-10' ? 4 : 25));
    }
    const read = (from: string, to: string, by: 'day' | 'month') =>
      sumByPeriod(
        days.filter((entry) => entry.day >= from && entry.day <= to),
        by,
      );
    const longer = buildExport(
      'borne-a',
      { from: '2026-11-01', to: '2026-11-10', by: 'day' },
      read,
    );
    const shorter = buildExport(
      'borne-a',
      { from: '2026-11-01', to: '2026-11-09', by: 'day' },
      read,
    );
    expect(longer.cells.filter((entry) => entry.period === '2026-11-10')).toEqual([
      { period: '2026-11-10', metric: 'visits', key: '', value: null },
    ]);
    expect(longer.cells.slice(0, 9)).toEqual(shorter.cells);
    expect(formatExport(longer, 'csv')).not.toMatch(/total/i);
  });

  it('counts by whole months: a range cut inside a month is widened to it', () => {
    expect(exportRange('2026-11-15', '2026-12-02', 'month')).toEqual({
      from: '2026-11-01',
      to: '2026-12-31',
    });
    expect(exportRange('2026-02-03', '2026-02-03', 'month')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('never lets two exports over any ranges be subtracted into a group under 10 visits (property)', () => {
    const start = '2026-10-01';
    const dayCounts = fc.array(fc.nat({ max: 40 }), { minLength: 60, maxLength: 60 });
    const hourShares = fc.array(fc.nat({ max: 3 }), { minLength: 60, maxLength: 60 });
    const range = fc
      .tuple(fc.nat({ max: 59 }), fc.nat({ max: 59 }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    fc.assert(
      fc.property(
        dayCounts,
        hourShares,
        range,
        range,
        fc.constantFrom('day', 'month') as fc.Arbitrary<'day' | 'month'>,
        (counts, shares, first, second, by) => {
          const days: DailyCell[] = counts.flatMap((count, index) => {
            const day = addDays(start, index);
            const morning = Math.min(count, Math.floor((count * (shares[index] ?? 0)) / 3));
            return [
              cell(day, 'visits', '', count),
              cell(day, 'visits-by-hour', '09', morning),
              cell(day, 'visits-by-hour', '14', count - morning),
            ].filter((entry) => entry.count > 0);
          });
          const read = (from: string, to: string, bin: 'day' | 'month') =>
            sumByPeriod(
              days.filter((entry) => entry.day >= from && entry.day <= to),
              bin,
            );
          const exportOf = ([a, b]: readonly [number, number]) =>
            buildExport('borne-a', { from: addDays(start, a), to: addDays(start, b), by }, read);
          const one = exportOf(first);
          const two = exportOf(second);
          // Shared periods: identical cells, so subtracting cancels them exactly.
          const key = (entry: PublishedCell) => `${entry.period} ${entry.metric} ${entry.key}`;
          const inTwo = new Map(two.cells.map((entry) => [key(entry), entry.value]));
          for (const entry of one.cells) {
            if (inTwo.has(key(entry))) expect(inTwo.get(key(entry))).toBe(entry.value);
          }
          for (const published of [one, two]) {
            const byPeriod = new Map<string, PublishedCell[]>();
            for (const entry of published.cells) {
              // Every number published stands for 10 visits or more.
              if (entry.value !== null) expect(entry.value).toBeGreaterThanOrEqual(MIN_VISITS);
              byPeriod.set(entry.period, [...(byPeriod.get(entry.period) ?? []), entry]);
            }
            // Visits minus the hours shown: nothing, or 10 visits and more.
            for (const cells of byPeriod.values()) {
              const total = cells.find((entry) => entry.metric === 'visits')?.value;
              const hours = cells.filter((entry) => entry.metric === 'visits-by-hour');
              if (total === null || total === undefined) {
                expect(hours.every((entry) => entry.value === null)).toBe(true);
                continue;
              }
              const hidden = total - hours.reduce((sum, entry) => sum + (entry.value ?? 0), 0);
              expect(hidden === 0 || hidden >= MIN_VISITS).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a CSV a French spreadsheet opens, saying which cells were suppressed', () => {
    const stats = buildExport('borne-a', { from: '2026-11-02', to: '2026-11-02', by: 'day' }, () =>
      sumByPeriod(
        [cell('2026-11-02', 'visits', '', 14), cell('2026-11-02', 'aid-used', 'read-aloud', 2)],
        'day',
      ),
    );
    expect(formatExport(stats, 'csv')).toBe(
      'période;borne;indicateur;clé;valeur;note\r\n' +
        '2026-11-02;borne-a;aid-used;read-aloud;;moins de 10 visites\r\n' +
        '2026-11-02;borne-a;visits;;14;\r\n',
    );
    expect(JSON.parse(formatExport(stats, 'json'))).toMatchObject({ minVisits: 10, by: 'day' });
  });
});
