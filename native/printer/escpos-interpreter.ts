/**
 * ESC/POS bytes → what the printer would put on paper, as a structured job:
 * printed lines with their styles, QR payloads, barcodes, raster images,
 * feeds, cuts and drawer pulses. It reads what was *sent*, not what the app
 * meant, so tests and previews catch encoder mistakes. Total: any byte
 * string gives a job (unknown or truncated commands become notes), never an
 * exception. Command lengths follow the Epson ESC/POS reference.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { CodePage } from './printer-profiles.js';

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  bold: boolean;
  underline: boolean;
  invert: boolean;
  /** Character magnification, 1 to 8. */
  width: number;
  height: number;
}

export interface TextRun extends TextStyle {
  text: string;
}

export type BarcodeSymbology =
  'upca' | 'upce' | 'ean13' | 'ean8' | 'code39' | 'itf' | 'codabar' | 'code93' | 'code128';

export type PrintedElement =
  | { kind: 'line'; align: Align; text: string; runs: TextRun[] }
  | {
      kind: 'qrcode';
      align: Align;
      /** The stored bytes, read as UTF-8. */
      data: string;
      bytes: Uint8Array;
      moduleSize: number;
      errorLevel: 'l' | 'm' | 'q' | 'h';
      model: 1 | 2;
    }
  | {
      kind: 'barcode';
      align: Align;
      symbology: BarcodeSymbology;
      /** Human-readable content (CODE128 code-set switches resolved). */
      data: string;
      /** CODE128 only: the code set each character was sent in. */
      codeSets?: string;
      height: number;
      moduleWidth: number;
      hri: 'none' | 'above' | 'below' | 'both';
    }
  | {
      kind: 'image';
      align: Align;
      width: number;
      height: number;
      /** Row-major, ceil(width / 8) bytes a row, most significant bit first, 1 = black. */
      bits: Uint8Array;
    }
  | { kind: 'feed'; dots: number }
  | { kind: 'cut'; mode: 'full' | 'partial' }
  | { kind: 'drawer'; pin: 0 | 1; onMs: number; offMs: number };

export interface InterpretedJob {
  elements: PrintedElement[];
  /** Was ESC @ the first command? */
  initialized: boolean;
  /** Code pages selected along the job, in order. */
  codePages: string[];
  /** Commands this interpreter does not know or that were cut short. */
  notes: string[];
}

/** ESC t n → code page (Epson numbering), for the pages Borne's profiles use and the usual default. */
const CODE_PAGES: Record<number, CodePage | 'cp437'> = {
  0: 'cp437',
  2: 'cp850',
  16: 'windows1252',
  19: 'cp858',
};

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

/** Fixed-length commands: total length including the prefix, by second byte. */
const ESC_LENGTHS: Record<number, number> = {
  0x20: 3, // ESC SP n  right spacing
  0x21: 3, // ESC ! n   print mode
  0x24: 4, // ESC $     absolute position
  0x25: 3, // ESC %     user-defined characters on/off
  0x2d: 3, // ESC - n   underline
  0x32: 2, // ESC 2     default line spacing
  0x33: 3, // ESC 3 n   line spacing
  0x3d: 3, // ESC = n   peripheral device
  0x3f: 3, // ESC ? n   cancel user-defined character
  0x40: 2, // ESC @     initialize
  0x45: 3, // ESC E n   emphasized
  0x47: 3, // ESC G n   double-strike
  0x4a: 3, // ESC J n   feed n dots
  0x4c: 2, // ESC L     page mode
  0x4d: 3, // ESC M n   font
  0x52: 3, // ESC R n   international character set
  0x53: 2, // ESC S     standard mode
  0x54: 3, // ESC T n   page-mode direction
  0x56: 3, // ESC V n   rotate
  0x57: 10, // ESC W    page-mode area
  0x5c: 4, // ESC \     relative position
  0x61: 3, // ESC a n   justification
  0x64: 3, // ESC d n   feed n lines
  0x65: 3, // ESC e n   reverse feed
  0x69: 2, // ESC i     cut (legacy)
  0x6d: 2, // ESC m     partial cut (legacy)
  0x70: 5, // ESC p m t1 t2 drawer pulse
  0x72: 3, // ESC r n   colour
  0x74: 3, // ESC t n   code page
  0x75: 3, // ESC u n   peripheral status
  0x76: 2, // ESC v     paper sensor status
  0x7b: 3, // ESC { n   upside down
};

