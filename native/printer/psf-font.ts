/**
 * PC Screen Font 2 (the Linux console's bitmap fonts): enough to draw a
 * receipt the way a thermal printer does, one fixed cell per character.
 * Terminus 12×24 has the cell of ESC/POS font A, so previews keep the
 * printer's columns exactly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface BitmapFont {
  width: number;
  height: number;
  /** Whether the dot at (x, y) of the character's cell is inked; unknown characters draw a box. */
  inked(codePoint: number, x: number, y: number): boolean;
}

const PSF2_MAGIC = 0x864ab572;
const HAS_UNICODE_TABLE = 1;

export function parsePsf2(file: Uint8Array): BitmapFont {
  const data = file[0] === 0x1f && file[1] === 0x8b ? gunzipSync(file) : Buffer.from(file);
  if (data.length < 32 || data.readUInt32LE(0) !== PSF2_MAGIC) throw new Error('not a PSF2 font');
  const headerSize = data.readUInt32LE(8);
  const flags = data.readUInt32LE(12);
  const count = data.readUInt32LE(16);
  const glyphBytes = data.readUInt32LE(20);
  const height = data.readUInt32LE(24);
  const width = data.readUInt32LE(28);
  const rowBytes = Math.ceil(width / 8);
  const glyphs = data.subarray(headerSize, headerSize + count * glyphBytes);

  const glyphOf = new Map<number, number>();
  if (flags & HAS_UNICODE_TABLE) {
    // One entry per glyph: UTF-8 characters, 0xFE before sequences, 0xFF at the end.
    let offset = headerSize + count * glyphBytes;
    for (let glyph = 0; glyph < count && offset < data.length; glyph += 1) {
      const end = data.indexOf(0xff, offset);
      const entry = data.subarray(offset, end === -1 ? data.length : end);
      const singles = entry.subarray(0, entry.includes(0xfe) ? entry.indexOf(0xfe) : entry.length);
      for (const char of singles.toString('utf8')) {
        const codePoint = char.codePointAt(0) as number;
        if (!glyphOf.has(codePoint)) glyphOf.set(codePoint, glyph);
      }
      offset = end === -1 ? data.length : end + 1;
    }
  } else {
    for (let glyph = 0; glyph < count; glyph += 1) glyphOf.set(glyph, glyph);
  }

  return {
    width,
    height,
    inked(codePoint, x, y) {
      const glyph = glyphOf.get(codePoint);
      if (glyph === undefined) {
        // A hollow box, like a printer's own "no such character".
        return (
          (x === 1 || x === width - 2 || y === 4 || y === height - 5) && y >= 4 && y <= height - 5
        );
      }
      const byte = glyphs[glyph * glyphBytes + y * rowBytes + (x >> 3)] ?? 0;
      return (byte & (0x80 >> (x & 7))) !== 0;
    },
  };
}

export interface ReceiptFonts {
  regular: BitmapFont;
  bold: BitmapFont;
}

let cached: ReceiptFonts | undefined;

/** Terminus 12×24 regular and bold, shipped in ./fonts (SIL OFL 1.1). */
export function receiptFonts(): ReceiptFonts {
  cached ??= {
    regular: parsePsf2(readFileSync(fontFile('Uni2-Terminus24x12.psf.gz'))),
    bold: parsePsf2(readFileSync(fontFile('Uni2-TerminusBold24x12.psf.gz'))),
  };
  return cached;
}

/**
 * The font's path: next to this module in the sources; from a bundle
 * (dist/, dist/chunks/, packaged), under the project folder above it.
 */
function fontFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [
      join(dir, 'fonts', name),
      join(dir, 'native', 'printer', 'fonts', name),
    ]) {
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`receipt font ${name} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
