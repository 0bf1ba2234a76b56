/**
 * Logos and other pictures on receipts: PNG files decoded to RGBA (any PNG
 * colour type and depth), ready for the encoder to scale to the paper,
 * flatten on white and dither to the printer's black dots.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { convertIndexedToRgb, decode, type DecodedPng } from 'fast-png';
import type { ReceiptDocument } from './receipt-model.js';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Images of a document by their `src`, as written in the document. */
export type ReceiptImages = ReadonlyMap<string, RgbaImage>;

export type LoadedImages = { ok: true; images: ReceiptImages } | { ok: false; error: string };

const MAX_SIDE = 4096;

export function decodePng(file: Uint8Array): RgbaImage {
  let png: DecodedPng;
  try {
    png = decode(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`not a readable PNG (${reason})`, { cause: error });
  }
  if (png.width > MAX_SIDE || png.height > MAX_SIDE) {
    throw new Error(`too large: ${png.width}×${png.height} px (at most ${MAX_SIDE} px a side)`);
  }
  return { width: png.width, height: png.height, data: toRgba(png) };
}

function toRgba(png: DecodedPng): Uint8ClampedArray {
  const pixels = png.width * png.height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  if (png.palette) {
    const rgb = convertIndexedToRgb(png);
    const channels = rgb.length / pixels;
    for (let p = 0; p < pixels; p += 1) {
      rgba[p * 4] = rgb[p * channels] ?? 0;
      rgba[p * 4 + 1] = rgb[p * channels + 1] ?? 0;
      rgba[p * 4 + 2] = rgb[p * channels + 2] ?? 0;
      rgba[p * 4 + 3] = channels === 4 ? (rgb[p * channels + 3] ?? 255) : 255;
    }
    return rgba;
  }
  const { channels, depth } = png;
  const max = 2 ** depth - 1;
  const rowSamples = png.width * channels;
  const rowBytes = Math.ceil((rowSamples * depth) / 8);
  const sample = (p: number, c: number): number => {
    const index = p * channels + c;
    if (depth >= 8) return Math.round(((png.data[index] ?? 0) * 255) / max);
    // Sub-byte samples are packed, each row starting on a byte.
    const row = Math.floor(index / rowSamples);
    const bit = (index % rowSamples) * depth;
    const byte = png.data[row * rowBytes + (bit >> 3)] ?? 0;
    return Math.round((((byte >> (8 - depth - (bit & 7))) & max) * 255) / max);
  };
  for (let p = 0; p < pixels; p += 1) {
    const grey = channels <= 2;
    const r = sample(p, 0);
    rgba[p * 4] = r;
    rgba[p * 4 + 1] = grey ? r : sample(p, 1);
    rgba[p * 4 + 2] = grey ? r : sample(p, 2);
    rgba[p * 4 + 3] = channels === 2 ? sample(p, 1) : channels === 4 ? sample(p, 3) : 255;
  }
  return rgba;
}

/**
 * Decoded pictures by file, kept while the file is unchanged: the same logo
 * is on every receipt, and keeping the same object also keeps the encoder's
 * raster of it (cached per image), so a sale pays neither decode nor dither.
 */
const decoded = new Map<string, { mtimeMs: number; size: number; image: RgbaImage }>();

/** Reads every image the document names, relative to `baseDir`; errors name the block. */
export function loadReceiptImages(document: ReceiptDocument, baseDir: string): LoadedImages {
  const images = new Map<string, RgbaImage>();
  for (const [index, block] of document.blocks.entries()) {
    if (block.type !== 'image' || images.has(block.src)) continue;
    const path = isAbsolute(block.src) ? block.src : resolve(baseDir, block.src);
    let file: { mtimeMs: number; size: number };
    try {
      file = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return { ok: false, error: `blocks.${index}.src: cannot read ${block.src} (${code})` };
    }
    const known = decoded.get(path);
    if (known && known.mtimeMs === file.mtimeMs && known.size === file.size) {
      images.set(block.src, known.image);
      continue;
    }
    try {
      const image = decodePng(readFileSync(path));
      decoded.set(path, { mtimeMs: file.mtimeMs, size: file.size, image });
      images.set(block.src, image);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        ok: false,
        error: code
          ? `blocks.${index}.src: cannot read ${block.src} (${code})`
          : `blocks.${index}.src: ${block.src} is ${(error as Error).message}`,
      };
    }
  }
  return { ok: true, images };
}
