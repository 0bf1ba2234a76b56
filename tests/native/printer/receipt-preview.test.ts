/**
 * Previews are drawn from the bytes the printer received. The codes on them
 * must scan (ZXing reads them back) and the characters must be the font's
 * own glyphs at the printer's 12×24 cell.
 */
import { decode as decodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { interpretEscPos } from '../../../native/printer/escpos-interpreter.js';
import { PRINTER_PROFILES, type PrinterProfile } from '../../../native/printer/printer-profiles.js';
import { receiptFonts } from '../../../native/printer/psf-font.js';
import { encodeReceipt } from '../../../native/printer/receipt-encoder.js';
import {
  ReceiptDocument,
  type ReceiptDocumentInput,
} from '../../../native/printer/receipt-model.js';
import {
  type Bitmap,
  bitmapToPng,
  renderPreview,
} from '../../../native/printer/receipt-preview.js';
import { readCode } from '../../support/code-reader.js';

const TM_T20 = PRINTER_PROFILES['epson-tm-t20'];

function preview(input: ReceiptDocumentInput, profile: PrinterProfile = TM_T20): Bitmap {
  const { bytes } = encodeReceipt(ReceiptDocument.parse(input), profile);
  return renderPreview(interpretEscPos(bytes), { paperDots: profile.columns * 12 });
}

/** The cell's dots at column `column` of the first printed row. */
function cell(bitmap: Bitmap, column: number, top = 0): boolean[] {
  const dots: boolean[] = [];
  for (let y = 0; y < 24; y += 1) {
    for (let x = 0; x < 12; x += 1)
      dots.push(bitmap.ink[(top + y) * bitmap.width + column * 12 + x] === 1);
  }
  return dots;
}

function glyph(char: string): boolean[] {
  const dots: boolean[] = [];
  for (let y = 0; y < 24; y += 1) {
    for (let x = 0; x < 12; x += 1)
      dots.push(receiptFonts().regular.inked(char.codePointAt(0) as number, x, y));
  }
  return dots;
}

describe('receipt preview', () => {
  it.each([
    ['l', 'https://www.caf.fr/allocataires/mon-compte'],
    ['m', 'Recharge Orange 10 € — code 1234 5678 9012'],
    ['h', 'Émilie Œuvre ça marche'],
  ] as const)(
    'draws a QR code (level %s) that a reader decodes to the same text',
    (errorLevel, value) => {
      const read = readCode(preview({ blocks: [{ type: 'qrcode', value, errorLevel, size: 4 }] }));
      expect(read).toEqual({ format: 'QR_CODE', text: value });
    },
  );

  it('draws CODE128 and EAN-13 barcodes that a reader decodes (EAN-13 with its check digit)', () => {
    expect(
      readCode(
        preview({ blocks: [{ type: 'barcode', symbology: 'code128', value: 'BORNE-0042' }] }),
      ),
    ).toEqual({
      format: 'CODE_128',
      text: 'BORNE-0042',
    });
    expect(
      readCode(
        preview({ blocks: [{ type: 'barcode', symbology: 'ean13', value: '400638133393' }] }),
      ),
    ).toEqual({
      format: 'EAN_13',
      text: '4006381333931',
    });
  });

  it('narrows a barcode to fit 58 mm paper (2 dots a module), and warns when even that is too wide', () => {
    const narrow = preview(
      { blocks: [{ type: 'barcode', symbology: 'code128', value: 'BORNE-TEST' }] },
      PRINTER_PROFILES['generic-58'],
    );
    expect(readCode(narrow)).toEqual({ format: 'CODE_128', text: 'BORNE-TEST' });
    const long = encodeReceipt(
      ReceiptDocument.parse({
        blocks: [{ type: 'barcode', symbology: 'code128', value: 'X'.repeat(20) }],
      }),
      PRINTER_PROFILES['generic-58'],
    );
    expect(long.warnings).toEqual([
      'barcode "XXXXXXXXXXXXXXXXXXXX" needs 510 dots, the paper has 384: shorten it or use a QR code',
    ]);
  });

  it('draws €, é and œ with the font glyphs on WPC1252, and € é "oe" on CP858', () => {
    const tm = preview({ blocks: [{ type: 'text', text: '€éœ' }] });
    expect([cell(tm, 0), cell(tm, 1), cell(tm, 2)]).toEqual([glyph('€'), glyph('é'), glyph('œ')]);
    const generic = preview(
      { blocks: [{ type: 'text', text: '€éœ' }] },
      PRINTER_PROFILES['generic-80'],
    );
    expect([cell(generic, 0), cell(generic, 1), cell(generic, 2), cell(generic, 3)]).toEqual([
      glyph('€'),
      glyph('é'),
      glyph('o'),
      glyph('e'),
    ]);
  });

  it('wraps a line longer than the paper like the printer, 32 characters a row on 58 mm', () => {
    const bitmap = preview(
      { blocks: [{ type: 'text', text: 'x'.repeat(40) }] },
      PRINTER_PROFILES['generic-58'],
    );
    expect(bitmap.width).toBe(384);
    expect(cell(bitmap, 31)).toEqual(glyph('x'));
    expect(cell(bitmap, 0, 30)).toEqual(glyph('x'));
    expect(cell(bitmap, 8, 30)).toEqual(glyph(' '));
  });

  it('saves a PNG of the paper with a grey edge', () => {
    const bitmap = preview({ blocks: [{ type: 'text', text: 'ok' }, { type: 'cut' }] });
    const png = decodePng(bitmapToPng(bitmap, 16));
    expect([png.width, png.height, png.channels]).toEqual([576 + 32, bitmap.height + 32, 1]);
    expect(png.data[0]).toBe(0xd0);
    expect(png.data[16 * png.width + 16 + 100]).toBe(0xff);
  });
});
