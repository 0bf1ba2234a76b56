/**
 * Escape vectors reproduced in real Chromium, in a visitor context of the
 * browser host (main/host/visitor-browser.ts). Test names start with the
 * catalogue id.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BlockedNavigation, ChromiumVisitorBrowser } from '../../main/host/visitor-browser.js';
import { SessionFolder } from '../../main/session/session-folder.js';
import { createDocumentsService, type DocumentsService } from '../../main/app/documents-service.js';
import { DocumentsSection } from '../../main/documents/documents-config.js';
import { launchChromium } from '../support/chromium.js';

let browser: Browser;
let allowed: Server;
let other: Server;
/** Stands for the kiosk UI's origin (the reset empties the clipboard from its /blank.html). */
let app: Server;
let allowedOrigin: string;
let otherOrigin: string;
let visitor: ChromiumVisitorBrowser;
let folder: SessionFolder;
let blocked: BlockedNavigation[] = [];
let page: Page;
let documents: DocumentsService;
/** A two-page PDF, as a site's attestation, and a one-page statement. */
let attestation: Uint8Array;
let statement: Uint8Array;

const START = () => `<!doctype html><html><head><title>démarche</title></head><body>
<a id="offsite" href="${otherOrigin}/">autre site</a>
<a id="blank" href="/target" target="_blank">nouvelle fenêtre</a>
<a id="dl" href="/file.txt" download>attestation</a>
<input id="file" type="file">
<iframe id="frame" src="/frame"></iframe>
</body></html>`;

