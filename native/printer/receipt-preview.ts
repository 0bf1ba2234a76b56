/**
 * An interpreted job drawn as the printer draws it: 12×24-dot characters
 * (font A) magnified and styled, QR codes and barcodes generated from the
 * payload the printer received, raster images, feeds and cut marks. The
 * result is a 1-bit bitmap at the printer's resolution, saved as PNG.
 */
import { encode as encodePng } from 'fast-png';
import barcodes from 'jsbarcode/bin/barcodes/index.js';
import QRCode from 'qrcode';
import {
  type Align,
  type InterpretedJob,
  interpretEscPos,
  type PrintedElement,
  type TextRun,
} from './escpos-interpreter.js';
import { type BitmapFont, receiptFonts, type ReceiptFonts } from './psf-font.js';
import { ean13CheckDigit } from './receipt-model.js';

export interface Bitmap {
  width: number;
  height: number;
  /** One byte a dot: 1 = ink. */
  ink: Uint8Array;
}

export interface PreviewOptions {
  /** Printable width in dots: 576 for 80 mm paper, 384 for 58 mm. */
  paperDots: number;
  fonts?: ReceiptFonts;
}

const CELL_WIDTH = 12;
const CELL_HEIGHT = 24;
/** ESC 2: 1/6 inch at 180 dpi. */
const LINE_SPACING = 30;
const CUT_MARGIN = 12;

/** A roll of paper that grows as it is printed on. */
class Paper {
  private rows: Uint8Array[] = [];
  y = 0;

  constructor(readonly width: number) {}

  dot(x: number, y: number, ink = true): void {
    if (x < 0 || x >= this.width || y < 0) return;
    while (this.rows.length <= y) this.rows.push(new Uint8Array(this.width));
    (this.rows[y] as Uint8Array)[x] = ink ? 1 : 0;
  }

  fill(x: number, y: number, width: number, height: number): void {
    for (let row = y; row < y + height; row += 1) {
      for (let column = x; column < x + width; column += 1) this.dot(column, row);
    }
  }

  bitmap(): Bitmap {
    const height = Math.max(this.y, this.rows.length, 1);
    const ink = new Uint8Array(this.width * height);
    this.rows.forEach((row, y) => ink.set(row, y * this.width));
    return { width: this.width, height, ink };
  }
}

export function renderPreview(job: InterpretedJob, options: PreviewOptions): Bitmap {
  const fonts = options.fonts ?? receiptFonts();
  const paper = new Paper(options.paperDots);
  for (const element of job.elements) drawElement(paper, element, fonts);
  return paper.bitmap();
}

function drawElement(paper: Paper, element: PrintedElement, fonts: ReceiptFonts): void {
  switch (element.kind) {
    case 'line':
      drawLine(paper, element.runs, element.align, fonts);
      return;
    case 'qrcode':
      drawQr(paper, element);
      return;
    case 'barcode':
      drawBarcode(paper, element, fonts.regular);
      return;
    case 'image':
      drawImage(paper, element);
      return;
    case 'feed':
      paper.y += element.dots;
      return;
    case 'cut':
      paper.y += CUT_MARGIN;
      for (let x = 0; x < paper.width; x += 1) {
        if (element.mode === 'full' ? x % 12 < 8 : x % 24 < 8) paper.dot(x, paper.y);
      }
      paper.y += CUT_MARGIN;
      return;
    case 'drawer':
      return;
  }
}

interface Cell {
  codePoint: number;
  run: TextRun;
}

/** Prints a line, wrapping where the paper ends as the printer does. */
function drawLine(paper: Paper, runs: TextRun[], align: Align, fonts: ReceiptFonts): void {
  if (runs.length === 0) {
    paper.y += LINE_SPACING;
    return;
  }
  const rows: Cell[][] = [[]];
  let x = 0;
  for (const run of runs) {
    for (const char of run.text) {
      const width = CELL_WIDTH * run.width;
      if (x + width > paper.width && x > 0) {
        rows.push([]);
        x = 0;
      }
      rows.at(-1)?.push({ codePoint: char.codePointAt(0) as number, run });
      x += width;
    }
  }
  for (const row of rows) {
    const used = row.reduce((total, cell) => total + CELL_WIDTH * cell.run.width, 0);
    const tallest = Math.max(...row.map((cell) => CELL_HEIGHT * cell.run.height));
    let left = alignOffset(align, paper.width, used);
    const baseline = paper.y + tallest;
    for (const cell of row) {
      drawCell(paper, left, baseline, cell, cell.run.bold ? fonts.bold : fonts.regular);
      left += CELL_WIDTH * cell.run.width;
    }
    paper.y += Math.max(LINE_SPACING, tallest + 6);
  }
}

function drawCell(paper: Paper, left: number, bottom: number, cell: Cell, font: BitmapFont): void {
  const { width, height, underline, invert } = cell.run;
  const top = bottom - font.height * height;
  for (let y = 0; y < font.height * height; y += 1) {
    for (let x = 0; x < font.width * width; x += 1) {
      let ink = font.inked(cell.codePoint, Math.floor(x / width), Math.floor(y / height));
      if (underline && y >= font.height * height - 2) ink = true;
      if (invert) ink = !ink;
      if (ink) paper.dot(left + x, top + y);
    }
  }
}

