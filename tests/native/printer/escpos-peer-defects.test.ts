/**
 * Why Borne does not encode with `escpos` 2.5.2, the package the product
 * card names (DESIGN §9), measured here on the published package: the bytes
 * it produces, read by the same interpreter that checks our own receipts.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { interpretEscPos } from '../../../native/printer/escpos-interpreter.js';

const require = createRequire(import.meta.url);

interface EscposPrinter {
  text(value: string): EscposPrinter;
  qrcode(value: string): EscposPrinter;
  barcode(value: string, type: string): EscposPrinter;
  cashdraw(pin?: number): EscposPrinter;
  buffer: { flush(): Buffer };
}
interface Escpos {
  Printer: new (adapter: object) => EscposPrinter;
  USB: new () => unknown;
  Serial: new (path: string) => unknown;
}
const escpos = require('escpos') as Escpos;

/** The bytes escpos would write to its adapter. */
function bytesOf(build: (printer: EscposPrinter) => void): Buffer {
  const printer = new escpos.Printer({ write: () => undefined });
  build(printer);
  return printer.buffer.flush();
}
const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

describe('escpos 2.5.2 (published package) — golden bytes of its defects', () => {
  it('never selects a code page (no ESC t) and writes GB18030: € and é print as other characters', () => {
    const bytes = bytesOf((p) => p.text('5 € é'));
    expect(hex(bytes)).toBe('35 20 a2 e3 20 a8 a6 0a');
    expect(bytes.includes(Buffer.from([0x1b, 0x74]))).toBe(false);
    // A printer left on its power-on page (PC437) prints "5 óπ ¿ª".
    const [line] = interpretEscPos(bytes).elements;
    expect(line?.kind === 'line' && line.text).toBe('5 óπ ¿ª');
  });

  it('sends QR codes as GS Z / ESC Z, which Epson printers do not know: no QR is printed', () => {
    const bytes = bytesOf((p) => p.qrcode('https://www.caf.fr'));
    expect(hex(bytes.subarray(0, 5))).toBe('1d 5a 02 1b 5a');
    expect(bytes.includes(Buffer.from([0x1d, 0x28, 0x6b]))).toBe(false);
    const job = interpretEscPos(bytes);
    expect(job.elements.some((element) => element.kind === 'qrcode')).toBe(false);
    expect(job.notes).toContain('unknown command GS Z at 0');
  });

  it('drops the length byte of CODE128 (GS k 73 n): the printer reads "A" as a length of 65', () => {
    const bytes = bytesOf((p) => p.barcode('ABC', 'CODE128'));
    expect(hex(bytes.subarray(bytes.indexOf(0x6b) - 1))).toBe('1d 6b 49 41 42 43 00');
    const job = interpretEscPos(bytes);
    expect(job.elements.some((element) => element.kind === 'barcode')).toBe(false);
    expect(job.notes.some((note) => note.startsWith('GS k cut short'))).toBe(true);
  });

  it('sends a 3-byte drawer kick (ESC p 0) where ESC p m t1 t2 takes 5: the next bytes become its timings', () => {
    const bytes = bytesOf((p) => p.cashdraw(2));
    expect(hex(bytes)).toBe('1b 70 00');
    expect(interpretEscPos(Buffer.concat([bytes, Buffer.from('Merci\n')])).elements[0]).toEqual({
      kind: 'drawer',
      pin: 0,
      onMs: 0x4d * 2,
      offMs: 0x65 * 2,
    });
  });

  it('cannot open USB or serial printers with the usb and serialport versions its "*" ranges install today', () => {
    expect(() => new escpos.USB()).toThrow(/is not a function/);
    expect(() => new escpos.Serial('/dev/ttyS0')).toThrow('SerialPort is not a constructor');
  });
});
