/**
 * Escape vectors of the guided procedures' site view: Electron's adapter
 * (main/electron/site-view.ts) driven through typed fakes of its views and
 * web contents, and the browser host's isolated-world probe in real
 * Chromium. Test names start with the catalogue id.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebContentsView } from 'electron';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteWatch } from '../../main/app/guide-service.js';
import type { FileChooserRequest } from '../../main/app/documents-service.js';
import { ElectronGuideSite } from '../../main/electron/site-view.js';
import { ChromiumGuideSite } from '../../main/host/chromium-guide-site.js';
import { ChromiumVisitorBrowser } from '../../main/host/visitor-browser.js';
import { PROBE_WORLD_ID } from '../../main/procedures/page-probe.js';
import type { PageObservation } from '../../main/procedures/step-matcher.js';
import { SessionFolder } from '../../main/session/session-folder.js';
import { kioskWindowOptions, siteViewPreferences } from '../../main/shell/kiosk-window-options.js';
import type { Rect } from '../../main/shell/split-layout.js';
import { FIELD_BINDING, FIELD_WORLD } from '../../main/shell/site-field-watch.js';
import { launchChromium } from '../support/chromium.js';
import { servicesOnTempConfig } from '../support/fake-services.js';

/** webContents.debugger: the DevTools protocol the keyboard's field watch speaks. */
class FakeDebugger extends EventEmitter {
  attached = false;
  commands: { method: string; params?: Record<string, unknown> }[] = [];
  attach() {
    this.attached = true;
  }
  sendCommand(method: string, params?: Record<string, unknown>) {
    this.commands.push({ method, ...(params ? { params } : {}) });
    return Promise.resolve({});
  }
  /** Chromium reports a file chooser it did not open (interception on). */
  openFileChooser(backendNodeId: number, mode: 'selectSingle' | 'selectMultiple') {
    this.emit('message', {}, 'Page.fileChooserOpened', { frameId: 'f', backendNodeId, mode });
  }
  /** What the isolated world's script reports when the focus moves. */
  report(facts: unknown, touch = 0) {
    this.emit('message', {}, 'Runtime.bindingCalled', {
      name: FIELD_BINDING,
      payload: JSON.stringify({ facts, touch }),
    });
  }
}

