/**
 * The interpreter reads back what the printer was sent. Golden inputs are
 * written by hand from the Epson ESC/POS reference; the round trip encodes
 * random receipt documents and checks that the interpreted job says the
 * same thing; random bytes never make it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  interpretEscPos,
  type PrintedElement,
} from '../../../native/printer/escpos-interpreter.js';
import {
  PRINTER_PROFILES,
  PROFILE_NAMES,
  type PrinterProfile,
} from '../../../native/printer/printer-profiles.js';
import { fitToCodePage } from '../../../native/printer/code-page-fit.js';
import { encodeReceipt, twoColumns } from '../../../native/printer/receipt-encoder.js';
import {
  type ReceiptBlock,
  ReceiptDocument,
  type ReceiptDocumentInput,
} from '../../../native/printer/receipt-model.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );
const lines = (elements: PrintedElement[]) =>
  elements.flatMap((element) =>
    element.kind === 'line' && element.text !== '' ? [element.text] : [],
  );

describe('ESC/POS interpreter: golden inputs from the Epson reference', () => {
  it('decodes text through the selected code page: ESC t 16 (WPC1252) then ESC t 19 (CP858)', () => {
    const job = interpretEscPos(
      bytes(
        [0x1b, 0x40, 0x1b, 0x74, 16],
        [0x80, 0x20, 0x9c, 0x0a],
        [0x1b, 0x74, 19],
        [0xd5, 0x20, 0x82, 0x0a],
      ),
    );
    expect(job.initialized).toBe(true);
    expect(job.codePages).toEqual(['windows1252', 'cp858']);
    expect(lines(job.elements)).toEqual(['€ œ', '€ é']);
  });

  it('reads styles: ESC E (bold), ESC - (underline), GS B (reverse), GS ! (size), ESC ! (print mode), ESC a (align)', () => {
    const job = interpretEscPos(
      bytes(
        [0x1b, 0x61, 1, 0x1b, 0x45, 1],
        'A',
        [0x1b, 0x45, 0, 0x1b, 0x2d, 1],
        'B',
        [0x1b, 0x2d, 0, 0x1d, 0x42, 1],
        'C',
        [0x1d, 0x42, 0, 0x1d, 0x21, 0x21],
        'D',
        [0x1d, 0x21, 0, 0x1b, 0x21, 0x38],
        'E',
        [0x0a],
      ),
    );
    const [line] = job.elements;
    expect(line).toMatchObject({ kind: 'line', align: 'center', text: 'ABCDE' });
    expect(
      line?.kind === 'line' && line.runs.map(({ text, ...style }) => ({ text, ...style })),
    ).toEqual([
      { text: 'A', bold: true, underline: false, invert: false, width: 1, height: 1 },
      { text: 'B', bold: false, underline: true, invert: false, width: 1, height: 1 },
      { text: 'C', bold: false, underline: false, invert: true, width: 1, height: 1 },
      { text: 'D', bold: false, underline: false, invert: false, width: 3, height: 2 },
      { text: 'E', bold: true, underline: false, invert: false, width: 2, height: 2 },
    ]);
  });

  it('reads a QR code: GS ( k functions 165 (model), 167 (size), 169 (level), 180 (store), 181 (print)', () => {
    const data = [...Buffer.from('https://exemple.fr/é', 'utf8')];
    const job = interpretEscPos(
      bytes(
        [0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0],
        [0x1d, 0x28, 0x6b, 3, 0, 49, 67, 8],
        [0x1d, 0x28, 0x6b, 3, 0, 49, 69, 51],
        [0x1d, 0x28, 0x6b, data.length + 3, 0, 49, 80, 48, ...data],
        [0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48],
      ),
    );
    expect(job.elements[0]).toMatchObject({
      kind: 'qrcode',
      data: 'https://exemple.fr/é',
      moduleSize: 8,
      errorLevel: 'h',
      model: 2,
    });
  });

  it('reads barcodes in both GS k forms: function A (NUL-terminated) and B (length byte), CODE128 code sets', () => {
    const job = interpretEscPos(
      bytes(
        [0x1d, 0x68, 80, 0x1d, 0x77, 2, 0x1d, 0x48, 2],
        [0x1d, 0x6b, 2],
        '400638133393',
        [0],
        [0x1d, 0x6b, 73, 10],
        '{BAB{C',
        [12, 34, 56, 78],
      ),
    );
    expect(job.elements).toEqual([
      {
        kind: 'barcode',
        align: 'left',
        symbology: 'ean13',
        data: '400638133393',
        height: 80,
        moduleWidth: 2,
        hri: 'below',
      },
      {
        kind: 'barcode',
        align: 'left',
        symbology: 'code128',
        data: 'AB12345678',
        codeSets: 'BBCCCCCCCC',
        height: 80,
        moduleWidth: 2,
        hri: 'below',
      },
    ]);
  });

  it('reads a GS v 0 raster image and an ESC * 24-dot column image to the same dots', () => {
    // A 16×24 image with a diagonal: raster is row by row, columns go top to bottom.
    const rowBytes = 2;
    const raster = new Array<number>(rowBytes * 24).fill(0);
    const columns = new Array<number>(16 * 3).fill(0);
    for (let i = 0; i < 16; i += 1) {
      raster[i * rowBytes + (i >> 3)] = 0x80 >> (i & 7);
      columns[i * 3 + (i >> 3)] = 0x80 >> (i & 7);
    }
    const job = interpretEscPos(
      bytes(
        [0x1d, 0x76, 0x30, 0, rowBytes, 0, 24, 0, ...raster],
        [0x1b, 0x2a, 33, 16, 0, ...columns],
      ),
    );
    const [a, b] = job.elements;
    expect(a).toMatchObject({ kind: 'image', width: 16, height: 24 });
    expect(b).toMatchObject({ kind: 'image', width: 16, height: 24 });
    expect(a?.kind === 'image' && [...a.bits]).toEqual(b?.kind === 'image' && [...b.bits]);
  });

  it('reads feeds, cuts (GS V 0/1/65/66, ESC i/m) and drawer pulses (ESC p, DLE DC4 1)', () => {
    const job = interpretEscPos(
      bytes(
        [0x1b, 0x64, 3, 0x1b, 0x4a, 40],
        [0x1d, 0x56, 0, 0x1d, 0x56, 49, 0x1d, 0x56, 66, 24, 0x1b, 0x69, 0x1b, 0x6d],
        [0x1b, 0x70, 1, 25, 250, 0x10, 0x14, 1, 0, 2],
      ),
    );
    expect(job.elements).toEqual([
      { kind: 'feed', dots: 90 },
      { kind: 'feed', dots: 40 },
      { kind: 'cut', mode: 'full' },
      { kind: 'cut', mode: 'partial' },
      { kind: 'feed', dots: 24 },
      { kind: 'cut', mode: 'full' },
      { kind: 'cut', mode: 'full' },
      { kind: 'cut', mode: 'partial' },
      { kind: 'drawer', pin: 1, onMs: 50, offMs: 500 },
      { kind: 'drawer', pin: 0, onMs: 200, offMs: 200 },
    ]);
  });

  it('notes unknown and cut-short commands instead of throwing, and keeps the text around them', () => {
    const job = interpretEscPos(
      bytes('avant', [0x1b, 0x01], 'apres', [0x0a, 0x1d, 0x76, 0x30, 0, 10, 0, 10, 0, 1, 2]),
    );
    expect(lines(job.elements)).toEqual(['avantapres']);
    expect(job.notes).toEqual(['unknown command ESC 0x01 at 5', 'GS v cut short at 13']);
  });

  it('reads bytes above 0x7F on the power-on page (PC437) when no ESC t was sent: "è" sent as Latin-1 prints "Φ"', () => {
    expect(lines(interpretEscPos(bytes('apr', [0xe8], 's\n')).elements)).toEqual(['aprΦs']);
  });

  it('skips real-time status queries (DLE EOT n) inside a job', () => {
    const job = interpretEscPos(bytes([0x10, 0x04, 1], 'ok', [0x10, 0x04, 4, 0x0a]));
    expect(lines(job.elements)).toEqual(['ok']);
    expect(job.notes).toEqual([]);
  });
});

describe('ESC/POS interpreter: never throws', () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (input) => {
        const job = interpretEscPos(input);
        expect(Array.isArray(job.elements)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('on random command-like sequences (prefix bytes and lengths made likely)', () => {
    const token = fc.oneof(
      fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10, 0x0a, 0x28, 0x6b, 0x76, 0x30, 0x00, 0xff),
      fc.integer({ min: 0, max: 255 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 400 }), (input) => {
        const job = interpretEscPos(Uint8Array.from(input));
        for (const element of job.elements)
          expect(element.kind).toMatch(/^(line|qrcode|barcode|image|feed|cut|drawer)$/);
      }),
      { numRuns: 3000 },
    );
  });
});

/** What the printer must show for each block: the words of the text, each code, each cut and pulse. */
type Expected =
  | {
      kind: 'words';
      /** The printed characters, spaces left out: long words wrap across lines. */
      words: string;
      bold: boolean;
      underline: boolean;
      invert: boolean;
      width: number;
      height: number;
    }
  | { kind: 'line'; text: string }
  | Extract<PrintedElement, { kind: 'cut' | 'drawer' }>
  | { kind: 'qrcode'; data: string; moduleSize: number; errorLevel: string }
  | { kind: 'barcode'; symbology: string; data: string; height: number };

