import { writeFileSync, readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CupsClient, parseStateCsv } from '../../../native/office-printer/cups-client.js';
import { type CupsPrinter, startCupsPrinter } from '../../support/cups-printer.js';

let printer: CupsPrinter;
let cups: CupsClient;
const folder = mkdtempSync(join(tmpdir(), 'borne-a4-'));

async function pdfOf(pages: number): Promise<string> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page += 1) {
    document
      .addPage([595.28, 841.89])
      .drawText(`Attestation, page ${page}`, { x: 60, y: 760, size: 24, font });
  }
  const file = join(folder, `document-${pages}.pdf`);
  writeFileSync(file, await document.save());
  return file;
}

const pagesOf = async (file: string) => (await PDFDocument.load(readFileSync(file))).getPageCount();

beforeAll(async () => {
  printer = await startCupsPrinter();
  cups = new CupsClient({ queue: printer.queue, server: printer.server });
}, 60_000);
afterAll(() => printer?.close());

describe('CUPS client (real cupsd and an IPP Everywhere printer)', { timeout: 120_000 }, () => {
  it('prints a PDF: the printer receives its pages, and CUPS keeps no copy', async () => {
    const result = await cups.submit(await pdfOf(2), 'Attestation de droits');
    expect(result).toMatchObject({ ok: true, jobId: expect.any(Number) });
    await expect.poll(() => printer.received().length, { timeout: 45_000 }).toBe(1);
    const [received] = printer.received();
    await expect.poll(async () => pagesOf(received as string), { timeout: 5000 }).toBe(2);
    await expect.poll(() => cups.pendingJobs(), { timeout: 45_000 }).toEqual([]);
    // PreserveJobFiles and PreserveJobHistory off: no d*/c* file left in the spool.
    await expect
      .poll(() => readdirSync(printer.spool).filter((name) => /^[dc]\d+/.test(name)), {
        timeout: 30_000,
      })
      .toEqual([]);
  });

  it('reads the printer state over IPP', async () => {
    await expect(cups.state()).resolves.toMatchObject({ accepting: true, problems: [] });
  });

  it('cancels and purges a job the printer could not take, spool file included', async () => {
    await printer.switchOff();
    const result = await cups.submit(await pdfOf(1), 'Avis');
    if (!result.ok) throw new Error(result.detail);
    expect(await cups.pendingJobs()).toContain(result.jobId);
    expect(readdirSync(printer.spool).some((name) => name.startsWith('d'))).toBe(true);
    await cups.purge([result.jobId]);
    expect(await cups.pendingJobs()).toEqual([]);
    expect(readdirSync(printer.spool).filter((name) => /^[dc]\d+/.test(name))).toEqual([]);
  });

  it('says when the scheduler cannot be reached', async () => {
    const nowhere = new CupsClient({ queue: 'borne-a4', server: '127.0.0.1:9' });
    await expect(nowhere.submit(await pdfOf(1), 'x')).resolves.toMatchObject({
      ok: false,
      reason: 'unreachable',
    });
    await expect(nowhere.state()).resolves.toMatchObject({
      state: 'unreachable',
      problems: ['offline'],
    });
  });
});

describe('printer state reasons', () => {
  it('turns IPP keywords into what staff act on, and ignores reports', () => {
    const csv = [
      'printer-state,printer-state-reasons,printer-is-accepting-jobs,marker-names,marker-levels',
      'stopped,"media-empty-error,toner-low-warning,cover-open,marker-supply-low-report",true,"Black toner,Drum","12,80"',
    ].join('\n');
    expect(parseStateCsv(csv)).toEqual({
      state: 'stopped',
      problems: ['paper-out', 'toner-low', 'door-open'],
      supplies: [
        { name: 'Black toner', level: 12 },
        { name: 'Drum', level: 80 },
      ],
      accepting: true,
    });
  });
});
