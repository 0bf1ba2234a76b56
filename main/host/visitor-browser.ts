/**
 * The visitor's browsing in the browser host: one Chromium browser context
 * per visitor (in-memory storage, its own HTTP and auth caches, its own
 * service workers), with the lockdown applied to every page in it. The reset
 * closes the context, which discards all of it, then erases what lives
 * outside a context: the clipboard and the session folder (wiped separately).
 * Electron does the same with a fresh non-persistent partition per visitor.
 */
import { createHash } from 'node:crypto';
import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import type { CopyValue } from '../app/id-card-values.js';
import type { AidSite } from '../app/visitor-aids.js';
import type { FileChooserRequest } from '../app/documents-service.js';
import type { EditKey } from '../contract/ipc-contract.js';
import {
  type DevtoolsChannel,
  evaluateIsolated,
  type FieldReport,
  NO_FIELD,
  watchSiteFields,
  zoomScript,
} from '../shell/site-field-watch.js';
import { freePath, type SessionFolder, writeNewFile } from '../session/session-folder.js';
import { type CapturedPdf, capturePdfs } from '../shell/pdf-capture.js';
import type { Wiper } from '../session/visitor-session.js';
import {
  type FillOutcome,
  fillFocusedField,
  type VisitorSiteInput,
} from '../shell/focused-field.js';
import {
  decideNavigation,
  type DenyReason,
  type NavigationPolicy,
} from '../shell/navigation-policy.js';

export interface BlockedNavigation {
  url: string;
  reason: DenyReason;
}

export interface VisitorBrowserOptions {
  policy: () => NavigationPolicy;
  folder: SessionFolder;
  onBlocked?: (blocked: BlockedNavigation) => void;
  onDownload?: (path: string) => void;
  /** The focus moved on the visitor's page: the keyboard its field wants, or null. */
  onField?: (report: FieldReport) => void;
  /** A site opened a file chooser: Borne's picker answers it (absent: it closes empty). */
  onFileChooser?: (request: FileChooserRequest) => void;
  /** The pages' viewport: null follows the window (headed kiosk), undefined is Playwright's default. */
  viewport?: { width: number; height: number } | null;
  /**
   * Gives the screen back to the kiosk's window after the clipboard page took
   * the focus (the clipboard answers the focused document only).
   */
  refocusKiosk?: () => Promise<void>;
}

/**
 * Runs in every page before its own scripts: popups open in the same page
 * (and go through the navigation policy there), no context menu, no file
 * dropped onto the page (Chromium would open it as file://), no print dialog.
 */
const PAGE_LOCKDOWN = `(() => {
  const stop = (event) => { event.preventDefault(); event.stopImmediatePropagation(); };
  window.open = (url) => { if (url) window.location.assign(String(url)); return null; };
  const sameWindow = (event) => {
    const target = event.target instanceof Element ? event.target.closest('a[target], form[target]') : null;
    if (target && target.target !== '_self') target.target = '_self';
  };
  window.addEventListener('click', sameWindow, true);
  window.addEventListener('submit', sameWindow, true);
  window.addEventListener('contextmenu', stop, true);
  const hasFiles = (event) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  window.addEventListener('dragover', (event) => { if (hasFiles(event)) stop(event); }, true);
  window.addEventListener('drop', (event) => { if (hasFiles(event)) stop(event); }, true);
  window.print = () => { window.dispatchEvent(new CustomEvent('borne:print-requested')); };
})();`;

export class ChromiumVisitorBrowser implements Wiper, VisitorSiteInput, AidSite {
  readonly name = 'visitor browser';
  /** Each page's DevTools session (the field watch, the zoom). */
  readonly #channels = new WeakMap<Page, Promise<DevtoolsChannel>>();
  /** Each page's field watch, installed (or failed) before its first document. */
  readonly #watches = new WeakMap<Page, Promise<void>>();
  /** The PDFs this visit's pages gave, by their SHA-256. */
  #keptPdfs = new Set<string>();
  #zoom = 1;
  #context: Promise<BrowserContext> | null = null;
  #clipboardPage: Promise<Page> | null = null;
  /** The page the visitor is on: the last one opened that is still open. */
  #current: Page | null = null;

  constructor(
    private readonly browser: Browser,
    private readonly options: VisitorBrowserOptions,
  ) {}

