/**
 * A member's rights run from a day to an end day, inclusive, in whole
 * months: six months from 23 November 2026 end on 22 May 2027. Dates are
 * calendar days (YYYY-MM-DD, the kiosk's local day), never instants.
 */

export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar day of an instant. */
export function dayOf(instant: Date): Day {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${two(instant.getMonth() + 1)}-${two(instant.getDate())}`;
}

function parts(day: Day): [number, number, number] {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** The day after (or before, with a negative count). */
export function addDays(day: Day, count: number): Day {
  const [year, month, date] = parts(day);
  return format(new Date(Date.UTC(year, month - 1, date + count)));
}

/** Same day of the month, months later; the 31st becomes the month's last day. */
export function addMonths(day: Day, count: number): Day {
  const [year, month, date] = parts(day);
  const lastDay = new Date(Date.UTC(year, month - 1 + count + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(year, month - 1 + count, Math.min(date, lastDay))));
}

/**
 * The last day of rights given for `months`: from today for a new or lapsed
 * member, from the day after the current end for one still covered (a
 * renewal never loses days already given).
 */
export function periodEnd(today: Day, currentEnd: Day | null, months: number): Day {
  const start = currentEnd !== null && currentEnd >= today ? addDays(currentEnd, 1) : today;
  return addDays(addMonths(start, months), -1);
}
