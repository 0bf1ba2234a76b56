/**
 * Logos: any PNG a site sends (grey, 1-bit, palette, 16-bit, with alpha)
 * becomes the same black dots; the GS v 0 bytes follow the Epson reference;
 * bad files are refused with the block's name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { interpretEscPos } from '../../../native/printer/escpos-interpreter.js';
import { rasterCommands, rasterize } from '../../../native/printer/image-raster.js';
import { PRINTER_PROFILES } from '../../../native/printer/printer-profiles.js';
import { encodeReceipt } from '../../../native/printer/receipt-encoder.js';
import { decodePng, loadReceiptImages } from '../../../native/printer/receipt-images.js';
import { ReceiptDocument } from '../../../native/printer/receipt-model.js';

/** A 12×4 picture: the left half black, the right half white (or transparent). */
const W = 12;
const H = 4;
const isBlack = (x: number) => x < 6;

const variants = {
  'grey 8-bit': () =>
    encodePng({
      width: W,
      height: H,
      channels: 1,
      depth: 8,
      data: pixels(1, (x) => [isBlack(x) ? 0 : 255]),
    }),
  'grey 1-bit': () => {
    // Rows start on a byte: 12 dots = 2 bytes, bit set = white.
    const data = new Uint8Array(H * 2);
    for (let y = 0; y < H; y += 1) data.set([0b00000011, 0b11110000], y * 2);
    return encodePng({ width: W, height: H, channels: 1, depth: 1, data });
  },
  'grey + alpha': () =>
    encodePng({
      width: W,
      height: H,
      channels: 2,
      depth: 8,
      data: pixels(2, (x) => (isBlack(x) ? [0, 255] : [0, 0])),
    }),
  'RGB 16-bit': () =>
    encodePng({
      width: W,
      height: H,
      channels: 3,
      depth: 16,
      data: pixels(3, (x) => (isBlack(x) ? [0, 0, 0] : [65535, 65535, 65535]), true),
    }),
  'RGBA transparent background': () =>
    encodePng({
      width: W,
      height: H,
      channels: 4,
      depth: 8,
      data: pixels(4, (x) => (isBlack(x) ? [10, 20, 30, 255] : [0, 0, 0, 0])),
    }),
  palette: () =>
    encodePng({
      width: W,
      height: H,
      channels: 1,
      depth: 8,
      palette: [
        [0, 0, 0],
        [255, 255, 255],
      ],
      data: pixels(1, (x) => [isBlack(x) ? 0 : 1]),
    }),
};

function pixels(
  channels: number,
  value: (x: number) => number[],
  wide = false,
): Uint8Array | Uint16Array {
  const data = wide ? new Uint16Array(W * H * channels) : new Uint8Array(W * H * channels);
  for (let y = 0; y < H; y += 1)
    for (let x = 0; x < W; x += 1) data.set(value(x), (y * W + x) * channels);
  return data;
}

describe('receipt images', () => {
  it.each(Object.keys(variants))('turns a %s PNG into the same dots', (name) => {
    const image = decodePng(variants[name as keyof typeof variants]());
    const raster = rasterize(image, W, 'threshold');
    expect(raster).toMatchObject({ width: 16, height: H });
    // 6 black dots then white, padded to 16 dots: 1111 1100 0000 0000.
    expect([...raster.bits]).toEqual(new Array(H).fill([0xfc, 0x00]).flat());
  });

  it('writes GS v 0 m xL xH yL yH in bands of at most 256 rows', () => {
    const tall = { width: 16, height: 300, data: new Uint8ClampedArray(16 * 300 * 4).fill(0) };
    const commands = rasterCommands(rasterize(tall, 16, 'threshold'));
    expect(commands.slice(0, 8)).toEqual([0x1d, 0x76, 0x30, 0, 2, 0, 0, 1]);
    expect(commands.slice(8 + 2 * 256, 16 + 2 * 256)).toEqual([0x1d, 0x76, 0x30, 0, 2, 0, 44, 0]);
    expect(commands).toHaveLength(8 + 512 + 8 + 88);
  });

  it('dithers a mid-grey to about half the dots, and keeps white paper white', () => {
    const grey = { width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(128) };
    for (let alpha = 3; alpha < grey.data.length; alpha += 4) grey.data[alpha] = 255;
    for (const dither of ['atkinson', 'floydsteinberg'] as const) {
      const { bits } = rasterize(grey, 64, dither);
      const inked = [...bits].reduce(
        (total, byte) => total + byte.toString(2).replaceAll('0', '').length,
        0,
      );
      expect(inked / (64 * 64)).toBeGreaterThan(0.4);
      expect(inked / (64 * 64)).toBeLessThan(0.6);
    }
    const white = { width: 64, height: 8, data: new Uint8ClampedArray(64 * 8 * 4).fill(255) };
    expect(rasterize(white, 48, 'atkinson').bits.every((byte) => byte === 0)).toBe(true);
  });

  it('scales a logo to the block width, never wider than the paper, and the interpreter reads the same dots back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-logo-'));
    writeFileSync(join(dir, 'logo.png'), variants['RGBA transparent background']());
    const document = ReceiptDocument.parse({
      blocks: [
        { type: 'image', src: 'logo.png', width: 24, align: 'right' },
        { type: 'image', src: 'logo.png', width: 576 },
      ],
    });
    const loaded = loadReceiptImages(document, dir);
    if (!loaded.ok) throw new Error(loaded.error);
    const profile = PRINTER_PROFILES['generic-58'];
    const images = interpretEscPos(
      encodeReceipt(document, profile, loaded.images).bytes,
    ).elements.filter((element) => element.kind === 'image');
    expect(images.map(({ width, height, align }) => ({ width, height, align }))).toEqual([
      { width: 24, height: 8, align: 'right' },
      { width: 384, height: 128, align: 'center' },
    ]);
    const small = rasterize(decodePng(variants['RGBA transparent background']()), 24, 'atkinson');
    expect([...(images[0]?.bits ?? [])]).toEqual([...small.bits]);
  });

  it('says which block names a missing or broken picture', () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-logo-'));
    writeFileSync(join(dir, 'broken.png'), 'not a png');
    const document = (src: string) =>
      ReceiptDocument.parse({
        blocks: [
          { type: 'text', text: 'x' },
          { type: 'image', src },
        ],
      });
    expect(loadReceiptImages(document('absent.png'), dir)).toEqual({
      ok: false,
      error: 'blocks.1.src: cannot read absent.png (ENOENT)',
    });
    const broken = loadReceiptImages(document('broken.png'), dir);
    expect(broken.ok === false && broken.error).toMatch(
      /^blocks\.1\.src: broken\.png is not a readable PNG/,
    );
  });
});

describe('logo cache', () => {
  it('decodes a logo once while its file is unchanged, and again when it changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-logo-'));
    const file = join(dir, 'logo.png');
    writeFileSync(file, variants['grey 8-bit']());
    const document = ReceiptDocument.parse({ blocks: [{ type: 'image', src: 'logo.png' }] });
    const first = loadReceiptImages(document, dir);
    const second = loadReceiptImages(document, dir);
    expect(first.ok && second.ok && first.images.get('logo.png')).toBe(
      second.ok && second.images.get('logo.png'),
    );
    writeFileSync(file, variants['RGB 16-bit']());
    const third = loadReceiptImages(document, dir);
    expect(third.ok && third.images.get('logo.png')).not.toBe(
      first.ok && first.images.get('logo.png'),
    );
  });
});