class FakeContents extends EventEmitter {
  loaded: string[] = [];
  worlds: number[] = [];
  mainWorldScripts = 0;
  typed: string[] = [];
  keys: string[] = [];
  zoom = 1;
  debugger = new FakeDebugger();
  closed = false;
  setZoomFactor(factor: number) {
    this.zoom = factor;
  }
  sendInputEvent(event: { type: string; keyCode: string }) {
    this.keys.push(`${event.type}:${event.keyCode}`);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  executeJavaScriptInIsolatedWorld(worldId: number) {
    this.worlds.push(worldId);
    return Promise.resolve({ url: 'https://www.caf.fr/x', title: 'Mon Compte', elements: [] });
  }
  executeJavaScript() {
    this.mainWorldScripts += 1;
    return Promise.resolve('type-it');
  }
  insertText(text: string) {
    this.typed.push(text);
    return Promise.resolve();
  }
  isDestroyed() {
    return this.closed;
  }
  close() {
    this.closed = true;
  }
}

class FakeView {
  webContents = new FakeContents();
  bounds: Rect | undefined;
  visible = true;
  setBounds(bounds: Rect) {
    this.bounds = bounds;
  }
  setVisible(visible: boolean) {
    this.visible = visible;
  }
}

function electronSite() {
  const fields: unknown[] = [];
  const choosers: FileChooserRequest[] = [];
  const views: FakeView[] = [];
  const shown = new Set<FakeView>();
  const kioskView = new FakeView();
  const site = new ElectronGuideSite({
    createView: () => {
      const view = new FakeView();
      views.push(view);
      return view as unknown as WebContentsView;
    },
    addView: (view) => shown.add(view as unknown as FakeView),
    removeView: (view) => shown.delete(view as unknown as FakeView),
    contentBounds: () => ({ x: 0, y: 0, width: 1280, height: 800 }),
    kioskView: kioskView as unknown as WebContentsView,
    onField: (report) => fields.push(report),
    onFileChooser: (request) => choosers.push(request),
  });
  return { site, views, shown, kioskView, fields, choosers };
}

const watch = (pages: PageObservation[], failures: string[] = []): SiteWatch => ({
  selectors: ['#code'],
  onPage: (page) => pages.push(page),
  onUnreachable: (reason) => failures.push(reason),
});

describe('escape vectors: the site view (Electron)', () => {
  it('[E45] gives the site no preload, and every lock the kiosk view has', () => {
    const preferences = siteViewPreferences({ partition: 'visitor-1' });
    expect('preload' in preferences).toBe(false);
    const kioskLocks: Record<string, unknown> = { ...kioskWindowOptions('/p.cjs').webPreferences };
    delete kioskLocks.preload;
    expect(preferences).toMatchObject(kioskLocks);
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
  });

  it('[E46] reads the site in an isolated world only, and says when a page fails', async () => {
    const { site, views } = electronSite();
    const pages: PageObservation[] = [];
    const failures: string[] = [];
    await site.open('https://www.caf.fr/', watch(pages, failures));
    const contents = views[0]?.webContents as FakeContents;
    contents.emit('did-navigate-in-page', {}, 'https://www.caf.fr/x', true);
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://evil.example/', true);
    contents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://www.caf.fr/', true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(contents.worlds.length).toBeGreaterThan(0);
    expect(new Set(contents.worlds)).toEqual(new Set([PROBE_WORLD_ID]));
    expect(PROBE_WORLD_ID).not.toBe(0);
    expect(contents.mainWorldScripts).toBe(0);
    expect(pages[0]).toEqual({ url: 'https://www.caf.fr/x', title: 'Mon Compte', elements: [] });
    // A navigation the lockdown refused (ERR_ABORTED) is not the site failing.
    expect(failures).toEqual(['ERR_NAME_NOT_RESOLVED']);
    await site.close();
  });

  it('[E47] keeps Chromium’s PDF viewer out of the site view', () => {
    expect(siteViewPreferences({}).plugins).toBe(false);
  });

  it('[E48] places the site beside the kiosk, hides it under a dialog, and closes it with the procedure or the reset', async () => {
    const { site, views, shown, kioskView } = electronSite();
    await site.open('https://www.caf.fr/', watch([]));
    await site.layout({ mode: 'split', direction: 'rtl' });
    const view = views[0] as FakeView;
    expect(kioskView.bounds).toEqual({ x: 840, y: 0, width: 440, height: 800 });
    expect(view.bounds).toEqual({ x: 0, y: 0, width: 840, height: 800 });
    await site.layout({ mode: 'full' });
    expect([view.visible, kioskView.bounds?.width]).toEqual([false, 1280]);
    // "Copier" of the ID card types into the site's field.
    await expect(site.fillFocusedField({ text: 'BERTHIER' })).resolves.toBe('copied');
    expect(view.webContents.typed).toEqual(['BERTHIER']);
    await site.wipe();
    expect([shown.size, view.webContents.closed, site.hasPage()]).toEqual([0, true, false]);
    await expect(site.fillFocusedField({ text: 'X' })).resolves.toBe('no-site');
  });

  it("[E21] in Electron, the site's file chooser never opens: Borne's picker fills the input", async () => {
    const { site, views, choosers } = electronSite();
    await site.open('https://www.caf.fr/', watch([]));
    const contents = (views[0] as FakeView).webContents;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(contents.debugger.commands).toContainEqual({
      method: 'Page.setInterceptFileChooserDialog',
      params: { enabled: true },
    });
    contents.debugger.openFileChooser(42, 'selectSingle');
    expect(choosers.map((request) => request.multiple)).toEqual([false]);
    await choosers[0]?.deliver(['/tmp/borne-visitor-x/current/justificatif-1.pdf']);
    expect(contents.debugger.commands.at(-1)).toEqual({
      method: 'DOM.setFileInputFiles',
      params: { files: ['/tmp/borne-visitor-x/current/justificatif-1.pdf'], backendNodeId: 42 },
    });
    // Cancelled: nothing is set, the input stays empty.
    contents.debugger.openFileChooser(43, 'selectMultiple');
    const before = contents.debugger.commands.length;
    await choosers[1]?.deliver([]);
    expect(choosers[1]?.multiple).toBe(true);
    expect(contents.debugger.commands.length).toBe(before);
  });

  it('[E49] opens the keyboard from a script in an isolated world the site cannot call, and types as a person would', async () => {
    const { site, views, fields } = electronSite();
    await site.open('https://www.caf.fr/', watch([]));
    const contents = (views[0] as FakeView).webContents;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const commands = contents.debugger.commands;
    expect(contents.debugger.attached).toBe(true);
    // The binding exists in the kiosk's isolated world only; the script runs there in every document.
    expect(commands.find((c) => c.method === 'Runtime.addBinding')?.params).toEqual({
      name: FIELD_BINDING,
      executionContextName: FIELD_WORLD,
    });
    expect(
      commands.find((c) => c.method === 'Page.addScriptToEvaluateOnNewDocument')?.params,
    ).toMatchObject({ worldName: FIELD_WORLD, runImmediately: true });
    contents.debugger.report({ tag: 'INPUT', type: 'text', inputMode: 'numeric' }, 1);
    contents.debugger.report({ tag: 'BUTTON' }, 1);
    expect(fields).toEqual([
      { field: { mode: 'digits', secret: false }, touch: 1 },
      { field: null, touch: 1 },
    ]);
    // Keys: text through insertText (the ID card's path), edits as key events.
    await site.typeText('75');
    await site.pressKey('Backspace');
    await site.pressKey('Enter');
    expect(contents.typed).toEqual(['75']);
    expect(contents.keys).toEqual([
      'keyDown:Backspace',
      'keyUp:Backspace',
      'keyDown:Return',
      'char:\r',
      'keyUp:Return',
    ]);
    // The site's zoom follows the visit's text size, also for the next page opened.
    await site.setZoom(1.5);
    expect(contents.zoom).toBe(1.5);
    await site.open('https://www.caf.fr/', watch([]));
    expect((views[1] as FakeView).webContents.zoom).toBe(1.5);
    await site.wipe();
    await site.open('https://www.caf.fr/', watch([]));
    expect((views[2] as FakeView).webContents.zoom).toBe(1);
    await site.close();
  });

  it('[E48] lets the visitor browse a procedure’s sites only while it is guided', async () => {
    const { services } = servicesOnTempConfig();
    try {
      const hosts = () => services.visitorSites().map((rule) => rule.host);
      expect(hosts()).not.toContain('accounts.google.com');
      await services.handlers['guide.start']({ procedureId: 'creer-adresse-email' });
      expect(hosts()).toContain('accounts.google.com');
      await services.handlers['guide.leave']({});
      expect(hosts()).not.toContain('accounts.google.com');
      await services.handlers['guide.start']({ procedureId: 'creer-adresse-email' });
      await services.guide.wipe();
      expect(hosts()).not.toContain('accounts.google.com');
    } finally {
      services.dispose();
    }
  });
});

describe('escape vectors: the guide’s probe (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  beforeAll(async () => {
    browser = await launchChromium();
    // A hostile page: it fakes the title and querySelector in its own world, and hides its form.
    server = createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html><head><title>Vraie page</title></head><body><form id="code"><input></form>
<div id="cache" style="display:none">caché</div>
<script>
Object.defineProperty(document, 'title', { get: () => 'Récapitulatif' });
document.querySelector = () => document.body;
Document.prototype.querySelector = () => document.body;
</script></body></html>`),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('[E46] sees the real page, whatever the page’s own scripts pretend', async () => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const folder = new SessionFolder();
    const visitor = new ChromiumVisitorBrowser(browser, {
      policy: () => ({
        appOrigin: 'http://127.0.0.1:1/',
        sites: [
          {
            scheme: 'http',
            host: '127.0.0.1',
            pathPrefix: '/',
            port: Number(new URL(origin).port),
          },
        ],
      }),
      folder,
    });
    const site = new ChromiumGuideSite(visitor, () => Promise.resolve());
    const pages: PageObservation[] = [];
    try {
      await expect(
        site.open(`${origin}/`, { ...watch(pages), selectors: ['#code', '#cache', '#absent'] }),
      ).resolves.toEqual({ ok: true });
      await expect.poll(() => pages.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(pages.at(-1)).toEqual({ url: `${origin}/`, title: 'Vraie page', elements: ['#code'] });
      const page = (await visitor.context()).pages()[0];
      // The page's own world still sees its lies: the probe was never in it.
      await expect(page?.evaluate('document.title')).resolves.toBe('Récapitulatif');
    } finally {
      await site.close();
      // The browsing context alone: the full reset also empties the kiosk's clipboard, absent here.
      await (await visitor.context()).close();
      folder.dispose();
    }
  });
});