const GS_LENGTHS: Record<number, number> = {
  0x21: 3, // GS ! n    character size
  0x24: 4, // GS $      vertical position
  0x2f: 3, // GS / m    print downloaded image
  0x3a: 2, // GS :      macro
  0x42: 3, // GS B n    reverse
  0x48: 3, // GS H n    HRI position
  0x49: 3, // GS I n    printer ID
  0x4c: 4, // GS L      left margin
  0x50: 4, // GS P x y  motion units
  0x57: 4, // GS W      print area width
  0x5c: 4, // GS \      relative vertical position
  0x5e: 5, // GS ^      macro run
  0x61: 3, // GS a n    automatic status back
  0x62: 3, // GS b n    smoothing
  0x66: 3, // GS f n    HRI font
  0x68: 3, // GS h n    barcode height
  0x72: 3, // GS r n    status
  0x77: 3, // GS w n    barcode module width
};

const FS_LENGTHS: Record<number, number> = {
  0x21: 3, // FS ! n    kanji print mode
  0x26: 2, // FS &      kanji on
  0x2d: 3, // FS - n    kanji underline
  0x2e: 2, // FS .      kanji off
  0x43: 3, // FS C n    kanji code system
  0x53: 4, // FS S      kanji spacing
  0x57: 3, // FS W n    kanji quadruple size
  0x70: 4, // FS p n m  print NV image
};

const BARCODE_A: BarcodeSymbology[] = ['upca', 'upce', 'ean13', 'ean8', 'code39', 'itf', 'codabar'];
const BARCODE_B: Partial<Record<number, BarcodeSymbology>> = {
  65: 'upca',
  66: 'upce',
  67: 'ean13',
  68: 'ean8',
  69: 'code39',
  70: 'itf',
  71: 'codabar',
  72: 'code93',
  73: 'code128',
};
const HRI = ['none', 'above', 'below', 'both'] as const;
const QR_LEVELS = { 48: 'l', 49: 'm', 50: 'q', 51: 'h' } as const;

const decodeTables = new Map<string, number[]>();