function expected(block: ReceiptBlock, profile: PrinterProfile): Expected[] {
  const fit = (text: string) => fitToCodePage(text, profile.codePage).text;
  switch (block.type) {
    case 'text': {
      const { bold, underline, invert, width, height } = block;
      return [
        {
          kind: 'words',
          words: fit(block.text).replace(/\s+/g, ''),
          bold,
          underline,
          invert,
          width,
          height,
        },
      ];
    }
    case 'rule':
      return [
        { kind: 'line', text: (block.style === 'double' ? '═' : '─').repeat(profile.columns) },
      ];
    case 'columns':
      return [
        { kind: 'line', text: twoColumns(fit(block.left), fit(block.right), profile.columns) },
      ];
    case 'qrcode':
      return [
        { kind: 'qrcode', data: block.value, moduleSize: block.size, errorLevel: block.errorLevel },
      ];
    case 'barcode':
      return [
        { kind: 'barcode', symbology: block.symbology, data: block.value, height: block.height },
      ];
    case 'cut':
      return [{ kind: 'cut', mode: block.mode }];
    case 'drawer':
      return [{ kind: 'drawer', pin: block.pin, onMs: block.onMs, offMs: block.offMs }];
    case 'feed':
    case 'image':
      return [];
  }
}

/** The interpreted job in the same terms: styled words grouped per block style, blank lines left out. */
function observed(elements: PrintedElement[]): Expected[] {
  const out: Expected[] = [];
  for (const element of elements) {
    if (element.kind === 'line') {
      const styled = element.runs.filter((run) => run.text.trim() !== '');
      if (styled.length === 0) continue;
      const [first] = styled;
      const uniform = styled.every(
        (run) =>
          run.bold === first?.bold &&
          run.underline === first.underline &&
          run.invert === first.invert &&
          run.width === first.width &&
          run.height === first.height,
      );
      const plainRule = /^[─═]+$/.test(element.text) || /\S {2,}\S/.test(element.text);
      if (first && uniform && !plainRule) {
        const { bold, underline, invert, width, height } = first;
        const words = element.text.replace(/\s+/g, '');
        const last = out.at(-1);
        if (
          last?.kind === 'words' &&
          last.bold === bold &&
          last.underline === underline &&
          last.invert === invert &&
          last.width === width &&
          last.height === height
        ) {
          last.words += words;
        } else out.push({ kind: 'words', words, bold, underline, invert, width, height });
      } else out.push({ kind: 'line', text: element.text });
    } else if (element.kind === 'qrcode') {
      out.push({
        kind: 'qrcode',
        data: element.data,
        moduleSize: element.moduleSize,
        errorLevel: element.errorLevel,
      });
    } else if (element.kind === 'barcode') {
      out.push({
        kind: 'barcode',
        symbology: element.symbology,
        data: element.data,
        height: element.height,
      });
    } else if (element.kind === 'cut' || element.kind === 'drawer') {
      out.push(element);
    }
  }
  return out;
}

