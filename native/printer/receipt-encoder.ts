/**
 * Receipt model → ESC/POS bytes, with the code page always explicit.
 *
 * Who writes which bytes (see README, "Printing: who encodes"):
 * - characters: @point-of-sale/codepage-encoder, after fitting (code-page-fit);
 * - barcodes, cuts and drawer pulses: @point-of-sale/receipt-printer-encoder
 *   (model quirks such as the feed before the cutter), kept per block;
 * - text lines, rules, QR codes and pictures: this module, from the Epson
 *   reference. The encoder's line composer cost 35–75 µs a line (a voucher:
 *   1.3 ms); these commands are a few bytes each, and its QR data was
 *   ISO-8859-1 where phones read UTF-8.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { canPrint, encodeText, fitToCodePage } from './code-page-fit.js';
import { type Dither, rasterCommands, rasterize } from './image-raster.js';
import type { CodePage, PrinterProfile } from './printer-profiles.js';
import type { ReceiptImages, RgbaImage } from './receipt-images.js';
import type { ReceiptBlock, ReceiptDocument } from './receipt-model.js';

export interface EncodedReceipt {
  bytes: Uint8Array;
  /** Characters the printer cannot print, each said once. */
  warnings: string[];
}

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** ESC t n, Epson numbering. */
const CODE_PAGE_NUMBER: Record<CodePage | 'cp437', number> = {
  cp437: 0,
  cp850: 2,
  windows1252: 16,
  cp858: 19,
};
const ALIGN_BYTE = { left: 0, center: 1, right: 2 } as const;

/** A growing byte buffer: receipts are a few kilobytes, written once. */
class Bytes {
  private buffer = new Uint8Array(4096);
  length = 0;

  push(...bytes: number[]): void {
    this.add(bytes);
  }