  /**
   * Opens the page that clears the clipboard now, so the first reset does not
   * start a renderer while the kiosk may be starting its own (a crashed UI).
   */
  async prepare(): Promise<void> {
    this.#clipboardPage ??= this.#openClipboardPage();
    await this.#clipboardPage;
    await this.#refocusKiosk();
  }

  /** The current visitor's context, created on first use. */
  context(): Promise<BrowserContext> {
    this.#context ??= this.#createContext();
    return this.#context;
  }

  /** Opens an allowed site in the visitor's context (refused URLs throw). */
  async openSite(url: string): Promise<Page> {
    const decision = decideNavigation(url, this.options.policy());
    if (decision.action === 'deny')
      throw new Error(`navigation refused (${decision.reason}): ${url}`);
    const page = await (await this.context()).newPage();
    await this.watched(page);
    await page.goto(url);
    return page;
  }

  hasPage(): boolean {
    return this.#current !== null;
  }

  /** Types an ID card value into the field the visitor touched on their page. */
  async fillFocusedField(value: CopyValue): Promise<FillOutcome> {
    const page = this.#current;
    if (!page) return 'no-site';
    return fillFocusedField(value, {
      evaluate: (expression) => page.evaluate(expression),
      insertText: (text) => page.keyboard.insertText(text),
    });
  }

  /** A PDF the site gave: a file of the visit, shown by Borne's viewer, never Chromium's. */
  async #keepPdf(pdf: CapturedPdf): Promise<void> {
    // A page showing the same PDF twice (a frame and a link) gives one document.
    const digest = createHash('sha256').update(pdf.bytes).digest('hex');
    if (this.#keptPdfs.has(digest)) return;
    this.#keptPdfs.add(digest);
    const target = await writeNewFile(this.options.folder.path, pdf.fileName, pdf.bytes);
    this.options.onDownload?.(target);
  }

  /** Resolves once a new page's field watch and PDF capture are in place: open its site after this. */
  watched(page: Page): Promise<void> {
    return this.#watches.get(page) ?? Promise.resolve();
  }

  /** The on-screen keyboard's text, typed as the ID card's "Copier" types. */
  async typeText(text: string): Promise<boolean> {
    const page = this.#current;
    if (!page) return false;
    await page.keyboard.insertText(text);
    return true;
  }

  async pressKey(key: EditKey): Promise<boolean> {
    const page = this.#current;
    if (!page) return false;
    await page.keyboard.press(key);
    return true;
  }

