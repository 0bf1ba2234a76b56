/**
 * Reader parsers: the ICAO 9303 specimens and the French ID card specimen
 * read field by field, table tests per format, and properties: total on any
 * input, check digits that catch every single-character mistake.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECODE_KINDS, PARSERS } from '../../../native/hid/parsers/index.js';
import { parseEm4100 } from '../../../native/hid/parsers/em4100.js';
import { luhnCheckDigit, luhnValid, parseLuhn } from '../../../native/hid/parsers/luhn.js';
import { parseTrack } from '../../../native/hid/parsers/magstripe-track.js';
import { mrzCheckDigit, parseMrz } from '../../../native/hid/parsers/mrz.js';
import { gs1CheckDigit, parseRetailBarcode } from '../../../native/hid/parsers/retail-barcode.js';
import { FR_ID, FR_ID_FIELDS, TD1, TD2, TD3 } from '../../support/mrz-specimens.js';

const ANNA = {
  issuingCountry: 'UTO',
  lastName: 'ERIKSSON',
  firstNames: 'ANNA MARIA',
  nationality: 'UTO',
  birthDate: '740812',
  sex: 'F',
  expiryDate: '120415',
};

describe('MRZ', () => {
  it.each([
    [
      'TD3',
      TD3,
      {
        ...ANNA,
        format: 'TD3',
        documentType: 'P',
        documentNumber: 'L898902C3',
        optionalData: 'ZE184226B',
      },
    ],
    [
      'TD1',
      TD1,
      { ...ANNA, format: 'TD1', documentType: 'I', documentNumber: 'D23145890', optionalData: '' },
    ],
    [
      'TD2',
      TD2,
      { ...ANNA, format: 'TD2', documentType: 'I', documentNumber: 'D23145890', optionalData: '' },
    ],
    ['FR-ID', FR_ID, FR_ID_FIELDS],
  ])('reads the %s specimen with every check digit right', (_format, text, fields) => {
    expect(parseMrz(text)).toMatchObject({ kind: 'mrz', valid: true, fields, errors: [] });
  });

  it('takes what readers send: lower case, CR line ends, spaces, blank lines', () => {
    const messy = `\r\n${TD3.toLowerCase().replace('\n', '\r\n').replace('<<', '< <')}\r\n`;
    expect(parseMrz(messy)).toMatchObject({ valid: true, fields: { documentNumber: 'L898902C3' } });
  });

  it('says which field a misread character broke, and keeps the others', () => {
    // The 2 of the birth day read as a 9.
    const misread = TD3.replace('7408122F', '7408192F');
    const result = parseMrz(misread);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      `birthDate: check digit 2 does not match (expected ${mrzCheckDigit('740819')})`,
      expect.stringMatching(/^composite check digit 0 does not match/),
    ]);
    expect(result.fields.birthDate).toBe('740819');
    expect(result.fieldValidity).toMatchObject({
      birthDate: false,
      documentNumber: true,
      expiryDate: true,
    });
  });

  it('reads a TD1 document number longer than nine characters (continued in the optional data)', () => {
    const number = 'D23145890AB';
    const line1 = `I<UTO${number.slice(0, 9)}<${number.slice(9)}${mrzCheckDigit(number)}`.padEnd(
      30,
      '<',
    );
    const line2 = '7408122F1204159UTO<<<<<<<<<<<';
    const composite = mrzCheckDigit(
      line1.slice(5) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29),
    );
    const result = parseMrz(`${line1}\n${line2}${composite}\nERIKSSON<<ANNA<MARIA<<<<<<<<<<`);
    expect(result).toMatchObject({ valid: true, fields: { documentNumber: number } });
  });

  it('refuses what is not an MRZ, saying what it read', () => {
    expect(parseMrz('P<UTOERIKSSON')).toEqual({
      kind: 'mrz',
      valid: false,
      fields: {},
      fieldValidity: {},
      errors: [
        'not an MRZ: expected 3 lines of 30, 2 of 36 or 2 of 44 characters (read 1 line(s): 13)',
      ],
    });
  });

  it('catches any single wrong digit in a checked field (property)', () => {
    const line2 = TD3.split('\n')[1] as string;
    // Digit positions covered by a check digit: birth date, expiry date (and the check digits).
    const positions = [13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26];
    fc.assert(
      fc.property(fc.constantFrom(...positions), fc.integer({ min: 1, max: 9 }), (at, shift) => {
        const digit = (Number(line2[at]) + shift) % 10;
        const changed = `${line2.slice(0, at)}${digit}${line2.slice(at + 1)}`;
        expect(parseMrz(`${TD3.split('\n')[0]}\n${changed}`).valid).toBe(false);
      }),
    );
  });

  it('never throws on MRZ-shaped garbage (property)', () => {
    const mrzChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'.split(''));
    const line = (length: number) =>
      fc.string({ unit: mrzChar, minLength: length, maxLength: length });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(line(30), line(30), line(30)),
          fc.tuple(line(36), line(36)),
          fc.tuple(line(44), line(44)),
          fc.tuple(
            fc.constant('IDFRA').chain((s) => line(31).map((r) => s + r)),
            line(36),
          ),
        ),
        (lines) => {
          const result = parseMrz(lines.join('\n'));
          expect(typeof result.valid).toBe('boolean');
          expect(result.fields.format).toBeDefined();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('magnetic stripe tracks (ISO/IEC 7813)', () => {
  const pan = `497010000000006`;
  const card = `${pan}${luhnCheckDigit(pan)}`;

  it('reads track 1 and track 2 together: number, name, expiry, service code', () => {
    const result = parseTrack(
      `%B${card}^DUPONT/MARIE.MME^2712101000000000000000?\n;${card}=27121010000000000?`,
    );
    expect(result).toMatchObject({
      valid: true,
      fields: {
        pan: card,
        name: 'MARIE DUPONT',
        expiry: '2712',
        serviceCode: '101',
        tracks: '1+2',
      },
    });
  });

  it('reads a member card that has only track 2', () => {
    expect(parseTrack(`;${card}=2712?`)).toMatchObject({
      valid: true,
      fields: { pan: card, expiry: '2712', tracks: '2' },
    });
  });

  it.each([
    [`;${pan}0=2712?`, 'pan: the card number fails its Luhn check'],
    [`;${card}=2713?`, 'expiry: 2713 is not YYMM'],
    [
      `;${card}=2712`,
      'no ISO 7813 track 1 (%B…?) or track 2 (;…?) (end sentinel "?" missing or a field too long?)',
    ],
  ])('refuses %s', (text, error) => {
    const result = parseTrack(text);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain(error);
  });
});

describe('retail barcodes, Luhn, EM4100', () => {
  it.each([
    ['4006381333931', 'ean13', true],
    ['4006381333932', 'ean13', false],
    ['96385074', 'ean8', true],
    ['036000291452', 'upca', true],
  ])('%s is %s, check digit right: %s', (digits, symbology, valid) => {
    expect(parseRetailBarcode(digits)).toMatchObject({ valid, fields: { symbology, digits } });
  });

  it('catches every single wrong digit of an EAN-13 (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (payload, at, shift) => {
          const code = `${payload}${gs1CheckDigit(payload)}`;
          expect(parseRetailBarcode(code).valid).toBe(true);
          const wrong = `${code.slice(0, at)}${(Number(code[at]) + shift) % 10}${code.slice(at + 1)}`;
          expect(parseRetailBarcode(wrong).valid).toBe(false);
        },
      ),
    );
  });

  it('checks Luhn numbers, and any single wrong digit fails (property)', () => {
    expect(parseLuhn('7992 7398 713')).toMatchObject({
      valid: true,
      fields: { digits: '79927398713' },
    });
    expect(parseLuhn('79927398710').valid).toBe(false);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 18 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (payload, index, shift) => {
          const number = `${payload}${luhnCheckDigit(payload)}`;
          expect(luhnValid(number)).toBe(true);
          const at = index % number.length;
          const wrong = `${number.slice(0, at)}${(Number(number[at]) + shift) % 10}${number.slice(at + 1)}`;
          expect(luhnValid(wrong)).toBe(false);
        },
      ),
    );
  });

  it.each([
    ['0012345678', { form: 'decimal10', decimal: '0012345678', hex: '00BC614E' }],
    ['1a00bc614e', { form: 'hex10', hex: '1A00BC614E', version: '1A', decimal: '0012345678' }],
    ['00BC614E', { form: 'hex8', hex: '00BC614E', decimal: '0012345678' }],
    [
      '188,24910',
      { form: 'wiegand26', facility: '188', card: '24910', hex: 'BC614E', decimal: '0012345678' },
    ],
  ])('reads the EM4100 rendering %s', (text, fields) => {
    expect(parseEm4100(text)).toMatchObject({ kind: 'em4100', valid: true, fields });
  });

  it('refuses impossible EM4100 values', () => {
    expect(parseEm4100('300,1').errors).toEqual(['facility: a facility code is 0 to 255']);
    expect(parseEm4100('9999999999').errors).toEqual([
      'decimal: more than 32 bits: not an EM4100 number',
    ]);
    expect(parseEm4100('badge').valid).toBe(false);
  });
});

describe('every parser is total', () => {
  it.each(DECODE_KINDS)('%s returns a result for any text, never throws (property)', (kind) => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const result = PARSERS[kind](text);
        expect(result.kind).toBe(kind);
        // Invalid always says why; valid never carries an error.
        expect(result.errors.length > 0).toBe(!result.valid);
      }),
      { numRuns: 1000 },
    );
  });
});