  add(bytes: ArrayLike<number>): void {
    if (this.length + bytes.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * Encodes a validated document. Image blocks need their pictures, loaded
 * beforehand (`loadReceiptImages`): a missing one is a bug, and throws.
 */
export function encodeReceipt(
  document: ReceiptDocument,
  profile: PrinterProfile,
  images: ReceiptImages = new Map(),
): EncodedReceipt {
  const out = new Bytes();
  const missing = new Set<string>();
  const fit = (text: string) => {
    const fitted = fitToCodePage(text, profile.codePage);
    for (const char of fitted.missing) missing.add(char);
    return fitted.text;
  };
  const page = CODE_PAGE_NUMBER[profile.codePage];
  // ESC @ resets the printer; ESC t picks the page every character is written in.
  out.push(ESC, 0x40, ESC, 0x74, page);
  for (const block of document.blocks) addBlock(out, block, profile, fit, images);

  const warnings = [...missing].map(
    (char) =>
      `"${char}" (U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}) is not in ${profile.codePage}: printed as "?"`,
  );
  for (const block of document.blocks) {
    if (block.type === 'barcode' && barcodeModules(block) * 2 > profile.dots) {
      warnings.push(
        `barcode "${block.value}" needs ${barcodeModules(block) * 2} dots, the paper has ${profile.dots}: shorten it or use a QR code`,
      );
    }
  }
  return { bytes: out.result(), warnings };
}

function addBlock(
  out: Bytes,
  block: ReceiptBlock,
  profile: PrinterProfile,
  fit: (text: string) => string,
  images: ReceiptImages,
): void {
  switch (block.type) {
    case 'text': {
      const size = ((block.width - 1) << 4) | (block.height - 1);
      out.push(ESC, 0x61, ALIGN_BYTE[block.align], ESC, 0x45, block.bold ? 1 : 0);
      out.push(ESC, 0x2d, block.underline ? 1 : 0, GS, 0x42, block.invert ? 1 : 0, GS, 0x21, size);
      const perLine = Math.max(1, Math.floor(profile.columns / block.width));
      for (const paragraph of block.text.split('\n')) {
        for (const line of wrapText(fit(paragraph), perLine)) {
          out.add(encodeText(line, profile.codePage));
          out.push(LF);
        }
      }
      out.push(GS, 0x21, 0, GS, 0x42, 0, ESC, 0x2d, 0, ESC, 0x45, 0, ESC, 0x61, 0);
      return;
    }
    case 'columns':
      out.push(ESC, 0x45, block.bold ? 1 : 0);
      out.add(
        encodeText(
          twoColumns(fit(block.left), fit(block.right), profile.columns),
          profile.codePage,
        ),
      );
      out.push(LF, ESC, 0x45, 0);
      return;
    case 'rule':
      addRule(out, block.style === 'double' ? '═' : '─', profile);
      return;
    case 'qrcode':
      out.add(qrCodeCommands(block));
      out.push(LF);
      return;
    case 'image': {
      const image = images.get(block.src);
      if (!image) throw new Error(`image ${block.src} was not loaded before encoding`);
      const width = Math.min(block.width ?? image.width, profile.dots);
      out.push(ESC, 0x61, ALIGN_BYTE[block.align]);
      out.add(imageCommands(image, width, block.dither));
      out.push(ESC, 0x61, 0, LF);
      return;
    }
    case 'feed':
      for (let line = 0; line < block.lines; line += 1) out.push(LF);
      return;
    case 'barcode':
    case 'cut':
    case 'drawer':
      out.add(libraryCommands(block, profile));
      return;
  }
}

/** A full-width line of box-drawing characters, borrowing PC437 on pages that lack them. */
function addRule(out: Bytes, char: '─' | '═', profile: PrinterProfile): void {
  const own = canPrint(char, profile.codePage);
  if (!own) out.push(ESC, 0x74, CODE_PAGE_NUMBER.cp437);
  out.add(encodeText(char.repeat(profile.columns), own ? profile.codePage : 'cp437'));
  out.push(LF);
  if (!own) out.push(ESC, 0x74, CODE_PAGE_NUMBER[profile.codePage]);
}

/** Lines between the print head and the cutter on a typical 80/58 mm printer. */
const GENERIC_CUT_FEED_LINES = 4;

const libraryCache = new Map<string, Uint8Array>();
const LIBRARY_CACHE_SIZE = 256;

/** Barcodes, cuts and pulses through receipt-printer-encoder, each block's bytes kept. */
function libraryCommands(
  block: Extract<ReceiptBlock, { type: 'barcode' | 'cut' | 'drawer' }>,
  profile: PrinterProfile,
): Uint8Array {
  const key = `${profile.name}\u0000${JSON.stringify(block)}`;
  let bytes = libraryCache.get(key);
  if (bytes) return bytes;
  const encoder = new ReceiptPrinterEncoder({
    columns: profile.columns,
    printerModel: profile.model,
    newline: '\n',
  });
  if (block.type === 'barcode') {
    // As wide as the paper allows, 2 or 3 dots a module (GS w takes 2 to 6):
    // a barcode wider than the paper is not printed at all.
    const dots = Math.max(2, Math.min(3, Math.floor(profile.dots / barcodeModules(block))));
    encoder
      .align(block.align)
      // The encoder's width is GS w minus one.
      .barcode(block.value, block.symbology, { height: block.height, width: dots - 1, text: true });
  } else if (block.type === 'cut') {
    // Known models feed the paper past the cutter themselves; others need it said.
    if (!profile.model) encoder.newline(GENERIC_CUT_FEED_LINES);
    encoder.cut(block.mode);
  } else {
    encoder.pulse(block.pin, block.onMs, block.offMs);
  }
  bytes = encoder.encode();
  if (libraryCache.size >= LIBRARY_CACHE_SIZE) {
    libraryCache.delete(libraryCache.keys().next().value as string);
  }
  libraryCache.set(key, bytes);
  return bytes;
}

/** Narrow bars in a barcode: EAN-13 has 95; CODE128 at most 11 a character plus start, check and stop. */
function barcodeModules(block: Extract<ReceiptBlock, { type: 'barcode' }>): number {
  return block.symbology === 'ean13' ? 95 : 11 * block.value.length + 35;
}

/**
 * Word wrap at `perLine` characters, as the printer would otherwise cut
 * mid-word; a word longer than a line is cut where the line ends.
 */
export function wrapText(text: string, perLine: number): string[] {
  if (text.length <= perLine) return [text];
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > perLine) {
      if (line) lines.push(line);
      lines.push(word.slice(0, perLine));
      word = word.slice(perLine);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * "Recharge SFR 10 €" on the left, "5,00 €" on the right, spaces between; a
 * label too long for the line is cut with "." so the amount always shows.
 */
export function twoColumns(left: string, right: string, columns: number): string {
  const room = columns - right.length - 1;
  const label = left.length > room ? `${left.slice(0, Math.max(0, room - 1))}.` : left;
  return `${label}${' '.repeat(Math.max(1, columns - label.length - right.length))}${right}`;
}

/** The same logo is printed on every receipt: its raster is computed once per size and dither. */
const rasterCache = new WeakMap<RgbaImage, Map<string, number[]>>();

function imageCommands(image: RgbaImage, width: number, dither: Dither): number[] {
  let sizes = rasterCache.get(image);
  if (!sizes) {
    sizes = new Map();
    rasterCache.set(image, sizes);
  }
  const key = `${width}:${dither}`;
  let commands = sizes.get(key);
  if (!commands) {
    commands = rasterCommands(rasterize(image, width, dither));
    sizes.set(key, commands);
  }
  return commands;
}

const QR_LEVEL_BYTE = { l: 48, m: 49, q: 50, h: 51 } as const;

/**
 * QR code, model 2, per the Epson reference: GS ( k functions 165 (model),
 * 167 (module size), 169 (error level), 180 (store data, UTF-8), 181
 * (print), between ESC a (alignment) and back to the left.
 */
export function qrCodeCommands(block: Extract<ReceiptBlock, { type: 'qrcode' }>): number[] {
  const data = new TextEncoder().encode(block.value);
  const stored = data.length + 3;
  return [
    ...[ESC, 0x61, ALIGN_BYTE[block.align]],
    ...[GS, 0x28, 0x6b, 4, 0, 49, 65, 50, 0],
    ...[GS, 0x28, 0x6b, 3, 0, 49, 67, block.size],
    ...[GS, 0x28, 0x6b, 3, 0, 49, 69, QR_LEVEL_BYTE[block.errorLevel]],
    ...[GS, 0x28, 0x6b, stored & 0xff, stored >> 8, 49, 80, 48, ...data],
    ...[GS, 0x28, 0x6b, 3, 0, 49, 81, 48],
    ...[ESC, 0x61, 0],
  ];
}
