/**
 * What the "fill in my details" helper copies from an ID card into a site's
 * field: names and numbers as printed, dates as French forms write them
 * (JJ/MM/AAAA) — and as ISO for a date picker, which takes no typing.
 */
import type { IdCardField } from '../contract/ipc-contract.js';

export interface CopyValue {
  /** What is typed into a text field. */
  text: string;
  /** YYYY-MM-DD, for an `<input type="date">`. */
  isoDate?: string;
}

/**
 * The value to copy for one field, or null when the card gave nothing usable
 * (an empty field, or a date with unknown parts: MRZ writes "<<" for them).
 * `today` settles the century of a birth date: years after this one are 19xx.
 */
export function idCardValue(
  fields: Readonly<Record<string, string>>,
  field: IdCardField,
  today: Date,
): CopyValue | null {
  const raw = fields[field]?.trim() ?? '';
  if (!raw) return null;
  if (field !== 'birthDate' && field !== 'expiryDate') return { text: raw };
  const date = mrzDate(raw, field === 'birthDate' ? today.getUTCFullYear() : null);
  if (!date) return null;
  const [year, month, day] = date;
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    text: `${two(day)}/${two(month)}/${year}`,
    isoDate: `${year}-${two(month)}-${two(day)}`,
  };
}

/**
 * YYMMDD → [year, month, day], checked against the calendar. A birth year
 * later than the current one is of the last century; an expiry is always
 * 20xx (documents that expired before 2000 are of no use on a form).
 */
function mrzDate(
  yymmdd: string,
  birthReferenceYear: number | null,
): [number, number, number] | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const year =
    birthReferenceYear !== null && 2000 + yy > birthReferenceYear ? 1900 + yy : 2000 + yy;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return [year, month, day];
}