/** Merges consecutive text blocks of the same style, as printed lines cannot tell them apart. */
function mergeWords(items: Expected[]): Expected[] {
  const out: Expected[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (
      item.kind === 'words' &&
      last?.kind === 'words' &&
      last.bold === item.bold &&
      last.underline === item.underline &&
      last.invert === item.invert &&
      last.width === item.width &&
      last.height === item.height
    ) {
      last.words += item.words;
    } else if (item.kind !== 'words' || item.words.length > 0) out.push(structuredClone(item));
  }
  return out;
}

const word = fc.string({
  unit: fc.constantFrom(...'abcdefgéèàçùâêôœÉÀ€0123456789.,:'),
  minLength: 1,
  maxLength: 12,
});
const textBlock = fc.record({
  type: fc.constant('text' as const),
  text: fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' ')),
  bold: fc.boolean(),
  underline: fc.boolean(),
  invert: fc.boolean(),
  width: fc.integer({ min: 1, max: 3 }),
  height: fc.integer({ min: 1, max: 3 }),
  align: fc.constantFrom('left' as const, 'center' as const, 'right' as const),
});
const block = fc.oneof(
  textBlock,
  fc.record({
    type: fc.constant('rule' as const),
    style: fc.constantFrom('single' as const, 'double' as const),
  }),
  fc.record({
    type: fc.constant('columns' as const),
    left: word,
    right: fc.constantFrom('5,00 €', '12,50 €', '0,99 €'),
  }),
  fc.record({
    type: fc.constant('qrcode' as const),
    value: fc.string({ minLength: 1, maxLength: 80 }),
    size: fc.integer({ min: 1, max: 8 }),
    errorLevel: fc.constantFrom('l' as const, 'm' as const, 'q' as const, 'h' as const),
  }),
  fc.record({
    type: fc.constant('barcode' as const),
    symbology: fc.constant('code128' as const),
    value: fc
      .string({ unit: fc.constantFrom(...'ABCDEFXYZ0123456789-. '), minLength: 1, maxLength: 20 })
      .filter((v) => v.trim() === v && v !== ''),
    height: fc.integer({ min: 24, max: 120 }),
  }),
  fc.record({
    type: fc.constant('cut' as const),
    mode: fc.constantFrom('full' as const, 'partial' as const),
  }),
  fc.record({ type: fc.constant('feed' as const), lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    type: fc.constant('drawer' as const),
    pin: fc.constantFrom(0 as const, 1 as const),
    onMs: fc.constantFrom(50, 100, 200),
    offMs: fc.constantFrom(200, 500),
  }),
);

describe('round trip: receipt model → ESC/POS bytes → interpreted job', () => {
  it.each(PROFILE_NAMES)('says what the document says on %s', (name) => {
    const profile = PRINTER_PROFILES[name];
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 12 }), (blocks) => {
        const input: ReceiptDocumentInput = { blocks };
        const document = ReceiptDocument.parse(input);
        const job = interpretEscPos(encodeReceipt(document, profile).bytes);
        expect(job.notes).toEqual([]);
        expect(observed(job.elements)).toEqual(
          mergeWords(document.blocks.flatMap((b) => expected(b, profile))),
        );
      }),
      { numRuns: 150 },
    );
  });
});