function drawQr(paper: Paper, qr: Extract<PrintedElement, { kind: 'qrcode' }>): void {
  let modules: { size: number; data: Uint8Array };
  try {
    modules = QRCode.create([{ data: qr.bytes, mode: 'byte' }], {
      errorCorrectionLevel: qr.errorLevel.toUpperCase() as 'L' | 'M' | 'Q' | 'H',
    }).modules;
  } catch {
    // The printer prints nothing for data it cannot encode.
    return;
  }
  const scale = Math.max(1, qr.moduleSize);
  const left = alignOffset(qr.align, paper.width, modules.size * scale);
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.data[row * modules.size + column]) {
        paper.fill(left + column * scale, paper.y + row * scale, scale, scale);
      }
    }
  }
  paper.y += modules.size * scale;
}

type BarcodeElement = Extract<PrintedElement, { kind: 'barcode' }>;

const ENCODERS: Partial<Record<BarcodeElement['symbology'], string>> = {
  ean13: 'EAN13',
  ean8: 'EAN8',
  upca: 'UPC',
  upce: 'UPCE',
  code39: 'CODE39',
  itf: 'ITF',
  codabar: 'codabar',
  code93: 'CODE93',
};

/** The bar pattern ("1" = bar) and the human-readable line, or null if the printer would refuse the data. */
function barPattern(barcode: BarcodeElement): { bars: string; text: string } | null {
  let name = ENCODERS[barcode.symbology];
  if (barcode.symbology === 'code128') {
    const sets = new Set(barcode.codeSets);
    name = sets.size === 1 ? `CODE128${[...sets][0] ?? 'B'}` : 'CODE128';
  }
  const Encoder = name ? barcodes[name as keyof typeof barcodes] : undefined;
  if (!Encoder) return null;
  const encoder = new Encoder(barcode.data, {});
  if (!encoder.valid()) return null;
  const encoded = encoder.encode();
  const bars = (Array.isArray(encoded) ? encoded : [encoded]).map((part) => part.data).join('');
  // The printer adds the EAN-13 check digit to 12 digits, and prints it under the bars.
  const text =
    barcode.symbology === 'ean13' && barcode.data.length === 12
      ? `${barcode.data}${ean13CheckDigit(barcode.data)}`
      : barcode.data;
  return { bars, text };
}

function drawBarcode(paper: Paper, barcode: BarcodeElement, font: BitmapFont): void {
  const pattern = barPattern(barcode);
  if (!pattern) return;
  const module = Math.max(1, barcode.moduleWidth);
  const width = pattern.bars.length * module;
  const left = alignOffset(barcode.align, paper.width, width);
  const drawText = () => {
    const textLeft = alignOffset(barcode.align, paper.width, pattern.text.length * CELL_WIDTH);
    const run: TextRun = {
      text: pattern.text,
      bold: false,
      underline: false,
      invert: false,
      width: 1,
      height: 1,
    };
    [...pattern.text].forEach((char, index) =>
      drawCell(
        paper,
        textLeft + index * CELL_WIDTH,
        paper.y + CELL_HEIGHT,
        { codePoint: char.codePointAt(0) as number, run },
        font,
      ),
    );
    paper.y += CELL_HEIGHT + 4;
  };
  if (barcode.hri === 'above' || barcode.hri === 'both') drawText();
  [...pattern.bars].forEach((bar, index) => {
    if (bar === '1') paper.fill(left + index * module, paper.y, module, barcode.height);
  });
  paper.y += barcode.height + 4;
  if (barcode.hri === 'below' || barcode.hri === 'both') drawText();
}

function drawImage(paper: Paper, image: Extract<PrintedElement, { kind: 'image' }>): void {
  const rowBytes = Math.ceil(image.width / 8);
  const left = alignOffset(image.align, paper.width, image.width);
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      if ((image.bits[y * rowBytes + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) {
        paper.dot(left + x, paper.y + y);
      }
    }
  }
  paper.y += image.height;
}

function alignOffset(align: Align, paperWidth: number, used: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paperWidth - used) / 2));
  if (align === 'right') return Math.max(0, paperWidth - used);
  return 0;
}

/** The bitmap as a grey-scale PNG: black ink on white paper, a grey edge around it. */
export function bitmapToPng(bitmap: Bitmap, margin = 16): Uint8Array {
  const width = bitmap.width + margin * 2;
  const height = bitmap.height + margin * 2;
  const data = new Uint8Array(width * height).fill(0xd0);
  for (let y = 0; y < bitmap.height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      data[(y + margin) * width + x + margin] = bitmap.ink[y * bitmap.width + x] ? 0 : 0xff;
    }
  }
  return encodePng({ width, height, data, channels: 1, depth: 8 });
}

/** What a printer of this width would print for these bytes, as a PNG. */
export function previewPng(bytes: Uint8Array, paperDots: number): Uint8Array {
  return bitmapToPng(renderPreview(interpretEscPos(bytes), { paperDots }));
}
