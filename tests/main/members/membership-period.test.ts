import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOf, periodEnd } from '../../../main/members/membership-period.js';

describe('membership period', () => {
  it.each([
    ['2026-11-23', 6, '2027-05-23'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -13, '2025-02-28'],
  ])('%s plus %i months is %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it.each([
    ['new member: from today', '2026-11-23', null, 6, '2027-05-22'],
    ['lapsed member: from today', '2026-11-23', '2026-10-01', 6, '2027-05-22'],
    ['covered member: from the day after the end', '2026-11-23', '2026-12-31', 6, '2027-06-30'],
    ['ends today: still covered today', '2026-11-23', '2026-11-23', 12, '2027-11-23'],
    ['a year from 29 February', '2028-02-29', null, 12, '2029-02-27'],
  ])('%s', (_why, today, currentEnd, months, expected) => {
    expect(periodEnd(today, currentEnd, months)).toBe(expected);
  });

  it('never gives less than what runs, nor ends before the months given', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(day), fc.integer({ min: 1, max: 36 }), (today, end, months) => {
        const next = periodEnd(today, end, months);
        expect(next > today).toBe(true);
        if (end !== null) expect(next > end).toBe(true);
        // At least months × 28 days from its start, at most months × 31.
        const start = end !== null && end >= today ? addDays(end, 1) : today;
        const days = (Date.parse(next) - Date.parse(start)) / 86_400_000 + 1;
        expect(days).toBeGreaterThanOrEqual(months * 28);
        expect(days).toBeLessThanOrEqual(months * 31);
      }),
    );
  });

  it('takes the local calendar day of an instant', () => {
    expect(dayOf(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23');
    expect(() => addDays('23/11/2026', 1)).toThrow('not a day');
  });
});
