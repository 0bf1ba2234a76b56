/**
 * "Mes documents" in Chromium, on real parts: SANE's test backend scans, a
 * real CUPS and a virtual IPP Everywhere printer print, and the visit's
 * folder is the one the reset deletes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { type CupsPrinter, startCupsPrinter } from '../support/cups-printer.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { PATTERN } from '../support/sane-test-backend.js';
import { saveScreen } from '../support/screenshots.js';

const kiosk = useKioskPages();
let printer: CupsPrinter;

beforeAll(async () => {
  printer = await startCupsPrinter();
}, 60_000);
afterAll(() => printer?.close());

const config = (extra: object = {}) => ({
  documents: {
    scanner: { options: PATTERN },
    officePrinter: { queue: printer.queue, server: printer.server },
    pagesPerVisit: 5,
  },
  ...extra,
});

async function openDocuments(language = 'Français', extra: object = {}) {
  const opened = await kiosk.open(config(extra));
  await opened.page.getByRole('button', { name: language }).tap();
  await opened.page.getByTestId('open-documents').tap();
  await opened.page.locator('[data-screen="documents"]').waitFor();
  return opened;
}

const pagesOf = async (file: string) => (await PDFDocument.load(readFileSync(file))).getPageCount();

describe('my documents', { timeout: 90_000 }, () => {
  it('scans two pages, turns one, saves one PDF, views it, prints it, and deletes it', async () => {
    const { page, errors } = await openDocuments();
    await expect(page.getByText('Vous n’avez pas encore de document.').isVisible()).resolves.toBe(
      true,
    );
    await page.getByRole('button', { name: 'Scanner un document' }).tap();
    await page.getByRole('button', { name: 'Scanner la page' }).tap();
    await page.getByAltText('Page 1').waitFor();
    await page.getByRole('button', { name: 'Scanner une autre page' }).tap();
    await page.getByAltText('Page 2').waitFor();
    // The previews are the pages as they will be sent, served to this page only.
    await expect
      .poll(() =>
        page.getByAltText('Page 2').evaluate((image: HTMLImageElement) => image.naturalWidth),
      )
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Tourner' }).nth(1).tap();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'documents-scan-fr');
    await page.getByRole('button', { name: 'Enregistrer' }).tap();
    await expect(page.getByTestId('documents-notice').textContent()).resolves.toBe(
      'C’est enregistré : \u2068justificatif-1.pdf\u2069 (pages : 2).',
    );
    const entry = page.locator('[data-document="justificatif-1.pdf"]');
    await expect(entry.textContent()).resolves.toContain('Pages : 2');
    await expect
      .poll(() =>
        entry
          .locator('img.document__thumbnail')
          .evaluate((image: HTMLImageElement) => image.naturalHeight),
      )
      .toBe(300);
    const folder = kiosk.state.host?.services.sessionFolder.path as string;
    expect(await pagesOf(join(folder, 'justificatif-1.pdf'))).toBe(2);
    await saveScreen(page, 'documents-list-fr');

    // Borne's own viewer, one page at a time.
    await entry.getByRole('button', { name: 'Voir' }).tap();
    const canvas = page.locator('[data-screen="viewer"] canvas');
    await expect
      .poll(() => canvas.getAttribute('data-rendered-page'), { timeout: 10_000 })
      .toBe('1');
    await expect(page.getByTestId('viewer-page').textContent()).resolves.toBe('Page 1 sur 2');
    await page.getByRole('button', { name: 'Page d’après' }).tap();
    await expect.poll(() => canvas.getAttribute('data-rendered-page')).toBe('2');
    await page.getByRole('button', { name: 'Plus grand' }).tap();
    await expect(page.locator('.viewer__page').getAttribute('data-zoom')).resolves.toBe('1.5');
    await saveScreen(page, 'documents-viewer-fr');

    const before = printer.received().length;
    // Before printing: the first page, the pages, and what the visit may still print.
    await page.getByRole('button', { name: 'Imprimer' }).tap();
    const dialog = page.getByTestId('print-dialog');
    await expect(dialog.getByTestId('print-explain').textContent()).resolves.toBe(
      'Pages : 2. Vous pouvez encore imprimer 5 pages.',
    );
    await expect
      .poll(() => dialog.locator('canvas').getAttribute('data-rendered-page'), { timeout: 10_000 })
      .toBe('1');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'documents-print-fr');
    await dialog.getByRole('button', { name: 'Oui, imprimer' }).tap();
    await expect(page.getByTestId('documents-notice').textContent()).resolves.toBe(
      'C’est imprimé (pages : 2). Prenez vos feuilles à l’imprimante. Vous pouvez encore imprimer 3 pages.',
    );
    await expect.poll(() => printer.received().length, { timeout: 30_000 }).toBe(before + 1);
    await expect
      .poll(() => pagesOf(printer.received().at(-1) as string), { timeout: 5000 })
      .toBe(2);
    // Two more pages are within the limit of five; a third print is not, and is not offered.
    await page.getByRole('button', { name: 'Imprimer' }).tap();
    await dialog.getByRole('button', { name: 'Oui, imprimer' }).tap();
    await page.getByText('Vous pouvez encore imprimer 1 pages.').waitFor();
    await page.getByRole('button', { name: 'Imprimer' }).tap();
    await expect(dialog.getByTestId('print-explain').textContent()).resolves.toBe(
      'C’est trop de pages. Vous pouvez encore imprimer 1 pages. Demandez à un bénévole.',
    );
    await expect(dialog.getByRole('button', { name: 'Oui, imprimer' }).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Non' }).tap();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Fermer' }).tap();
    await entry.getByRole('button', { name: 'Supprimer' }).tap();
    await entry.getByRole('button', { name: 'Non, garder' }).tap();
    await entry.getByRole('button', { name: 'Supprimer' }).tap();
    await entry.getByRole('button', { name: 'Oui, supprimer' }).tap();
    await page.getByText('Vous n’avez pas encore de document.').waitFor();
    expect(errors).toEqual([]);
  });

  it('says plainly what is wrong with a file, and what went wrong with the scanner', async () => {
    const { page } = await openDocuments('Français', {});
    const folder = kiosk.state.host?.services.sessionFolder.path as string;
    writeFileSync(join(folder, 'attestation.pdf'), '%PDF-1.7\nnot really a PDF');
    // The list follows the folder when it is asked again (another action, or reopening).
    await page.getByRole('button', { name: 'Retour' }).tap();
    await page.getByTestId('open-documents').tap();
    const entry = page.locator('[data-document="attestation.pdf"]');
    await expect(entry.textContent()).resolves.toContain(
      'Ce fichier est abîmé. La borne ne peut pas l’ouvrir.',
    );
    await expect(entry.getByRole('button', { name: 'Voir' }).count()).resolves.toBe(0);
    // The scanner's lid open, as SANE reports it.
    kiosk.state.host?.writeConfig(
      config({
        documents: { scanner: { options: ['--read-return-value', 'SANE_STATUS_COVER_OPEN'] } },
      }),
    );
    kiosk.state.host?.config.reload();
    await page.getByRole('button', { name: 'Scanner un document' }).tap();
    await page.getByRole('button', { name: 'Scanner la page' }).tap();
    await expect(page.getByTestId('scan-problem').textContent()).resolves.toBe(
      'Le capot du scanner est ouvert. Fermez-le, puis réessayez.',
    );
  });

  it('reads right to left in Arabic', async () => {
    const { page } = await openDocuments('العربية');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('button', { name: 'مسح وثيقة ضوئياً' }).tap();
    await page.getByRole('button', { name: 'امسح الصفحة' }).tap();
    await page.getByAltText('الصفحة 1').waitFor();
    await page.getByRole('button', { name: 'حفظ' }).tap();
    await page.locator('[data-document="justificatif-1.pdf"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'documents-list-ar');
    // A site gives a document: the kiosk says so in Arabic, and "Voir" opens it.
    const host = kiosk.state.host;
    if (!host) throw new Error('no host');
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const path = join(host.services.sessionFolder.path, 'attestation.pdf');
    writeFileSync(path, await pdf.save());
    host.services.documents.received(path);
    const received = page.getByTestId('received-dialog');
    await expect(received.getByRole('heading').textContent()).resolves.toBe('أعطاك الموقع وثيقة');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'documents-received-ar');
    await received.getByRole('button', { name: 'عرض' }).tap();
    await page.locator('[data-screen="viewer"] canvas[data-rendered-page="1"]').waitFor();
    await saveScreen(page, 'documents-viewer-ar');
  });
});
