/**
 * Golden command sequences, checked against the Epson ESC/POS reference:
 * ESC @ (1B 40) initialise; ESC t n (1B 74 n) code page, n = 16 WPC1252,
 * 19 PC858; GS ( k (1D 28 6B) QR functions 165/167/169/180/181;
 * GS k 73 (1D 6B 49 n) CODE128 with its length byte; GS k 2 … NUL (1D 6B 02) EAN-13;
 * GS V 1 (1D 56 01) partial cut; ESC p m t1 t2 (1B 70 m t1 t2) drawer pulse.
 */
import { describe, expect, it } from 'vitest';
import {
  PRINTER_PROFILES,
  type PrinterProfile,
  withCodePage,
} from '../../../native/printer/printer-profiles.js';
import { encodeText, fitToCodePage } from '../../../native/printer/code-page-fit.js';
import { encodeReceipt, twoColumns } from '../../../native/printer/receipt-encoder.js';
import {
  ReceiptDocument,
  type ReceiptDocumentInput,
} from '../../../native/printer/receipt-model.js';

const hex = (bytes: Uint8Array | number[]) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');
const encode = (
  input: ReceiptDocumentInput,
  profile: PrinterProfile = PRINTER_PROFILES['epson-tm-t20'],
) => encodeReceipt(ReceiptDocument.parse(input), profile);
const text = (value: string) => ({ blocks: [{ type: 'text' as const, text: value }] });

describe('receipt encoder: French on the code page of each profile', () => {
  it('starts with ESC @ and selects WPC1252 (ESC t 16) on a TM-T20', () => {
    const { bytes } = encode(text('x'));
    expect(hex(bytes.slice(0, 2))).toBe('1b 40');
    expect(hex(bytes)).toContain('1b 74 10');
  });

  it('prints é ç à ° € œ — as WPC1252 bytes, with no warning', () => {
    const { bytes, warnings } = encode(text('éçà°€œ—'));
    expect(hex(bytes)).toContain('e9 e7 e0 b0 80 9c 97');
    expect(warnings).toEqual([]);
  });

  it('selects CP858 (ESC t 19) on a generic printer: € is D5, œ becomes "oe", dashes "-"', () => {
    const { bytes, warnings } = encode(text('été 5 € cœur — fin'), PRINTER_PROFILES['generic-58']);
    expect(hex(bytes)).toContain('1b 74 13');
    expect(hex(bytes)).toContain(hex(Buffer.from([0x82, 0x74, 0x82, 0x20, 0x35, 0x20, 0xd5])));
    expect(Buffer.from(bytes).toString('latin1')).toContain('coeur - fin');
    expect(warnings).toEqual([]);
  });

  it('keeps line breaks on every code page (CP858 has no LF in its table: lines are split before fitting)', () => {
    const { bytes, warnings } = encode(text('un\ndeux'), PRINTER_PROFILES['generic-58']);
    expect(warnings).toEqual([]);
    expect(Buffer.from(bytes).toString('latin1')).toContain('un\ndeux\n');
  });

  it('never writes a character as a control byte: § is F5 on CP858, not 15 (NAK) as the encoder chose', () => {
    const { bytes } = encode(text('§ ¶'), PRINTER_PROFILES['generic-58']);
    expect(hex(bytes)).toContain('f5 20 f4 0a');
    for (const page of ['windows1252', 'cp858', 'cp850'] as const) {
      const all = [...Array(0x2500).keys()].map((c) => String.fromCodePoint(c + 0x20)).join('');
      const fitted = fitToCodePage(all, page).text.replaceAll('?', '');
      expect([...encodeText(fitted, page)].every((byte) => byte >= 0x20)).toBe(true);
    }
  });

  it('selects PC850 (ESC t 2) when asked, where € does not exist: "?" and a warning', () => {
    const { bytes, warnings } = encode(
      text('5 €'),
      withCodePage(PRINTER_PROFILES['generic-80'], 'cp850'),
    );
    expect(hex(bytes)).toContain('1b 74 02');
    expect(hex(bytes)).toContain('35 20 3f');
    expect(warnings).toEqual(['"€" (U+20AC) is not in cp850: printed as "?"']);
  });

  it('never prints garbage for a character no page has: a visible "?" and one warning', () => {
    const { bytes, warnings } = encode(text('Merci شكرا 🙂'));
    expect(Buffer.from(bytes).toString('latin1')).toContain('Merci ???? ?\n');
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toBe('"ش" (U+0634) is not in windows1252: printed as "?"');
  });

  it('keeps "?" itself without a warning', () => {
    expect(fitToCodePage('Ça va ?', 'cp858')).toEqual({ text: 'Ça va ?', missing: [] });
  });
});