function decodeTable(codePage: CodePage | 'cp437'): number[] {
  let table = decodeTables.get(codePage);
  if (!table) {
    table = CodepageEncoder.getCodepoints(codePage, true);
    decodeTables.set(codePage, table);
  }
  return table;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

const plain = (): TextStyle => ({
  bold: false,
  underline: false,
  invert: false,
  width: 1,
  height: 1,
});

export function interpretEscPos(input: Uint8Array): InterpretedJob {
  const bytes = input;
  const elements: PrintedElement[] = [];
  const codePages: string[] = [];
  const notes: string[] = [];
  let style = plain();
  let align: Align = 'left';
  let codePage: CodePage | 'cp437' = 'cp437';
  let runs: TextRun[] = [];
  let barcode = { height: 162, moduleWidth: 3, hri: 'none' as (typeof HRI)[number] };
  let qr = {
    model: 2 as 1 | 2,
    moduleSize: 3,
    errorLevel: 'l' as 'l' | 'm' | 'q' | 'h',
    stored: new Uint8Array(),
  };

  const addChar = (char: string) => {
    const last = runs.at(-1);
    if (last && sameStyle(last, style)) last.text += char;
    else runs.push({ ...style, text: char });
  };
  const printLine = () => {
    elements.push({ kind: 'line', align, text: runs.map((run) => run.text).join(''), runs });
    runs = [];
  };
  const flushLine = () => {
    if (runs.length > 0) printLine();
  };
  const at = (index: number) => bytes[index] ?? 0;
  const word = (index: number) => at(index) + at(index + 1) * 256;

  let i = 0;
  while (i < bytes.length) {
    const byte = at(i);
    const remaining = bytes.length - i;

    if (byte === LF) {
      printLine();
      i += 1;
      continue;
    }
    if (byte === 0x09) {
      const column = runs.reduce((total, run) => total + run.text.length, 0);
      addChar(' '.repeat(8 - (column % 8)));
      i += 1;
      continue;
    }
    if (byte >= 0x20 && byte !== 0x7f) {
      addChar(String.fromCodePoint(decodeTable(codePage)[byte] ?? 0x3f));
      i += 1;
      continue;
    }
    if (byte === 0x7f) {
      addChar(String.fromCodePoint(decodeTable(codePage)[byte] ?? 0x20));
      i += 1;
      continue;
    }
    if (byte !== ESC && byte !== GS && byte !== FS && byte !== DLE) {
      if (byte !== 0x0d) notes.push(`control byte 0x${hex(byte)} at ${i} ignored`);
      i += 1;
      continue;
    }
    if (remaining < 2) {
      notes.push(`command cut short at ${i}`);
      break;
    }
    const command = at(i + 1);
    /** A fixed-length command's length; an unknown one is noted and skipped. */
    const knownLength = (table: Record<number, number>): number | undefined => {
      const length = table[command];
      if (length === undefined) {
        notes.push(`unknown command ${name(byte, command)} at ${i}`);
        i += 2;
      }
      return length;
    };
    const truncated = (length: number) => {
      if (remaining >= length) return false;
      notes.push(`${name(byte, command)} cut short at ${i}`);
      i = bytes.length;
      return true;
    };

    if (byte === DLE) {
      // Real-time commands: answered by the printer at once, nothing printed.
      const length = command === 0x14 ? 5 : 3;
      if (truncated(length)) continue;
      if (command === 0x14 && at(i + 2) === 1) {
        elements.push({
          kind: 'drawer',
          pin: (at(i + 3) & 1) as 0 | 1,
          onMs: at(i + 4) * 100,
          offMs: at(i + 4) * 100,
        });
      }
      i += length;
      continue;
    }

    if (byte === ESC) {
      if (command === 0x2a) {
        // ESC * m nL nH d…: bit image, 8 or 24 dots high.
        if (truncated(5)) continue;
        const mode = at(i + 2);
        const columns = word(i + 3);
        const high = mode === 32 || mode === 33 ? 3 : 1;
        if (truncated(5 + columns * high)) continue;
        flushLine();
        elements.push(
          columnImage(bytes.subarray(i + 5, i + 5 + columns * high), columns, high * 8, align),
        );
        i += 5 + columns * high;
        continue;
      }
      if (command === 0x44) {
        // ESC D n1 … nk NUL: tab positions.
        const end = bytes.indexOf(0, i + 2);
        i = end === -1 ? bytes.length : end + 1;
        continue;
      }
      if (command === 0x26) {
        // ESC & y c1 c2 [x d1…d(y×x)]…: user-defined characters.
        if (truncated(5)) continue;
        const y = at(i + 2);
        let offset = i + 5;
        for (let c = at(i + 3); c <= at(i + 4) && offset < bytes.length; c += 1) {
          offset += 1 + y * at(offset);
        }
        if (offset > bytes.length) {
          notes.push(`ESC & cut short at ${i}`);
          break;
        }
        i = offset;
        continue;
      }
      if (command === 0x63) {
        // ESC c 3|4|5 n: panel and sensor settings.
        if (truncated(4)) continue;
        i += 4;
        continue;
      }
      const length = knownLength(ESC_LENGTHS);
      if (length === undefined || truncated(length)) continue;
      const n = at(i + 2);
      switch (command) {
        case 0x40:
          flushLine();
          style = plain();
          align = 'left';
          codePage = 'cp437';
          barcode = { height: 162, moduleWidth: 3, hri: 'none' };
          qr = { model: 2, moduleSize: 3, errorLevel: 'l', stored: new Uint8Array() };
          break;
        case 0x21:
          style = {
            ...style,
            bold: (n & 0x08) !== 0,
            underline: (n & 0x80) !== 0,
            height: n & 0x10 ? 2 : 1,
            width: n & 0x20 ? 2 : 1,
          };
          break;
        case 0x2d:
          style = { ...style, underline: n === 1 || n === 2 || n === 49 || n === 50 };
          break;
        case 0x45:
        case 0x47:
          style = { ...style, bold: (n & 1) === 1 };
          break;
        case 0x61:
          align = n === 1 || n === 49 ? 'center' : n === 2 || n === 50 ? 'right' : 'left';
          break;
        case 0x74: {
          const page = CODE_PAGES[n];
          if (!page) notes.push(`code page ESC t ${n} unknown here: read as cp437`);
          codePage = page ?? 'cp437';
          codePages.push(page ?? `ESC t ${n}`);
          break;
        }
        case 0x64:
          flushLine();
          elements.push({ kind: 'feed', dots: n * 30 });
          break;
        case 0x4a:
          flushLine();
          elements.push({ kind: 'feed', dots: n });
          break;
        case 0x69:
        case 0x6d:
          flushLine();
          elements.push({ kind: 'cut', mode: command === 0x69 ? 'full' : 'partial' });
          break;
        case 0x70:
          elements.push({
            kind: 'drawer',
            pin: (n & 1) as 0 | 1,
            onMs: at(i + 3) * 2,
            offMs: at(i + 4) * 2,
          });
          break;
      }
      i += length;
      continue;
    }

    if (byte === GS) {
      if (command === 0x28 || command === 0x38) {
        // GS ( X pL pH …  and  GS 8 L p1 p2 p3 p4 …: functions with a length.
        const header = command === 0x28 ? 5 : 7;
        if (truncated(header)) continue;
        const size = command === 0x28 ? word(i + 3) : word(i + 3) + word(i + 5) * 65536;
        if (truncated(header + size)) continue;
        if (command === 0x28 && at(i + 2) === 0x6b) {
          const body = bytes.subarray(i + 5, i + 5 + size);
          const symbol = body[0];
          const fn = body[1];
          if (symbol === 49) {
            if (fn === 65) qr.model = body[2] === 49 ? 1 : 2;
            else if (fn === 67) qr.moduleSize = body[2] ?? 3;
            else if (fn === 69) qr.errorLevel = QR_LEVELS[(body[2] ?? 48) as 48] ?? 'l';
            else if (fn === 80) qr.stored = body.slice(3);
            else if (fn === 81) {
              flushLine();
              elements.push({
                kind: 'qrcode',
                align,
                data: utf8.decode(qr.stored),
                bytes: qr.stored,
                moduleSize: qr.moduleSize,
                errorLevel: qr.errorLevel,
                model: qr.model,
              });
            }
          } else {
            notes.push(`2D symbol ${symbol ?? '?'} (GS ( k) not interpreted`);
          }
        }
        i += header + size;
        continue;
      }
      if (command === 0x6b) {
        if (truncated(3)) continue;
        const m = at(i + 2);
        let data: Uint8Array;
        let symbology: BarcodeSymbology | undefined;
        if (m <= 6) {
          const end = bytes.indexOf(0, i + 3);
          if (end === -1) {
            notes.push(`barcode without its NUL end at ${i}`);
            break;
          }
          data = bytes.subarray(i + 3, end);
          symbology = BARCODE_A[m];
          i = end + 1;
        } else {
          if (truncated(4)) continue;
          const length = at(i + 3);
          if (truncated(4 + length)) continue;
          data = bytes.subarray(i + 4, i + 4 + length);
          symbology = BARCODE_B[m];
          i += 4 + length;
        }
        if (!symbology) {
          notes.push(`barcode type ${m} unknown`);
          continue;
        }
        flushLine();
        const text = String.fromCharCode(...data);
        const decoded = symbology === 'code128' ? readCode128(data) : { data: text };
        elements.push({ kind: 'barcode', align, symbology, ...decoded, ...barcode });
        continue;
      }
      if (command === 0x76) {
        // GS v 0 m xL xH yL yH d…: raster image.
        if (truncated(8)) continue;
        const rowBytes = word(i + 4);
        const height = word(i + 6);
        if (truncated(8 + rowBytes * height)) continue;
        flushLine();
        elements.push({
          kind: 'image',
          align,
          width: rowBytes * 8,
          height,
          bits: bytes.slice(i + 8, i + 8 + rowBytes * height),
        });
        i += 8 + rowBytes * height;
        continue;
      }
      if (command === 0x2a) {
        // GS * x y d…: define downloaded image (x×y×8 bytes).
        if (truncated(4)) continue;
        const length = 4 + at(i + 2) * at(i + 3) * 8;
        if (truncated(length)) continue;
        i += length;
        continue;
      }
      if (command === 0x56) {
        // GS V m [n]: cut; functions B, C and D take a feed amount.
        if (truncated(3)) continue;
        const m = at(i + 2);
        const length = m === 0 || m === 1 || m === 48 || m === 49 ? 3 : 4;
        if (truncated(length)) continue;
        flushLine();
        if (length === 4 && at(i + 3) > 0) elements.push({ kind: 'feed', dots: at(i + 3) });
        elements.push({ kind: 'cut', mode: m % 2 === 0 ? 'full' : 'partial' });
        i += length;
        continue;
      }
      const length = knownLength(GS_LENGTHS);
      if (length === undefined || truncated(length)) continue;
      const n = at(i + 2);
      if (command === 0x21) {
        style = { ...style, width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 };
      } else if (command === 0x42) {
        style = { ...style, invert: (n & 1) === 1 };
      } else if (command === 0x68) {
        barcode = { ...barcode, height: n };
      } else if (command === 0x77) {
        barcode = { ...barcode, moduleWidth: n };
      } else if (command === 0x48) {
        barcode = { ...barcode, hri: HRI[n & 3] ?? 'none' };
      }
      i += length;
      continue;
    }

    // FS
    if (command === 0x28) {
      if (truncated(5)) continue;
      if (truncated(5 + word(i + 3))) continue;
      i += 5 + word(i + 3);
      continue;
    }
    const length = knownLength(FS_LENGTHS);
    if (length === undefined || truncated(length)) continue;
    i += length;
  }
  flushLine();
  return {
    elements,
    initialized: bytes[0] === ESC && bytes[1] === 0x40,
    codePages,
    notes,
  };
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return (
    a.bold === b.bold &&
    a.underline === b.underline &&
    a.invert === b.invert &&
    a.width === b.width &&
    a.height === b.height
  );
}

/** CODE128 as ESC/POS sends it: "{A", "{B", "{C" pick the code set, "{{" is a brace. */
function readCode128(data: Uint8Array): { data: string; codeSets: string } {
  let set = 'B';
  let text = '';
  let sets = '';
  for (let i = 0; i < data.length; i += 1) {
    const byte = data[i] as number;
    if (byte === 0x7b && i + 1 < data.length) {
      const next = String.fromCharCode(data[i + 1] as number);
      i += 1;
      if (next === 'A' || next === 'B' || next === 'C') set = next;
      else if (next === '{') {
        text += '{';
        sets += set;
      }
      // {S (shift) and {1 … {4 (FNC) print nothing readable.
      continue;
    }
    if (set === 'C') {
      text += String(byte).padStart(2, '0');
      sets += 'CC';
    } else {
      text += String.fromCharCode(byte);
      sets += set;
    }
  }
  return { data: text, codeSets: sets };
}

function columnImage(
  data: Uint8Array,
  columns: number,
  height: number,
  align: Align,
): PrintedElement {
  const rowBytes = Math.ceil(columns / 8);
  const bits = new Uint8Array(rowBytes * height);
  const bytesPerColumn = height / 8;
  for (let x = 0; x < columns; x += 1) {
    for (let y = 0; y < height; y += 1) {
      const byte = data[x * bytesPerColumn + (y >> 3)] ?? 0;
      if (byte & (0x80 >> (y & 7))) {
        const index = y * rowBytes + (x >> 3);
        bits[index] = (bits[index] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return { kind: 'image', align, width: columns, height, bits };
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function name(prefix: number, command: number): string {
  const prefixName = prefix === ESC ? 'ESC' : prefix === GS ? 'GS' : prefix === FS ? 'FS' : 'DLE';
  const printable =
    command >= 0x21 && command < 0x7f ? String.fromCharCode(command) : `0x${hex(command)}`;
  return `${prefixName} ${printable}`;
}
