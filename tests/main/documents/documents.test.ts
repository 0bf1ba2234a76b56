import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../main/documents/document-check.js';
import {
  DEFAULT_MAX_BYTES,
  pagesToPdf,
  type ScannedPage,
} from '../../../main/documents/scan-pdf.js';
import { SaneScanner } from '../../../native/scanner/sane-scanner.js';
import { PATTERN, saneTestEnv } from '../../support/sane-test-backend.js';

async function pdf(pages: number, prepare?: (document: PDFDocument) => void): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page += 1) {
    document.addPage().drawText(`Page ${page}`, { x: 50, y: 700, size: 20, font });
  }
  prepare?.(document);
  return document.save({ useObjectStreams: false });
}

/** A noisy photograph-like page: the hardest case for compression. */
const noise = (width: number, height: number) =>
  sharp(
    Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))),
    {
      raw: { width, height, channels: 3 },
    },
  )
    .png()
    .toBuffer();

describe('what a file really is', { timeout: 30_000 }, () => {
  it('reads a PDF and its pages, and an image', async () => {
    expect(await checkDocument(await pdf(3))).toEqual({
      ok: true,
      kind: 'pdf',
      type: 'application/pdf',
      pages: 3,
    });
    const png = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect(await checkDocument(png)).toEqual({
      ok: true,
      kind: 'image',
      type: 'image/png',
      pages: 1,
    });
  });

  it('refuses a file that claims to be a PDF and is not', async () => {
    expect(await checkDocument(Buffer.from('%PDF-1.7\nnot really a PDF at all'))).toEqual({
      ok: false,
      problem: 'damaged',
    });
    expect(await checkDocument(Buffer.from('MZ\x90\x00 a program'))).toEqual({
      ok: false,
      problem: 'not-a-document',
    });
  });

  it('refuses a 300-page PDF, and says how many pages it has', async () => {
    expect(await checkDocument(await pdf(300))).toEqual({
      ok: false,
      problem: 'too-many-pages',
      pages: 300,
    });
  });

  it('refuses an encrypted PDF', async () => {
    const encrypted = await pdf(1, (document) => {
      // The standard security handler's dictionary, as a password-protected PDF carries.
      document.context.trailerInfo.Encrypt = document.context.register(
        document.context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, P: -4 }),
      );
    });
    expect(await checkDocument(encrypted)).toEqual({ ok: false, problem: 'encrypted' });
  });

  it('refuses an image of 100 megapixels from its header, without decoding it', async () => {
    // A 10,000 × 10,000 PNG of one colour compresses to a few kilobytes.
    const huge = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    const started = performance.now();
    expect(await checkDocument(huge)).toEqual({ ok: false, problem: 'too-many-pixels' });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('scanned pages into one PDF', { timeout: 60_000 }, () => {
  it('makes a PDF of two scanned pages, A4-sized, under 2 MB', async () => {
    const scanner = new SaneScanner({ env: saneTestEnv() });
    const pages: ScannedPage[] = [];
    for (const rotation of [0, 90] as const) {
      const scan = await scanner.scan({ dpi: 150, mode: 'colour', options: PATTERN });
      if (!scan.ok) throw new Error(scan.detail);
      pages.push({ image: scan.image, dpi: scan.dpi, rotation });
    }
    const result = await pagesToPdf(pages, { mode: 'colour', maxBytes: DEFAULT_MAX_BYTES });
    if (!result.ok) throw new Error(result.problem);
    expect(result.bytes.length).toBeLessThanOrEqual(DEFAULT_MAX_BYTES);
    const document = await PDFDocument.load(result.bytes);
    expect(document.getPageCount()).toBe(2);
    // 200 mm of glass at 150 dpi is 200 mm of paper: 567 points.
    const [width, height] = [document.getPage(0).getWidth(), document.getPage(0).getHeight()];
    expect(Math.round(width)).toBeLessThanOrEqual(567);
    expect(Math.round(height)).toBeLessThanOrEqual(567);
    expect(await checkDocument(result.bytes)).toMatchObject({ ok: true, pages: 2 });
  });

  it(
    'compresses harder, then lowers the resolution, to fit the limit; refuses past it',
    { timeout: 60_000 },
    async () => {
      const page = { image: await noise(700, 990), dpi: 150, rotation: 0 as const };
      const fitted = await pagesToPdf([page, page], { mode: 'colour', maxBytes: 400 * 1024 });
      expect(fitted).toMatchObject({ ok: true, pages: 2 });
      if (fitted.ok) {
        expect(fitted.bytes.length).toBeLessThanOrEqual(400 * 1024);
        expect(fitted.quality < 80 || fitted.dpi < 150).toBe(true);
      }
      expect(await pagesToPdf([page], { mode: 'colour', maxBytes: 20 * 1024 })).toEqual({
        ok: false,
        problem: 'too-big',
      });
    },
  );

  it('turns a page as the visitor asked, and makes it grey', async () => {
    const tall = await sharp({
      create: { width: 300, height: 600, channels: 3, background: '#c83232' },
    })
      .png()
      .toBuffer();
    const result = await pagesToPdf([{ image: tall, dpi: 100, rotation: 90 }], {
      mode: 'grey',
      maxBytes: DEFAULT_MAX_BYTES,
    });
    if (!result.ok) throw new Error(result.problem);
    const page = (await PDFDocument.load(result.bytes)).getPage(0);
    // Turned a quarter: the page is now wider than tall.
    expect(page.getWidth()).toBeGreaterThan(page.getHeight());
  });
});