describe('receipt encoder: layout', () => {
  it('fits "label … amount" to the paper width, keeping the amount whole', () => {
    expect(twoColumns('Recharge SFR 10 €', '5,00 €', 32)).toBe('Recharge SFR 10 €         5,00 €');
    expect(twoColumns('Recharge internet illimité 30 jours', '15,00 €', 32)).toBe(
      'Recharge internet illim. 15,00 €',
    );
    expect(twoColumns('A', 'B', 32)).toHaveLength(32);
  });

  it('bold, underline, inverse and double size are switched on and off again', () => {
    const { bytes } = encode({
      blocks: [
        {
          type: 'text',
          text: 'PIN',
          bold: true,
          underline: true,
          invert: true,
          width: 2,
          height: 2,
        },
      ],
    });
    const h = hex(bytes);
    expect(h).toContain('1b 45 01'); // ESC E 1 bold on
    expect(h).toContain('1b 2d 01'); // ESC - 1 underline on
    expect(h).toContain('1d 42 01'); // GS B 1 inverse on
    expect(h).toContain('1d 21 11'); // GS ! double width and height
    expect(h.indexOf('1b 45 00')).toBeGreaterThan(h.indexOf('50 49 4e')); // bold off after the text
  });
});

describe('receipt encoder: codes, cut and drawer', () => {
  it('encodes a QR code with GS ( k: model 2, module size, error level, data, print', () => {
    const { bytes } = encode({
      blocks: [{ type: 'qrcode', value: 'https://borne.example/r/123', size: 6, errorLevel: 'q' }],
    });
    const h = hex(bytes);
    expect(h).toContain('1d 28 6b 04 00 31 41 32 00'); // fn 165: model 2
    expect(h).toContain('1d 28 6b 03 00 31 43 06'); // fn 167: module size 6
    expect(h).toContain('1d 28 6b 03 00 31 45 32'); // fn 169: level Q
    const data = Buffer.from('https://borne.example/r/123');
    expect(h).toContain(
      `1d 28 6b ${hex([(data.length + 3) & 0xff, (data.length + 3) >> 8])} 31 50 30 ${hex(data)}`,
    );
    expect(h).toContain('1d 28 6b 03 00 31 51 30'); // fn 181: print
  });

  it('stores QR data as UTF-8, as phones read it and as the model counts its capacity (the encoder alone writes ISO-8859-1: € became "?")', () => {
    const h = hex(encode({ blocks: [{ type: 'qrcode', value: 'é€', align: 'right' }] }).bytes);
    expect(h).toContain('1b 61 02 1d 28 6b 04 00 31 41 32 00');
    expect(h).toContain('1d 28 6b 08 00 31 50 30 c3 a9 e2 82 ac 1d 28 6b 03 00 31 51 30 1b 61 00');
  });

  it('refuses QR data too long for its error level, naming the field', () => {
    const parsed = ReceiptDocument.safeParse({
      blocks: [{ type: 'qrcode', value: 'x'.repeat(1300), errorLevel: 'h' }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['blocks', 0, 'value'],
      message: 'QR data too long: 1300 bytes, at most 1273 at error level H',
    });
  });

  it.each(['A', 'AB12', 'RECHARGE-00042', 'VOUCHER-2026-0000042'])(
    'encodes CODE128 "%s" with GS k 73 and its length byte (escpos 2.5.2 drops it under 16 characters)',
    (value) => {
      const { bytes } = encode({ blocks: [{ type: 'barcode', symbology: 'code128', value }] });
      const payload = Buffer.from(`{B${value}`);
      expect(hex(bytes)).toContain(`1d 6b 49 ${hex([payload.length])} ${hex(payload)}`);
    },
  );

  it('encodes EAN-13 and refuses a wrong check digit', () => {
    const { bytes } = encode({
      blocks: [{ type: 'barcode', symbology: 'ean13', value: '3760123456784' }],
    });
    // GS k m=2 (EAN-13, NUL-terminated form), digits printed below (GS H 2).
    expect(hex(bytes)).toContain(`1d 48 02 1d 6b 02 ${hex(Buffer.from('3760123456784'))} 00`);
    const bad = ReceiptDocument.safeParse({
      blocks: [{ type: 'barcode', symbology: 'ean13', value: '3760123456785' }],
    });
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['blocks', 0, 'value'],
      message: 'EAN-13 check digit is wrong',
    });
  });

  it('cuts with GS V and pulses the drawer with the full ESC p m t1 t2 (escpos 2.5.2 sends 3 bytes)', () => {
    const { bytes } = encode({
      blocks: [{ type: 'cut' }, { type: 'drawer', pin: 0, onMs: 100, offMs: 500 }],
    });
    expect(hex(bytes)).toContain('1d 56 01');
    expect(hex(bytes)).toContain('1b 70 00 32 fa');
  });

  it('names the bad field of an invalid document', () => {
    const parsed = ReceiptDocument.safeParse({
      blocks: [{ type: 'text', text: 'x', width: 9 }, { type: 'lasers' }],
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'blocks.0.width',
      'blocks.1.type',
    ]);
  });
});
