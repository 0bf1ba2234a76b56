import { describe, expect, it } from 'vitest';
import { KioskConfig } from '../../../main/config/config-schema.js';
import {
  OpeningHoursSection,
  openingState,
  wallClock,
} from '../../../main/session/opening-hours.js';

/** A week like a welcome point's door: mornings and afternoons, Wednesday morning only, closed at weekends. */
const hours = OpeningHoursSection.parse({
  timeZone: 'Europe/Paris',
  weekly: {
    monday: [{ from: '14:00', to: '18:00' }],
    tuesday: [
      { from: '14:00', to: '18:00' },
      { from: '09:30', to: '12:30' },
    ],
    wednesday: [{ from: '09:30', to: '12:30' }],
    thursday: [
      { from: '09:30', to: '12:30' },
      { from: '14:00', to: '18:00' },
    ],
    friday: [{ from: '09:30', to: '16:00' }],
  },
  closedDates: ['2026-12-25'],
});

// 2026-12-08 is a Tuesday; Paris is UTC+1 in winter.
const paris = (local: string) => new Date(`${local}+01:00`);

describe('opening hours', () => {
  it('is open inside an opening, closed at its closing minute', () => {
    expect(openingState(hours, paris('2026-12-08T09:30:00'))).toEqual({ open: true });
    expect(openingState(hours, paris('2026-12-08T12:29:59'))).toEqual({ open: true });
    expect(openingState(hours, paris('2026-12-08T12:30:00'))).toEqual({
      open: false,
      today: '2026-12-08',
      reopens: { date: '2026-12-08', time: '14:00' },
    });
  });

  it('before the first opening of the day, reopens that morning (intervals in any order)', () => {
    expect(openingState(hours, paris('2026-12-08T08:00:00'))).toMatchObject({
      open: false,
      reopens: { date: '2026-12-08', time: '09:30' },
    });
  });

  it('over the weekend, reopens on Monday afternoon', () => {
    expect(openingState(hours, paris('2026-12-11T16:00:00'))).toEqual({
      open: false,
      today: '2026-12-11',
      reopens: { date: '2026-12-14', time: '14:00' },
    });
  });

  it('skips a closed date: Christmas on a Friday reopens on Monday', () => {
    expect(openingState(hours, paris('2026-12-24T18:30:00'))).toMatchObject({
      reopens: { date: '2026-12-28', time: '14:00' },
    });
    expect(openingState(hours, paris('2026-12-25T10:00:00')).open).toBe(false);
  });

  it("reads the hours on the site's wall clock, not the machine's", () => {
    // 08:45 UTC is 09:45 in Paris (open) and 03:45 in Montréal (closed until 09:30).
    const now = new Date('2026-12-08T08:45:00Z');
    expect(openingState(hours, now).open).toBe(true);
    expect(openingState({ ...hours, timeZone: 'America/Montreal' }, now)).toMatchObject({
      open: false,
      reopens: { date: '2026-12-08', time: '09:30' },
    });
  });

  it('follows summer time: 09:30 in Paris is 07:30 UTC in July', () => {
    expect(openingState(hours, new Date('2026-07-07T07:29:00Z')).open).toBe(false);
    expect(openingState(hours, new Date('2026-07-07T07:30:00Z')).open).toBe(true);
    expect(wallClock(new Date('2026-03-29T01:30:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-03-29',
      time: '03:30',
    });
  });

  it('with no week set, is always open except on closed dates', () => {
    const always = OpeningHoursSection.parse({ closedDates: ['2026-12-25'] });
    expect(openingState(always, paris('2026-12-13T03:00:00'))).toEqual({ open: true });
    expect(openingState(always, paris('2026-12-25T12:00:00'))).toEqual({
      open: false,
      today: '2026-12-25',
      reopens: { date: '2026-12-26', time: '00:00' },
    });
  });

  it('says no date when nothing opens in the weeks ahead', () => {
    const never = OpeningHoursSection.parse({ weekly: {} });
    expect(openingState(never, paris('2026-12-08T10:00:00'))).toEqual({
      open: false,
      today: '2026-12-08',
      reopens: null,
    });
  });

  it('is open at all times in the default configuration', () => {
    const config = KioskConfig.parse({});
    expect(openingState(config.openingHours, new Date()).open).toBe(true);
  });

  it.each([
    [{ timeZone: 'Paris' }, 'a time zone such as Europe/Paris'],
    [{ weekly: { monday: [{ from: '9:00', to: '12:00' }] } }, 'a time such as 09:00'],
    [{ weekly: { monday: [{ from: '14:00', to: '12:00' }] } }, 'the opening comes before'],
    [
      {
        weekly: {
          monday: [
            { from: '09:00', to: '12:30' },
            { from: '12:00', to: '18:00' },
          ],
        },
      },
      'overlap',
    ],
    [{ weekly: { lundi: [] } }, 'Unrecognized key'],
    [{ closedDates: ['2026-02-30x'] }, 'a date such as 2026-12-25'],
    [{ closedDates: ['2026-13-01'] }, 'not a real date'],
    [{ closedDates: ['2026-02-30'] }, 'not a real date'],
  ])('refuses %j with a reason', (section, reason) => {
    const result = KioskConfig.safeParse({ openingHours: section });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(reason);
  });
});
