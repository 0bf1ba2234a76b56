import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeStockBytes,
  parseEuros,
  parseExpiry,
  readStockFile,
} from '../../../main/vouchers/stock-file.js';
import {
  makeCode,
  makeCodes,
  nth,
  ORANGE,
  SFR,
  stockCsv,
  TEST_PRODUCTS,
} from '../../support/voucher-stock.js';

const TODAY = '2026-12-02';
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 as a spreadsheet saves it (é = E9, € = 80). */
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((char) => (char === '€' ? 0x80 : char.charCodeAt(0))));

describe('operator stock files', () => {
  it('reads a semicolon file in UTF-8 with French headers and amounts', () => {
    const codes = [...makeCodes(3, ORANGE), ...makeCodes(2, SFR)];
    const file = readStockFile(utf8(stockCsv(codes)), TEST_PRODUCTS, TODAY);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file).toMatchObject({ encoding: 'UTF-8', delimiter: ';', problems: [] });
    expect(file.rows.map((row) => [row.line, row.productId, row.faceValueCents])).toEqual([
      [2, 'orange-10', 1000],
      [3, 'orange-10', 1000],
      [4, 'orange-10', 1000],
      [5, 'sfr-20', 2000],
      [6, 'sfr-20', 2000],
    ]);
    expect(file.rows[0]).toMatchObject({ serial: codes[0]?.serial, pin: codes[0]?.pin });
    expect(file.rows[0]?.expiresOn).toBe('2027-11-30');
  });

  it('reads a comma file saved in Windows-1252, and a tab file with English headers', () => {
    const codes = makeCodes(2, ORANGE);
    const latin = readStockFile(cp1252(stockCsv(codes, ',')), TEST_PRODUCTS, TODAY);
    expect(latin).toMatchObject({ ok: true, encoding: 'WINDOWS-1252', delimiter: ',' });
    const english = [
      'serial\tpin\tproduct\tface value\texpiry',
      `${codes[0]?.serial}\t${codes[0]?.pin}\torange-10\t10.00\t2027-11-30`,
    ].join('\n');
    const tab = readStockFile(utf8(english), TEST_PRODUCTS, TODAY);
    expect(tab).toMatchObject({ ok: true, delimiter: '\t', problems: [] });
  });

  it('lists every bad row by line and reason, never with its PIN', () => {
    const good = makeCodes(2, ORANGE);
    const dup = nth(good, 0);
    const rows = [
      ...good,
      { ...makeCode(ORANGE), pin: '12' }, // line 4: too short
      { ...makeCode(ORANGE), product: 'Bouygues 5 €' }, // line 5
      { ...makeCode(ORANGE), faceValue: '20,00 €' }, // line 6: not Orange 10's value
      { ...makeCode(ORANGE), expiry: '31/02/2027' }, // line 7
      { ...makeCode(ORANGE), expiry: '01/11/2026' }, // line 8: expired
      { ...makeCode(ORANGE), serial: dup.serial }, // line 9
      { ...makeCode(ORANGE), pin: dup.pin }, // line 10
      // line 11: columns shifted (a PIN where the product name goes)
      { ...makeCode(ORANGE), product: nth(good, 1).pin },
    ];
    const file = readStockFile(utf8(stockCsv(rows)), TEST_PRODUCTS, TODAY);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.problems.map((problem) => problem.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const reasons = file.problems.map((problem) => problem.reason);
    expect(reasons[0]).toMatch(/PIN missing or not 4 to 32/);
    expect(reasons[1]).toMatch(/unknown product "Bouygues 5 €"/);
    expect(reasons[2]).toMatch(/face value "20,00 €" differs/);
    expect(reasons[3]).toMatch(/expiry "31\/02\/2027" is not a day/);
    expect(reasons[4]).toMatch(/expired on 2026-11-01/);
    expect(reasons[5]).toMatch(/already on line 2/);
    expect(reasons[6]).toBe('same PIN as line 2');
    expect(reasons[7]).toMatch(/unknown product \(hidden: it could be a PIN\)/);
    const text = JSON.stringify(file.problems);
    for (const row of rows) expect(text).not.toContain(row.pin);
  });

  it('refuses a file without the needed columns, or empty', () => {
    expect(readStockFile(utf8('ref;montant\nA;10\n'), TEST_PRODUCTS, TODAY)).toEqual({
      ok: false,
      error: 'no serial, PIN, product column in the header (found: ref | montant)',
    });
    expect(readStockFile(new Uint8Array(), TEST_PRODUCTS, TODAY)).toEqual({
      ok: false,
      error: 'the file is empty',
    });
  });

  it('parses amounts and days as operators write them', () => {
    expect(['10,00 €', '10.00', '10', '10 EUR', '1 000,50'].map(parseEuros)).toEqual([
      1000, 1000, 1000, 1000, 100050,
    ]);
    expect(['dix', '10,001', '-5', ''].map(parseEuros)).toEqual([null, null, null, null]);
    expect(
      ['2027-11-30', '30/11/2027', '30.11.2027', '11/2027', '02/2028'].map(parseExpiry),
    ).toEqual(['2027-11-30', '2027-11-30', '2027-11-30', '2027-11-30', '2028-02-29']);
    expect(['2027-02-30', '13/2027', 'bientôt'].map(parseExpiry)).toEqual([null, null, null]);
  });

  it('never throws, whatever the bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const file = readStockFile(bytes, TEST_PRODUCTS, TODAY);
        expect(typeof file.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    expect(decodeStockBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
  });
});
