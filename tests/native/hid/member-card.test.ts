/**
 * One member card, many readers: a stripe read by a HID reader or a
 * keyboard-wedge reader set any way, the number printed under its barcode,
 * an RFID badge in every form readers print. Each gives one identifier, so
 * the member's pseudonym is the same at every desk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberCardIdentity } from '../../../native/hid/parsers/member-card.js';
import { mrzCheckDigit, parseMrz } from '../../../native/hid/parsers/mrz.js';
import { readerEvent } from '../../../native/hid/reader-events.js';

const SECRET = new Uint8Array(32).fill(7);
/** A loyalty card: no Luhn digit (…4216 fails it), no expiry, no service code. */
const NUMBER = '6280010000004216';

const pseudonym = (type: 'tracks' | 'barcode' | 'badge', text: string) => {
  const event = readerEvent('member-card', { type, text }, SECRET);
  return event.kind === 'member-card' ? event.pseudonym : 'not a member card';
};

describe('member cards are identifiers, not bank cards', () => {
  it.each([
    ['both tracks, bank style', 'tracks', `%B${NUMBER}^DUPONT/MARIE^2712101?\n;${NUMBER}=2712101?`],
    ['track 2 alone', 'tracks', `;${NUMBER}=?`],
    ['track 2, no expiry or service code', 'tracks', `;${NUMBER}=0000000000?`],
    ['expiry that is not YYMM', 'tracks', `;${NUMBER}=9999?`],
    ['sentinels stripped by the reader', 'tracks', `${NUMBER}=2712101`],
    ['only the number between sentinels', 'tracks', `;${NUMBER}?`],
    ['track 1 alone, sentinel stripped', 'tracks', `B${NUMBER}^ADHERENT^`],
    ['a wedge reader typing track 2', 'barcode', `;${NUMBER}=2712?`],
    ['the number printed with spaces', 'barcode', '6280 0100 0000 4216'],
    ['the number printed with dashes', 'barcode', '6280-0100-0000-4216'],
    ['the plain number', 'barcode', NUMBER],
  ] as const)('%s', (_label, type, text) => {
    expect(memberCardIdentity(type, text)).toMatchObject({ ok: true, id: NUMBER });
    expect(pseudonym(type, text)).toBe(pseudonym('barcode', NUMBER));
  });

  it('reads an RFID badge the same in every form readers print', () => {
    // One EM4100 tag: version 0x1A, number 0x00BC614E (12345678).
    const forty = String(0x1a00bc614e); // 111681495374, as some readers print it
    const forms = ['1A00BC614E', '0012345678', '00BC614E', forty, `0${forty}`];
    for (const form of forms) {
      expect(memberCardIdentity('badge', form), form).toEqual({
        ok: true,
        id: '0012345678',
        form: 'rfid',
      });
    }
    expect(new Set(forms.map((form) => pseudonym('badge', form))).size).toBe(1);
    expect(memberCardIdentity('badge', '9999999999999')).toMatchObject({ ok: false });
  });

  it('keeps printed codes as printed, and refuses what carries no number', () => {
    expect(memberCardIdentity('barcode', 'ADH-001234')).toEqual({
      ok: true,
      id: 'ADH-001234',
      form: 'printed',
    });
    expect(memberCardIdentity('tracks', '%ANAME?')).toMatchObject({ ok: false });
    expect(memberCardIdentity('barcode', '  ')).toEqual({ ok: false, error: 'nothing was read' });
    expect(memberCardIdentity('tracks', `%B${NUMBER}^X^?\n;6280010000009999=?`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/different numbers/),
    });
  });

  it('never throws, and a valid read always gives a pseudonym (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tracks' as const, 'barcode' as const, 'badge' as const),
        fc.string({ maxLength: 120 }),
        (type, text) => {
          const read = memberCardIdentity(type, text);
          const event = readerEvent('member-card', { type, text }, SECRET);
          expect(event.kind === 'member-card' && event.pseudonym !== null).toBe(read.ok);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('long TD1 document numbers', () => {
  /** A Belgian-style TD1 whose number overflows into the optional data. */
  function td1(checkOverFiller: boolean): string {
    const number = '000590696';
    const overflow = '101';
    const check = mrzCheckDigit(checkOverFiller ? `${number}<${overflow}` : `${number}${overflow}`);
    const line1 = `IDBEL${number}<${overflow}${check}`.padEnd(30, '<');
    const line2Start = '9401013F2710017BEL';
    const optional2 = '00010112345';
    const composite = mrzCheckDigit(
      line1.slice(5, 30) + line2Start.slice(0, 7) + line2Start.slice(8, 15) + optional2,
    );
    return [
      line1,
      `${line2Start}${optional2}${composite}`,
      'SPECIMEN<<SPECIMEN'.padEnd(30, '<'),
    ].join('\n');
  }

  it('validates the check digit over the number alone (ICAO) and over the filler too (Belgium)', () => {
    for (const variant of [false, true]) {
      const read = parseMrz(td1(variant));
      expect(read.errors).toEqual([]);
      expect(read).toMatchObject({ valid: true, fields: { documentNumber: '000590696101' } });
    }
    expect(parseMrz(td1(true).replace('<1017', '<1013')).valid).toBe(false);
  });
});
