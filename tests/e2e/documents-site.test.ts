/**
 * The visit the issue describes, end to end in Chromium on real parts: a
 * fake procedure site asks for a proof of address; the visitor scans two
 * pages with SANE's test backend, checks the preview, and sends the PDF
 * through the site's file input with Borne's picker; downloads the site's
 * attestation, views it and prints it on a real CUPS (the virtual IPP
 * printer receives it); then ends the visit, and nothing remains on disk or
 * in CUPS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumVisitorBrowser } from '../../main/host/visitor-browser.js';
import { CupsClient } from '../../native/office-printer/cups-client.js';
import { axeViolations } from '../support/axe.js';
import { type CupsPrinter, startCupsPrinter } from '../support/cups-printer.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { PATTERN } from '../support/sane-test-backend.js';
import { siteEntry } from '../support/form-site.js';
import { saveScreen } from '../support/screenshots.js';
import { startUploadSite, type UploadSite } from '../support/upload-site.js';

const kiosk = useKioskPages();
let printer: CupsPrinter;
let site: UploadSite;

beforeAll(async () => {
  printer = await startCupsPrinter();
  site = await startUploadSite();
}, 60_000);
afterAll(async () => {
  await site?.close();
  await printer?.close();
});

const pagesOf = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

describe('documents at the kiosk, with a procedure site', { timeout: 120_000 }, () => {
  it('scans a proof of address, sends it to the site, views and prints the attestation, and leaves nothing', async () => {
    const { page, errors } = await kiosk.open({
      browsing: { sites: [siteEntry(site.origin)] },
      documents: {
        scanner: { options: PATTERN },
        officePrinter: { queue: printer.queue, server: printer.server },
      },
    });
    const host = kiosk.state.host;
    if (!host) throw new Error('no host');
    // The visitor's browsing, wired as the browser host wires it.
    const visitor = new ChromiumVisitorBrowser(kiosk.browser(), {
      policy: () => ({ appOrigin: host.url, sites: host.config.config.browsing.sites }),
      folder: host.services.sessionFolder,
      onFileChooser: (request) => host.services.documents.openPicker(request),
      onDownload: (path) => host.services.documents.received(path),
    });
    host.services.session.addWiper(visitor);
    await page.getByRole('button', { name: 'Français' }).tap();
    const sitePage: Page = await visitor.openSite(`${site.origin}/`);

    // The site asks for a file: Borne's picker opens on the kiosk's screen.
    await sitePage.click('#justificatif');
    const picker = page.getByTestId('document-picker');
    await picker.waitFor();
    await expect(picker.textContent()).resolves.toContain(
      'Vous n’avez pas encore de document. Scannez votre feuille d’abord.',
    );
    await picker.getByRole('button', { name: 'Scanner maintenant' }).tap();
    await picker.getByRole('button', { name: 'En noir et blanc' }).tap();
    await picker.getByRole('button', { name: 'Scanner la page' }).tap();
    await picker.getByAltText('Page 1').waitFor();
    await picker.getByRole('button', { name: 'Scanner une autre page' }).tap();
    await picker.getByAltText('Page 2').waitFor();
    await expect
      .poll(() =>
        picker.getByAltText('Page 2').evaluate((image: HTMLImageElement) => image.naturalWidth),
      )
      .toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'documents-picker-scan-fr');
    await picker.getByRole('button', { name: 'Enregistrer' }).tap();
    const chosen = picker.getByRole('button', { name: /justificatif-1\.pdf/ });
    await expect(chosen.getAttribute('aria-pressed')).resolves.toBe('true');
    await saveScreen(page, 'documents-picker-fr');
    await picker.getByRole('button', { name: 'Envoyer au site' }).tap();
    await picker.waitFor({ state: 'detached' });

    // The site's input holds the PDF; the site receives it.
    await expect
      .poll(() =>
        sitePage.evaluate("[...document.getElementById('justificatif').files].map((f) => f.name)"),
      )
      .toEqual(['justificatif-1.pdf']);
    await sitePage.click('#envoyer');
    await sitePage.locator('#recu').waitFor();
    expect(site.received).toHaveLength(1);
    const sent = site.received[0] as UploadSite['received'][number];
    expect(sent).toMatchObject({ name: 'justificatif-1.pdf', type: 'application/pdf' });
    expect(sent.bytes.length).toBeLessThan(2 * 1024 * 1024);
    expect(await pagesOf(sent.bytes)).toBe(2);

    // The site's attestation: downloaded into the visit's folder, seen in Borne's viewer, printed.
    await sitePage.click('#attestation');
    const folder = host.services.sessionFolder.path;
    await expect
      .poll(() => readdirSync(folder).sort())
      .toEqual(['attestation-depot.pdf', 'justificatif-1.pdf']);
    // The kiosk says at once that the site gave a document, and offers to see it.
    const received = page.getByTestId('received-dialog');
    await received.waitFor();
    await expect(received.textContent()).resolves.toContain('attestation-depot.pdf');
    await expect(received.textContent()).resolves.toContain('Le site vous a donné un document');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'documents-received-fr');
    await received.getByRole('button', { name: 'Voir' }).tap();
    const canvas = page.locator('[data-screen="viewer"] canvas');
    await expect
      .poll(() => canvas.getAttribute('data-rendered-page'), { timeout: 10_000 })
      .toBe('1');
    await saveScreen(page, 'documents-attestation-fr');
    const before = printer.received().length;
    await page.getByRole('button', { name: 'Imprimer' }).tap();
    await page.getByTestId('print-dialog').getByRole('button', { name: 'Oui, imprimer' }).tap();
    await page.getByText(/^C’est imprimé \(pages : 1\)/).waitFor();
    await expect.poll(() => printer.received().length, { timeout: 30_000 }).toBe(before + 1);
    const printed = readFileSync(printer.received().at(-1) as string);
    expect(await pagesOf(printed)).toBe(1);

    // Closing the viewer goes back to where the visitor was; the document stays in "Mes documents".
    await page.getByRole('button', { name: 'Fermer' }).tap();
    await page.getByTestId('open-documents').tap();
    await page.locator('[data-document="attestation-depot.pdf"]').waitFor();

    // The visit ends: nothing on disk, nothing in CUPS.
    host.services.session.dispatch({ type: 'end', by: 'visitor' });
    await host.services.session.settled;
    expect(readdirSync(host.services.sessionFolder.path)).toEqual([]);
    const cups = new CupsClient({ queue: printer.queue, server: printer.server });
    expect(await cups.pendingJobs()).toEqual([]);
    expect(readdirSync(printer.spool).filter((name) => /^[dc]\d+/.test(name))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
