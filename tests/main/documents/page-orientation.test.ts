import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectRotation, parseOsd } from '../../../main/documents/page-orientation.js';
import { preparePage } from '../../../main/documents/scan-pdf.js';
import { SaneScanner } from '../../../native/scanner/sane-scanner.js';
import { PATTERN, saneTestEnv } from '../../support/sane-test-backend.js';
import { textPage } from '../../support/text-page.js';

describe('reading Tesseract’s orientation answer', () => {
  it('takes the turn and its confidence', () => {
    const output = [
      'Page number: 0',
      'Orientation in degrees: 90',
      'Rotate: 270',
      'Orientation confidence: 14.72',
      'Script: Latin',
      'Script confidence: 13.81',
    ].join('\n');
    expect(parseOsd(output)).toEqual({ rotation: 270, confidence: 14.72 });
  });

  it('finds nothing in an answer without a turn, or with a turn that is not a quarter', () => {
    expect(parseOsd('Too few characters. Skipping this page\nError during processing.')).toBeNull();
    expect(parseOsd('Rotate: 45\nOrientation confidence: 3.1')).toBeNull();
    expect(parseOsd('')).toBeNull();
  });
});

describe(
  'a scanned page turned upright from its text (real Tesseract)',
  { timeout: 60_000 },
  () => {
    it.each([
      [0, 0],
      [90, 270],
      [180, 180],
      [270, 90],
    ] as const)('a letter lying at %i° is turned %i° clockwise', async (lying, turn) => {
      const scan = await textPage(lying);
      expect(await detectRotation(scan, { dpi: 150 })).toBe(turn);
      // The page as the visitor previews it: upright, as tall as an A4.
      const prepared = await (
        await preparePage({ image: scan, dpi: 150, rotation: turn }, 'grey')
      )
        .png()
        .toBuffer();
      const { width = 0, height = 0 } = await sharp(prepared).metadata();
      expect(height).toBeGreaterThan(width);
      expect(await detectRotation(prepared, { dpi: 150 })).toBe(0);
    });

    it('a page without text (SANE’s test pattern) stays as scanned', async () => {
      const result = await new SaneScanner({ env: saneTestEnv() }).scan({
        dpi: 150,
        mode: 'grey',
        options: PATTERN,
      });
      if (!result.ok) throw new Error(`scan failed: ${result.failure}`);
      expect(await detectRotation(result.image, { dpi: 150 })).toBe(0);
    });

    it('a doubtful answer is not followed', async () => {
      expect(await detectRotation(await textPage(90), { dpi: 150, minConfidence: 1000 })).toBe(0);
    });

    it('without Tesseract on the machine, pages stay as scanned', async () => {
      const scan = await textPage(180);
      expect(await detectRotation(scan, { command: '/nonexistent/tesseract' })).toBe(0);
    });
  },
);
