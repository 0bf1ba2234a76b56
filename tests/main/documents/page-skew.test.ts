import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectSkew } from '../../../main/documents/page-skew.js';
import { preparePage } from '../../../main/documents/scan-pdf.js';
import { SaneScanner } from '../../../native/scanner/sane-scanner.js';
import { PATTERN, saneTestEnv } from '../../support/sane-test-backend.js';
import { textPage } from '../../support/text-page.js';

describe('a page laid askew on the glass is straightened', { timeout: 60_000 }, () => {
  it.each([-5, -2, 1, 3, 7])('a letter tilted %i° is found tilted by that much', async (tilt) => {
    const found = await detectSkew(await textPage(0, tilt));
    expect(Math.abs(found - tilt)).toBeLessThanOrEqual(0.2);
  });

  it('the page the visitor previews is straight, and stays the size of the paper', async () => {
    const scan = await textPage(0, 4);
    const skew = await detectSkew(scan);
    const prepared = await (
      await preparePage({ image: scan, dpi: 150, rotation: 0, skew }, 'grey')
    )
      .png()
      .toBuffer();
    expect(await detectSkew(prepared)).toBe(0);
    const { width = 0, height = 0 } = await sharp(prepared).metadata();
    expect(height).toBeGreaterThan(width);
  });

  it('a straight page, a page without text and a blank page are left alone', async () => {
    expect(await detectSkew(await textPage())).toBe(0);
    const pattern = await new SaneScanner({ env: saneTestEnv() }).scan({
      dpi: 150,
      mode: 'colour',
      options: PATTERN,
    });
    if (!pattern.ok) throw new Error(`scan failed: ${pattern.failure}`);
    expect(await detectSkew(pattern.image)).toBe(0);
    const blank = await sharp({
      create: { width: 1240, height: 1754, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect(await detectSkew(blank)).toBe(0);
  });

  it('a page turned further than a hand lays it (12°) is not half-turned', async () => {
    expect(await detectSkew(await textPage(0, 12))).toBe(0);
  });
});
