import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createDocumentsService,
  type DocumentsService,
} from '../../../main/app/documents-service.js';
import { DocumentsSection } from '../../../main/documents/documents-config.js';
import { detectSkew } from '../../../main/documents/page-skew.js';
import { CupsClient } from '../../../native/office-printer/cups-client.js';
import { type ScanResult, SaneScanner } from '../../../native/scanner/sane-scanner.js';
import { textPage } from '../../support/text-page.js';
import { type CupsPrinter, startCupsPrinter } from '../../support/cups-printer.js';
import { PATTERN, saneTestEnv } from '../../support/sane-test-backend.js';

let printer: CupsPrinter;
let folder: string;
let documents: DocumentsService;
let settings: DocumentsSection;

beforeAll(async () => {
  printer = await startCupsPrinter();
}, 60_000);
afterAll(() => printer?.close());

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'borne-visit-'));
  settings = DocumentsSection.parse({
    scanner: { options: PATTERN },
    officePrinter: { queue: printer.queue, server: printer.server },
    pagesPerVisit: 3,
  });
  documents = createDocumentsService({
    folder: () => folder,
    config: () => settings,
    scanner: new SaneScanner({ env: saneTestEnv() }),
  });
});

const pagesOf = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

describe('the visitor’s documents', { timeout: 150_000 }, () => {
  it('scans two pages, turns one, and keeps one PDF with a plain name', async () => {
    expect(await documents.scanPage('colour')).toEqual({ ok: true, pages: 1 });
    expect(await documents.scanPage('colour')).toEqual({ ok: true, pages: 2 });
    documents.rotatePage(1, 90);
    const preview = await documents.pagePreview(0);
    expect(preview?.subarray(1, 4).toString()).toBe('PNG');
    const finished = await documents.finishScan('grey');
    expect(finished).toMatchObject({
      ok: true,
      document: { name: 'justificatif-1.pdf', pages: 2 },
    });
    expect(readdirSync(folder)).toEqual(['justificatif-1.pdf']);
    expect(await pagesOf(readFileSync(join(folder, 'justificatif-1.pdf')))).toBe(2);
    expect(documents.draftPages()).toBe(0);
    await documents.scanPage('grey');
    await documents.finishScan('grey');
    expect((await documents.list()).map((entry) => entry.name)).toEqual([
      'justificatif-1.pdf',
      'justificatif-2.pdf',
    ]);
    // The first page, small, for the list and the picker (poppler's pdftoppm).
    const thumbnail = await documents.thumbnail('justificatif-1.pdf');
    expect(thumbnail?.subarray(1, 4).toString()).toBe('PNG');
    expect(await documents.thumbnail('../x.pdf')).toBeNull();
  });

  it('prints on the office printer within the visit’s page limit', async () => {
    await documents.scanPage('colour');
    await documents.scanPage('colour');
    await documents.finishScan('colour');
    expect(await documents.print('justificatif-1.pdf')).toEqual({
      ok: true,
      pages: 2,
      pagesLeft: 1,
    });
    await expect.poll(() => printer.received().length, { timeout: 45_000 }).toBeGreaterThan(0);
    const received = printer.received().at(-1) as string;
    await expect.poll(async () => pagesOf(readFileSync(received)), { timeout: 5000 }).toBe(2);
    const cups = new CupsClient({ queue: printer.queue, server: printer.server });
    await expect.poll(() => cups.pendingJobs(), { timeout: 45_000 }).toEqual([]);
    // Two more pages would pass the limit of three: refused, and nothing is sent.
    expect(await documents.print('justificatif-1.pdf')).toEqual({
      ok: false,
      problem: 'page-limit',
      pagesLeft: 1,
    });
  });

  it('refuses a download that is not what it claims, and lets the visitor delete it', async () => {
    writeFileSync(join(folder, 'attestation.pdf'), '%PDF-1.7\nnot a PDF');
    expect(await documents.list()).toEqual([
      { name: 'attestation.pdf', kind: null, pages: 0, bytes: 18, problem: 'damaged' },
    ]);
    expect(await documents.print('attestation.pdf')).toMatchObject({
      ok: false,
      problem: 'damaged',
    });
    expect(await documents.read('attestation.pdf')).toBeNull();
    expect(documents.remove('attestation.pdf')).toBe(true);
    expect(await documents.list()).toEqual([]);
  });

  it('offers what a site just gave until the visitor has seen it, and forgets it at the reset', async () => {
    let changes = 0;
    documents = createDocumentsService({
      folder: () => folder,
      config: () => settings,
      scanner: new SaneScanner({ env: saneTestEnv() }),
      onChange: () => (changes += 1),
    });
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.addPage();
    writeFileSync(join(folder, 'attestation.pdf'), await pdf.save());
    expect((await documents.view()).received).toBeNull();
    documents.received(join(folder, 'attestation.pdf'));
    expect(changes).toBe(1);
    expect((await documents.view()).received).toMatchObject({ name: 'attestation.pdf', pages: 2 });
    await documents.handlers['documents.seen']({});
    expect((await documents.view()).received).toBeNull();
    // A file of another folder (a download finishing after the last visit's reset) is not offered.
    documents.received('/tmp/ailleurs/attestation.pdf');
    documents.received(join(folder, 'absent.pdf'));
    expect((await documents.view()).received).toBeNull();
    documents.received(join(folder, 'attestation.pdf'));
    await documents.wipe();
    expect((await documents.view()).received).toBeNull();
    // Deleted before it was seen: nothing is offered any more.
    documents.received(join(folder, 'attestation.pdf'));
    documents.remove('attestation.pdf');
    expect((await documents.view()).received).toBeNull();
  });

  it('turns a letter scanned on its side upright and straight before the visitor sees it, and lets them turn it back', async () => {
    /** The glass holds a letter on its side and a little askew (SANE's test backend only has patterns). */
    class LetterOnItsSide extends SaneScanner {
      override async scan(): Promise<ScanResult> {
        return { ok: true, image: await textPage(90, 3), dpi: 150 };
      }
    }
    documents = createDocumentsService({
      folder: () => folder,
      config: () => settings,
      scanner: new LetterOnItsSide(),
    });
    expect(await documents.scanPage('grey')).toEqual({ ok: true, pages: 1 });
    expect((await documents.view()).draft).toEqual([{ rotation: 270 }]);
    const previewed = (await documents.pagePreview(0)) as Buffer;
    const preview = await sharp(previewed).metadata();
    expect(preview.height).toBeGreaterThan(preview.width ?? 0);
    expect(await detectSkew(previewed)).toBe(0);
    // Off in the configuration: the page stays as scanned.
    settings = DocumentsSection.parse({ scanner: { autoRotate: false } });
    await documents.scanPage('grey');
    expect((await documents.view()).draft).toEqual([{ rotation: 270 }, { rotation: 0 }]);
    documents.rotatePage(0, 0);
    expect((await documents.view()).draft[0]).toEqual({ rotation: 0 });
  });

  it('reaches nothing outside the visit’s folder', async () => {
    symlinkSync('/etc/passwd', join(folder, 'lien.pdf'));
    for (const name of ['../../etc/passwd', '/etc/passwd', 'lien.pdf', '.', '']) {
      expect(await documents.read(name)).toBeNull();
      expect(documents.remove(name)).toBe(false);
      expect(await documents.print(name)).toMatchObject({ ok: false, problem: 'not-found' });
    }
    expect(await documents.list()).toEqual([]);
  });

  it('says when no office printer is configured, and the scanner’s state', async () => {
    settings = DocumentsSection.parse({
      scanner: { options: ['--read-return-value', 'SANE_STATUS_COVER_OPEN'] },
    });
    expect(await documents.print('x.pdf')).toMatchObject({ ok: false, problem: 'no-printer' });
    expect(await documents.scanPage('colour')).toEqual({ ok: false, failure: 'cover-open' });
    expect(documents.draftPages()).toBe(0);
  });

  it('at the reset, cancels and purges a job the printer has not taken', async () => {
    const cups = new CupsClient({ queue: printer.queue, server: printer.server });
    await printer.switchOff();
    await documents.scanPage('grey');
    await documents.finishScan('grey');
    const printed = await documents.print('justificatif-1.pdf');
    expect(printed).toMatchObject({ ok: true });
    expect(await cups.pendingJobs()).toHaveLength(1);
    await documents.wipe();
    expect(await cups.pendingJobs()).toEqual([]);
    expect(readdirSync(printer.spool).filter((name) => /^[dc]\d+/.test(name))).toEqual([]);
    expect(documents.pagesLeft()).toBe(3);
  });
});