async function listen(
  handler: (path: string) => [number, Record<string, string>, string | Uint8Array],
): Promise<Server> {
  const server = createServer((req, res) => {
    const [status, headers, body] = handler(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const html = { 'Content-Type': 'text/html; charset=utf-8' };
const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  browser = await launchChromium();
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.addPage();
  attestation = await pdf.save();
  const single = await PDFDocument.create();
  single.addPage();
  statement = await single.save();
  allowed = await listen((path) => {
    if (path === '/start') return [200, html, START()];
    if (path === '/pdfs')
      return [
        200,
        html,
        `<!doctype html><title>vos documents</title>
<a id="pdf" href="/telecharger?id=4">votre attestation</a>
<iframe src="/releve.pdf"></iframe><embed src="/releve.pdf" type="application/pdf">`,
      ];
    if (path === '/telecharger')
      return [
        200,
        {
          'Content-Type': 'application/pdf',
          'Content-Disposition': 'inline; filename="attestation-droits.pdf"',
        },
        attestation,
      ];
    if (path === '/releve.pdf') return [200, { 'Content-Type': 'application/pdf' }, statement];
    if (path === '/file.txt')
      return [200, { 'Content-Disposition': 'attachment; filename="attestation.txt"' }, 'x'];
    return [200, html, `<!doctype html><title>${path}</title><p>${path}</p>`];
  });
  other = await listen(() => [200, html, '<!doctype html><title>ailleurs</title>']);
  app = await listen(() => [200, html, '<!doctype html><title>Borne</title>']);
  allowedOrigin = origin(allowed);
  otherOrigin = origin(other);
  folder = new SessionFolder();
  documents = createDocumentsService({
    folder: () => folder.path,
    config: () => DocumentsSection.parse({}),
  });
  visitor = new ChromiumVisitorBrowser(browser, {
    policy: () => ({
      appOrigin: origin(app),
      sites: [
        {
          scheme: 'http',
          host: '127.0.0.1',
          pathPrefix: '/',
          port: Number(new URL(allowedOrigin).port),
        },
      ],
    }),
    folder,
    onBlocked: (entry) => blocked.push(entry),
    onFileChooser: (request) => documents.openPicker(request),
    onDownload: (path) => documents.received(path),
  });
});

beforeEach(async () => {
  await visitor.wipe();
  await documents.wipe();
  folder.wipe();
  blocked = [];
  page = await visitor.openSite(`${allowedOrigin}/start`);
});

afterAll(async () => {
  await visitor?.wipe();
  allowed?.close();
  other?.close();
  app?.close();
  await browser?.close();
  folder?.dispose();
});

/** Tries a navigation from the page; resolves once it has had time to happen. */
async function attempt(script: string): Promise<void> {
  await page.evaluate(script).catch(() => {});
  await page.waitForTimeout(300);
}

const pageCount = async () => (await visitor.context()).pages().length;

describe('escape vectors in Chromium (browser host visitor context)', () => {
  it.each([
    ['E02', 'data:text/html,<h1>Votre session a expiré</h1>'],
    ['E03', 'file:///etc/passwd'],
    ['E04', 'chrome://settings'],
  ])('[%s] the page cannot go to %s', async (_id, url) => {
    await attempt(`location.href = ${JSON.stringify(url)}`);
    expect(page.url()).toBe(`${allowedOrigin}/start`);
  });

  it('[E12] a link to a site not on the allowlist goes nowhere', async () => {
    await page.click('#offsite');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${allowedOrigin}/start`);
    expect(blocked).toContainEqual({ url: `${otherOrigin}/`, reason: 'not-allowed' });
  });

  it('[E16] an iframe cannot load another site', async () => {
    await attempt(`document.getElementById('frame').src = ${JSON.stringify(`${otherOrigin}/`)}`);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url().startsWith(otherOrigin)).toBe(false);
    expect(blocked).toContainEqual({ url: `${otherOrigin}/`, reason: 'not-allowed' });
  });

  it('[E17] window.open opens no window: an allowed page opens in place, another site nowhere', async () => {
    await attempt(`window.open(${JSON.stringify(`${otherOrigin}/`)})`);
    expect(await pageCount()).toBe(1);
    expect(page.url()).toBe(`${allowedOrigin}/start`);
    await attempt("window.open('/target')");
    expect(await pageCount()).toBe(1);
    expect(page.url()).toBe(`${allowedOrigin}/target`);
  });

  it('[E18] a target=_blank link opens in the same page', async () => {
    await page.click('#blank');
    await page.waitForURL(`${allowedOrigin}/target`);
    expect(await pageCount()).toBe(1);
  });

  it('[E20] a download lands in the visitor session folder and nowhere else', async () => {
    await page.click('#dl');
    await expect.poll(() => readdirSync(folder.path)).toEqual(['attestation.txt']);
  });

  it('[E47] a PDF (link, frame or embed) never opens Chromium’s PDF viewer: it becomes a document of the visit', async () => {
    await page.goto(`${allowedOrigin}/pdfs`);
    // The frame and the embed show the same PDF: one document, offered at once.
    await expect.poll(() => readdirSync(folder.path)).toEqual(['releve.pdf']);
    await expect.poll(async () => (await documents.view()).received?.name).toBe('releve.pdf');
    await page.click('#pdf');
    await expect
      .poll(() => readdirSync(folder.path).sort())
      .toEqual(['attestation-droits.pdf', 'releve.pdf']);
    const received = (await documents.view()).received;
    expect(received).toMatchObject({ name: 'attestation-droits.pdf', kind: 'pdf', pages: 2 });
    expect(readFileSync(join(folder.path, 'attestation-droits.pdf'))).toEqual(
      Buffer.from(attestation),
    );
    // The visitor is still on the site's page; no frame is Chromium's viewer.
    expect(page.url()).toBe(`${allowedOrigin}/pdfs`);
    expect(page.frames().map((frame) => frame.url())).not.toContainEqual(
      expect.stringMatching(/^chrome-extension:|\.pdf$/),
    );
  });

  it('[E21] <input type=file> opens Borne’s picker, which reaches the visit’s folder only', async () => {
    const files = () =>
      page.evaluate("[...document.getElementById('file').files].map((f) => f.name)");
    await page.click('#file');
    await expect.poll(async () => (await documents.view()).picker).toEqual({ multiple: false });
    // A path outside the visit's folder, or a file the kiosk cannot open, never reaches the site.
    writeFileSync(join(folder.path, 'faux.pdf'), '%PDF-1.7 rien');
    for (const name of ['../../etc/passwd', '/etc/passwd', 'faux.pdf']) {
      expect(await documents.handlers['documents.pick']({ names: [name] })).toEqual({ ok: false });
    }
    expect(await files()).toEqual([]);
    const pdf = await PDFDocument.create();
    pdf.addPage();
    writeFileSync(join(folder.path, 'justificatif-1.pdf'), await pdf.save());
    expect(await documents.handlers['documents.pick']({ names: ['justificatif-1.pdf'] })).toEqual({
      ok: true,
    });
    await expect.poll(files).toEqual(['justificatif-1.pdf']);
    expect((await documents.view()).picker).toBeNull();
    // Cancelled, the site's input stays empty.
    await page.click('#file');
    await expect.poll(async () => (await documents.view()).picker).not.toBeNull();
    await documents.handlers['documents.cancelPick']({});
    expect((await documents.view()).picker).toBeNull();
  });

  it('[E22] window.print() opens no print dialog', async () => {
    const requested = await page.evaluate(`new Promise((resolve) => {
      addEventListener('borne:print-requested', () => resolve(true), { once: true });
      window.print();
      setTimeout(() => resolve(false), 500);
    })`);
    expect(requested).toBe(true);
  });

  it('[E23] no context menu', async () => {
    const prevented = await page.evaluate(
      "(() => { const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true }); document.body.dispatchEvent(e); return e.defaultPrevented; })()",
    );
    expect(prevented).toBe(true);
  });

  it('[E24] a file dropped on the page is not opened', async () => {
    const prevented = await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'secret.txt', { type: 'text/plain' }));
      const e = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
      document.body.dispatchEvent(e);
      return e.defaultPrevented;
    })()`);
    expect(prevented).toBe(true);
  });

  it('[E25] camera and microphone are refused', async () => {
    const outcome = await page.evaluate(
      "navigator.mediaDevices ? navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(() => 'granted', (e) => e.name) : 'unavailable'",
    );
    expect(outcome).not.toBe('granted');
  });

  it('[E26] geolocation is refused', async () => {
    const code = await page.evaluate(
      'new Promise((resolve) => navigator.geolocation.getCurrentPosition(() => resolve(0), (e) => resolve(e.code), { timeout: 2000 }))',
    );
    expect(code).toBe(1); // PERMISSION_DENIED
  });

  it('[E27] notifications are refused', async () => {
    expect(await page.evaluate('Notification.requestPermission()')).toBe('denied');
  });

  it('[E28] the clipboard cannot be read', async () => {
    const outcome = await page.evaluate(
      "navigator.clipboard ? navigator.clipboard.readText().then(() => 'read', (e) => e.name) : 'unavailable'",
    );
    expect(outcome).not.toBe('read');
  });
});