  /** The visit's text size: every page of the visitor, and those to come, follow it. */
  async setZoom(factor: number): Promise<void> {
    this.#zoom = factor;
    const context = await this.#context;
    if (!context) return;
    await Promise.all(context.pages().map((page) => this.#applyZoom(page)));
  }

  async #applyZoom(page: Page): Promise<void> {
    const channel = this.#channels.get(page);
    if (!channel || page.isClosed()) return;
    await evaluateIsolated(await channel, zoomScript(this.#zoom)).catch(() => {
      // navigating: the next document applies it when it loads
    });
  }

  async wipe(): Promise<void> {
    const previous = this.#context;
    this.#context = null;
    this.#current = null;
    this.#zoom = 1;
    this.#keptPdfs = new Set();
    this.options.onField?.(NO_FIELD);
    if (previous) await (await previous).close();
    await this.#clearClipboard();
  }

  async #createContext(): Promise<BrowserContext> {
    const context = await this.browser.newContext({
      acceptDownloads: true,
      serviceWorkers: 'allow',
      ...(this.options.viewport !== undefined ? { viewport: this.options.viewport } : {}),
    });
    await context.addInitScript({ content: PAGE_LOCKDOWN });
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (!request.isNavigationRequest()) return route.fallback();
      const decision = decideNavigation(request.url(), this.options.policy(), frameUrl(request));
      if (decision.action === 'allow') return route.fallback();
      this.options.onBlocked?.({ url: request.url(), reason: decision.reason });
      // 'aborted' cancels the navigation: the visitor stays on the page, with no error page.
      return route.abort('aborted');
    });
    context.on('page', (page) => this.#guardPage(page));
    return context;
  }

  #guardPage(page: Page): void {
    this.#current = page;
    this.#watchPage(page);
    page.once('close', () => {
      if (this.#current !== page) return;
      const open = page
        .context()
        .pages()
        .filter((other) => other !== page && !other.isClosed());
      this.#current = open.at(-1) ?? null;
    });
    // A popup (window.open, target=_blank) never gets a window of its own:
    // its URL, if allowed, replaces the page that opened it.
    void page.opener().then(async (opener) => {
      if (!opener) return;
      const url = page.url();
      await page.close();
      const decision = decideNavigation(url, this.options.policy(), opener.url());
      if (decision.action === 'allow' && decision.target !== 'blank')
        await opener.goto(url).catch(() => {});
      else if (decision.action === 'deny')
        this.options.onBlocked?.({ url, reason: decision.reason });
    });
    page.on('download', (download) => {
      const target = freePath(this.options.folder.path, download.suggestedFilename());
      void download.saveAs(target).then(
        () => this.options.onDownload?.(target),
        () => {},
      );
    });
    // Listening suppresses the native file picker: Borne's picker offers the visit's documents.
    page.on('filechooser', (chooser) => {
      const deliver = (paths: string[]) => chooser.setFiles(paths);
      if (this.options.onFileChooser) {
        this.options.onFileChooser({ multiple: chooser.isMultiple(), deliver });
      } else void deliver([]).catch(() => {});
    });
    page.on('dialog', (dialog) => {
      // Messages are shown by the kiosk later; a "leave this page?" never traps a reset.
      void (dialog.type() === 'prompt' ? dialog.dismiss() : dialog.accept()).catch(() => {});
    });
  }

  /** The field watch (keyboard) and the zoom, through the page's own DevTools session. */
  #watchPage(page: Page): void {
    const channel = page
      .context()
      .newCDPSession(page)
      .then((cdp) => devtoolsChannel(cdp));
    this.#channels.set(page, channel);
    const watch = channel
      .then((open) =>
        Promise.all([
          watchSiteFields(open, (report) => {
            if (page === this.#current) this.options.onField?.(report);
          }),
          capturePdfs(open, (pdf) => this.#keepPdf(pdf)),
        ]),
      )
      .then(
        () => undefined,
        () => undefined, // the page closed before its session opened
      );
    this.#watches.set(page, watch);
    page.on('domcontentloaded', () => {
      if (this.#zoom !== 1) void this.#applyZoom(page);
    });
    page.once('close', () => {
      if (page === this.#current || this.#current === null) this.options.onField?.(NO_FIELD);
    });
  }

  /**
   * The clipboard is the one thing a context does not own. It is emptied from
   * a page of the kiosk's own origin (the clipboard API needs a secure
   * context), kept in a context of its own granted clipboard access and
   * reused from one reset to the next.
   */
  async #clearClipboard(): Promise<void> {
    this.#clipboardPage ??= this.#openClipboardPage();
    const page = await this.#clipboardPage;
    try {
      await page.bringToFront(); // the clipboard answers the focused document only
      await page.evaluate("navigator.clipboard.writeText('')");
    } catch (error) {
      this.#clipboardPage = null; // closed or crashed: a new one next time
      await page
        .context()
        .close()
        .catch(() => {});
      throw error;
    }
    await this.#refocusKiosk();
  }

  async #refocusKiosk(): Promise<void> {
    // Best effort: the kiosk's page may be the one being replaced.
    await this.options.refocusKiosk?.().catch(() => {});
  }

  async #openClipboardPage(): Promise<Page> {
    const origin = new URL(this.options.policy().appOrigin).origin;
    const context = await this.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    await page.goto(`${origin}/blank.html`);
    return page;
  }

  /** Closes the pages the reset keeps between visitors (the kiosk is stopping). */
  async dispose(): Promise<void> {
    const page = this.#clipboardPage;
    this.#clipboardPage = null;
    if (page)
      await (
        await page
      )
        .context()
        .close()
        .catch(() => {});
  }
}

function devtoolsChannel(cdp: CDPSession): DevtoolsChannel {
  return {
    send: (method, params) =>
      (cdp.send as (m: string, p?: Record<string, unknown>) => Promise<unknown>)(method, params),
    on: (event, listener) => {
      // CDPSession's events are typed per name; the channel passes them through as they come.
      const session = cdp as unknown as {
        on(name: string, handler: (params: Record<string, unknown>) => void): void;
        off(name: string, handler: (params: Record<string, unknown>) => void): void;
      };
      session.on(event, listener);
      return () => session.off(event, listener);
    },
  };
}

/** The URL of the page asking, when Chromium can tell (not for a popup's first request). */
function frameUrl(request: Request): string | undefined {
  try {
    return request.frame().url();
  } catch {
    return undefined;
  }
}
