/**
 * Receipt model → ESC/POS bytes. Encoding itself is done by
 * @point-of-sale/receipt-printer-encoder (see README: why not `escpos`),
 * behind this module so the rest of Borne never sees its API. The code page
 * is always chosen explicitly, and text is fitted to it first: known
 * substitutions (œ → oe on CP858, typographic quotes and dashes), then a
 * visible "?" and a warning for anything the page cannot print.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { CodePage, PrinterProfile } from './printer-profiles.js';
import { type Dither, rasterCommands, rasterize } from './image-raster.js';
import type { ReceiptImages, RgbaImage } from './receipt-images.js';
import type { ReceiptBlock, ReceiptDocument } from './receipt-model.js';

export interface EncodedReceipt {
  bytes: Uint8Array;
  /** Characters the printer cannot print, each said once. */
  warnings: string[];
}

/** Substitutions that keep the meaning, tried before giving up on a character. */
const FALLBACKS: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

const printable = new Map<string, boolean>();

function canPrint(char: string, codePage: CodePage): boolean {
  const key = `${codePage}:${char}`;
  let known = printable.get(key);
  if (known === undefined) {
    // The encoder writes "?" for what the page lacks (one per UTF-16 unit for an emoji).
    known = char === '?' || !CodepageEncoder.encode(char, codePage).includes(0x3f);
    printable.set(key, known);
  }
  return known;
}

/** The text as the code page can print it, and what could not be printed. */
export function fitToCodePage(
  text: string,
  codePage: CodePage,
): { text: string; missing: string[] } {
  let out = '';
  const missing: string[] = [];
  for (const char of text) {
    if (canPrint(char, codePage)) {
      out += char;
      continue;
    }
    const fallback = FALLBACKS[char];
    if (fallback !== undefined && [...fallback].every((c) => canPrint(c, codePage))) {
      out += fallback;
      continue;
    }
    out += '?';
    missing.push(char);
  }
  return { text: out, missing };
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
  const encoder = new ReceiptPrinterEncoder({
    columns: profile.columns,
    codepageMapping: 'epson',
    printerModel: profile.model,
    newline: '\n',
  });
  const missing = new Set<string>();
  const fit = (text: string) => {
    const fitted = fitToCodePage(text, profile.codePage);
    for (const char of fitted.missing) missing.add(char);
    return fitted.text;
  };

  encoder.initialize().codepage(profile.codePage);
  for (const block of document.blocks) addBlock(encoder, block, profile, fit, images);

  const warnings = [...missing].map(
    (char) =>
      `"${char}" (U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}) is not in ${profile.codePage}: printed as "?"`,
  );
  return { bytes: encoder.encode(), warnings };
}

function addBlock(
  encoder: ReceiptPrinterEncoder,
  block: ReceiptBlock,
  profile: PrinterProfile,
  fit: (text: string) => string,
  images: ReceiptImages,
): void {
  switch (block.type) {
    case 'text':
      encoder.align(block.align).bold(block.bold).underline(block.underline).invert(block.invert);
      encoder.size(block.width, block.height);
      for (const line of block.text.split('\n')) encoder.line(fit(line));
      encoder.size(1, 1).invert(false).underline(false).bold(false).align('left');
      return;
    case 'rule':
      encoder.rule({ style: block.style });
      return;
    case 'columns':
      encoder
        .bold(block.bold)
        .line(twoColumns(fit(block.left), fit(block.right), profile.columns))
        .bold(false);
      return;
    case 'barcode':
      encoder
        .align(block.align)
        .barcode(block.value, block.symbology, { height: block.height, text: true });
      encoder.align('left');
      return;
    case 'qrcode':
      // Our own GS ( k sequence: the encoder writes QR data as ISO-8859-1 (€ → "?"),
      // and the model counts capacity in UTF-8 bytes, which phones read.
      encoder.raw(qrCodeCommands(block));
      encoder.newline();
      return;
    case 'image': {
      const image = images.get(block.src);
      if (!image) throw new Error(`image ${block.src} was not loaded before encoding`);
      const width = Math.min(block.width ?? image.width, profile.dots);
      encoder.raw([
        0x1b,
        0x61,
        ALIGN_BYTE[block.align],
        ...imageCommands(image, width, block.dither),
        0x1b,
        0x61,
        0,
      ]);
      encoder.newline();
      return;
    }
    case 'feed':
      encoder.newline(block.lines);
      return;
    case 'cut':
      // Known models feed the paper past the cutter themselves; others need it said.
      if (!profile.model) encoder.newline(GENERIC_CUT_FEED_LINES);
      encoder.cut(block.mode);
      return;
    case 'drawer':
      encoder.pulse(block.pin, block.onMs, block.offMs);
      return;
  }
}

/**
 * "Recharge SFR 10 €" on the left, "5,00 €" on the right, dots between; a
 * label too long for the line is cut with "." so the amount always shows.
 */
export function twoColumns(left: string, right: string, columns: number): string {
  const room = columns - right.length - 1;
  const label = left.length > room ? `${left.slice(0, Math.max(0, room - 1))}.` : left;
  return `${label}${' '.repeat(Math.max(1, columns - label.length - right.length))}${right}`;
}

/** Lines between the print head and the cutter on a typical 80/58 mm printer. */
const GENERIC_CUT_FEED_LINES = 4;

const ALIGN_BYTE = { left: 0, center: 1, right: 2 } as const;

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
 * 167 (module size), 169 (error level), 180 (store data), 181 (print),
 * between ESC a (alignment) and back to the left.
 */
export function qrCodeCommands(block: Extract<ReceiptBlock, { type: 'qrcode' }>): number[] {
  const data = new TextEncoder().encode(block.value);
  const stored = data.length + 3;
  return [
    ...[0x1b, 0x61, ALIGN_BYTE[block.align]],
    ...[0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0],
    ...[0x1d, 0x28, 0x6b, 3, 0, 49, 67, block.size],
    ...[0x1d, 0x28, 0x6b, 3, 0, 49, 69, QR_LEVEL_BYTE[block.errorLevel]],
    ...[0x1d, 0x28, 0x6b, stored & 0xff, stored >> 8, 49, 80, 48, ...data],
    ...[0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48],
    ...[0x1b, 0x61, 0],
  ];
}
