/**
 * Machine-readable zones (ICAO Doc 9303): TD1 (3 × 30, ID cards and
 * residence permits), TD2 (2 × 36), TD3 (2 × 44, passports), and the French
 * national ID card issued until 2021 (2 × 36, starting "IDFRA", its own
 * layout). Every check digit is verified; dates are given as printed
 * (YYMMDD). Total: any text gives a result.
 */
import { type DecodeResult, ResultBuilder } from './decode-result.js';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'FR-ID';

const WEIGHTS = [7, 3, 1];

/** ICAO check digit: digits as themselves, A–Z as 10–35, "<" as 0, weights 7-3-1. */
export function mrzCheckDigit(text: string): number | null {
  let sum = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let value: number;
    if (code >= 48 && code <= 57) value = code - 48;
    else if (code >= 65 && code <= 90) value = code - 55;
    else if (code === 60) value = 0;
    else return null;
    sum += value * (WEIGHTS[i % 3] as number);
  }
  return sum % 10;
}

/** The lines of an MRZ as a reader or a person typed them: upper case, no spaces, no blank lines. */
function mrzLines(input: string): string[] {
  return input
    .toUpperCase()
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s\u00a0]/g, ''))
    .filter((line) => line.length > 0);
}

function formatOf(lines: string[]): MrzFormat | null {
  const lengths = lines.map((line) => line.length).join('x');
  if (lengths === '30x30x30') return 'TD1';
  if (lengths === '44x44') return 'TD3';
  if (lengths === '36x36') return lines[0]?.startsWith('IDFRA') ? 'FR-ID' : 'TD2';
  return null;
}

const filler = (text: string) => text.replace(/</g, ' ').replace(/\s+/g, ' ').trim();

/** "ERIKSSON<<ANNA<MARIA" → last name ERIKSSON, first names ANNA MARIA. */
function splitNames(field: string): { lastName: string; firstNames: string } {
  const at = field.indexOf('<<');
  return at === -1
    ? { lastName: filler(field), firstNames: '' }
    : { lastName: filler(field.slice(0, at)), firstNames: filler(field.slice(at + 2)) };
}

const sexOf = (char: string) => (char === 'M' || char === 'F' ? char : 'X');

function validDate(yymmdd: string): boolean {
  if (!/^\d{6}$/.test(yymmdd)) return false;
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

export function parseMrz(input: string): DecodeResult {
  const builder = new ResultBuilder('mrz');
  const lines = mrzLines(typeof input === 'string' ? input : '');
  const format = formatOf(lines);
  if (!format) {
    const shape = lines.map((line) => line.length).join(', ') || 'nothing';
    return builder
      .error(
        `not an MRZ: expected 3 lines of 30, 2 of 36 or 2 of 44 characters (read ${lines.length} line(s): ${shape})`,
      )
      .result();
  }
  lines.forEach((line, index) => {
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad)
      builder.error(`line ${index + 1}: "${bad[0]}" at ${bad.index + 1} is not an MRZ character`);
  });
  builder.field('format', format);

  /** A field followed by its check digit. */
  const checked = (name: string, value: string, check: string, display = value) => {
    const expected = mrzCheckDigit(value);
    const emptyOptional = check === '<' && /^<*$/.test(value);
    const ok = emptyOptional || (expected !== null && String(expected) === check);
    builder.field(
      name,
      display,
      ok,
      `check digit ${check} does not match (expected ${expected ?? '?'})`,
    );
  };
  const date = (name: string, value: string, check: string) => {
    checked(name, value, check);
    if (!validDate(value)) builder.error(`${name}: ${value} is not a date (YYMMDD)`);
  };
  const composite = (value: string, check: string) => {
    const expected = mrzCheckDigit(value);
    if (expected === null || String(expected) !== check) {
      builder.error(`composite check digit ${check} does not match (expected ${expected ?? '?'})`);
    }
  };

  /** The holder's fields every ICAO layout has, at its own positions in `line`. */
  const holder = (
    namesField: string,
    line: string,
    at: { nationality: number; birth: number; sex: number; expiry: number },
  ) => {
    const names = splitNames(namesField);
    builder.field('lastName', names.lastName);
    builder.field('firstNames', names.firstNames);
    builder.field('nationality', filler(line.slice(at.nationality, at.nationality + 3)));
    date('birthDate', line.slice(at.birth, at.birth + 6), line.charAt(at.birth + 6));
    builder.field('sex', sexOf(line.charAt(at.sex)));
    date('expiryDate', line.slice(at.expiry, at.expiry + 6), line.charAt(at.expiry + 6));
  };

  const [l1 = '', l2 = '', l3 = ''] = lines;
  if (format === 'FR-ID') {
    builder.field('documentType', filler(l1.slice(0, 2)));
    builder.field('issuingCountry', l1.slice(2, 5));
    checked('documentNumber', l2.slice(0, 12), l2.charAt(12));
    builder.field('lastName', filler(l1.slice(5, 30)));
    // First names are separated by "<<" on this card.
    builder.field(
      'firstNames',
      l2.slice(13, 27).split('<<').map(filler).filter(Boolean).join(', '),
    );
    builder.field('nationality', 'FRA');
    date('birthDate', l2.slice(27, 33), l2.charAt(33));
    builder.field('sex', sexOf(l2.charAt(34)));
    builder.field('optionalData', filler(l1.slice(30, 36)));
    composite(l1 + l2.slice(0, 35), l2.charAt(35));
    return builder.result();
  }

  builder.field('documentType', filler(l1.slice(0, 2)));
  builder.field('issuingCountry', filler(l1.slice(2, 5)));
  if (format === 'TD1') {
    // A number longer than 9 goes on in the optional data, its check digit last.
    let number = l1.slice(5, 14);
    let check = l1.charAt(14);
    let optional = l1.slice(15, 30);
    const run = /^[0-9A-Z]+/.exec(optional)?.[0];
    let covered = number;
    if (check === '<' && run) {
      const overflow = run.slice(0, -1);
      check = run.slice(-1);
      optional = optional.slice(run.length);
      // Some issuers (Belgium) compute the check digit over the filler between the parts too.
      const withFiller = `${number}<${overflow}`;
      number += overflow;
      const plainHolds = String(mrzCheckDigit(number)) === check;
      covered = !plainHolds && String(mrzCheckDigit(withFiller)) === check ? withFiller : number;
    }
    checked('documentNumber', covered, check, filler(number));
    builder.field('optionalData', filler(`${optional}<${l2.slice(18, 29)}`));
    holder(l3, l2, { nationality: 15, birth: 0, sex: 7, expiry: 8 });
    composite(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2.charAt(29));
    return builder.result();
  }

  // TD2 and TD3 share one layout; TD3's names and optional data are longer.
  const end = format === 'TD3' ? 44 : 36;
  checked('documentNumber', l2.slice(0, 9), l2.charAt(9), filler(l2.slice(0, 9)));
  holder(l1.slice(5, end), l2, { nationality: 10, birth: 13, sex: 20, expiry: 21 });
  if (format === 'TD3') {
    checked('optionalData', l2.slice(28, 42), l2.charAt(42), filler(l2.slice(28, 42)));
    composite(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2.charAt(43));
  } else {
    builder.field('optionalData', filler(l2.slice(28, 35)));
    composite(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35), l2.charAt(35));
  }
  return builder.result();
}
