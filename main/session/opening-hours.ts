/**
 * Whether the welcome point is open now, and when it next opens: a pure
 * decision on the configuration's opening hours, in the site's own time zone
 * (a kiosk's clock may be in UTC; the hours on the door are not).
 */
import { z } from 'zod';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:00 or 17:30');
const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-25')
  .refine((text) => {
    const moment = new Date(`${text}T12:00:00Z`);
    // Date rolls 30 February over to March: a real date reads back the same.
    return !Number.isNaN(moment.getTime()) && moment.toISOString().startsWith(text);
  }, 'not a real date');

export const OpeningInterval = z
  .object({ from: Time, to: Time })
  .strict()
  .refine((interval) => interval.from < interval.to, 'the opening comes before the closing');

const DayHours = z
  .array(OpeningInterval)
  .max(4)
  .default([])
  .refine((intervals) => {
    const sorted = [...intervals].sort((a, b) => a.from.localeCompare(b.from));
    return sorted.every((interval, index) => (sorted[index - 1]?.to ?? '00:00') <= interval.from);
  }, 'the opening times of one day overlap');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const OpeningHoursSection = z
  .object({
    /** The site's time zone (IANA name): the hours below are read in it. */
    timeZone: z
      .string()
      .refine(isTimeZone, 'a time zone such as Europe/Paris')
      .default('Europe/Paris'),
    /**
     * The week's opening times, e.g. `"monday": [{"from": "09:00", "to": "12:30"},
     * {"from": "14:00", "to": "17:30"}]`; a day left out is closed. Absent: open
     * at all times (the kiosk has no hours of its own).
     */
    weekly: z
      .object({
        monday: DayHours,
        tuesday: DayHours,
        wednesday: DayHours,
        thursday: DayHours,
        friday: DayHours,
        saturday: DayHours,
        sunday: DayHours,
      })
      .strict()
      .optional(),
    /** Days closed whatever the week says: public holidays, closures. */
    closedDates: z.array(CalendarDate).max(366).default([]),
  })
  .strict();
export type OpeningHoursSection = z.infer<typeof OpeningHoursSection>;

/** A moment on the site's wall clock. */
export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
}

export type OpeningState =
  | { open: true }
  /** `today` is the site's date; `reopens` is null when no opening is planned in the next 8 weeks. */
  | { open: false; today: string; reopens: WallTime | null };

/** How far ahead an opening is looked for: past it, the screen says no date. */
const LOOKAHEAD_DAYS = 56;

export function openingState(hours: OpeningHoursSection, now: Date): OpeningState {
  const today = wallClock(now, hours.timeZone);
  const closed = new Set(hours.closedDates);
  const weekly = hours.weekly;
  const intervals = (date: string) =>
    closed.has(date)
      ? []
      : weekly
        ? [...weekly[weekdayOf(date)]].sort((a, b) => a.from.localeCompare(b.from))
        : [{ from: '00:00', to: '24:00' }];
  if (intervals(today.date).some(({ from, to }) => from <= today.time && today.time < to)) {
    return { open: true };
  }
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset += 1) {
    const date = addDays(today.date, offset);
    const next = intervals(date).find(({ from }) => offset > 0 || from > today.time);
    if (next) return { open: false, today: today.date, reopens: { date, time: next.from } };
  }
  return { open: false, today: today.date, reopens: null };
}

/** The date and time on the site's wall clock at `now`. */
export function wallClock(now: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T12:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  // getUTCDay: 0 is Sunday.
  return WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7] ?? 'monday';
}
