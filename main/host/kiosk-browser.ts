/**
 * The browser host's window: Debian's Chromium in kiosk mode, driven through
 * playwright-core so the host can also give each visitor a fresh browser
 * context (visitor-browser.ts) and watch the UI's renderer. A crashed or hung
 * renderer is reported, and the UI reopens in a new page within seconds.
 */
import type { Browser, Page } from 'playwright-core';
import { findChromium, hasDisplay, quietChromiumFlags } from './chromium.js';

/**
 * How often the UI renderer must answer, and how long it may take. The
 * timeout stays generous (a false "hang" would wipe a visitor's session);
 * pinging often is what keeps detection under 2 s.
 */
const PING_EVERY_MS = 250;
const PING_TIMEOUT_MS = 1500;

export interface KioskBrowserOptions {
  url: string;
  executablePath: string;
  /** Tests run it headless; the kiosk never does. */
  headless: boolean;
  onRendererGone: (cause: 'crash' | 'hang') => void;
}

/** Why the kiosk window cannot open here, or null when it can. */
export function kioskWindowUnavailable(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!findChromium(env))
    return "no Chromium found (install Debian's chromium): open the URL in a browser";
  if (!hasDisplay(env)) return 'no display (DISPLAY or WAYLAND_DISPLAY): serving only';
  return null;
}

export class KioskBrowser {
  #page: Page | null = null;
  #closed = false;
  #ping: ReturnType<typeof setInterval> | undefined;

  private constructor(
    readonly browser: Browser,
    private readonly options: KioskBrowserOptions,
  ) {}

  static async launch(options: KioskBrowserOptions): Promise<KioskBrowser> {
    // Loaded only when a window opens: playwright-core is large, and a headless host never needs it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: options.executablePath,
      headless: options.headless,
      args: [
        ...quietChromiumFlags(process.getuid?.() === 0),
        '--kiosk',
        '--noerrdialogs',
        '--disable-pinch',
        '--overscroll-history-navigation=0',
        '--disable-session-crashed-bubble',
        '--disable-infobars',
      ],
      // No "controlled by automated software" bar on a visitor's screen.
      ignoreDefaultArgs: ['--enable-automation'],
    });
    const kiosk = new KioskBrowser(browser, options);
    await kiosk.#openUi();
    return kiosk;
  }

  get page(): Page | null {
    return this.#page;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#ping);
    await this.browser.close().catch(() => {});
  }

  async #openUi(): Promise<void> {
    clearInterval(this.#ping);
    const previous = this.#page;
    this.#page = null;
    // Closed in the background: a hung renderer must not delay its replacement.
    void previous
      ?.context()
      .close()
      .catch(() => {});
    if (this.#closed) return;
    const page = await this.#blankPage();
    if (this.#closed) return;
    this.#page = page;
    page.once('crash', () => this.#rendererGone(page, 'crash'));
    await page.goto(this.options.url);
    this.#watch(page);
  }

  /** The UI gets its own context each time: nothing of a visitor's UI state survives a crash. */
  async #blankPage(): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: this.options.headless ? undefined : null,
    });
    return context.newPage();
  }

  #watch(page: Page): void {
    let waiting = false;
    this.#ping = setInterval(() => {
      if (waiting || page !== this.#page) return;
      waiting = true;
      const timer = setTimeout(() => this.#rendererGone(page, 'hang'), PING_TIMEOUT_MS);
      page.evaluate('1').then(
        () => {
          clearTimeout(timer);
          waiting = false;
        },
        () => clearTimeout(timer), // the page is closing or crashed: handled elsewhere
      );
    }, PING_EVERY_MS);
  }

  #rendererGone(page: Page, cause: 'crash' | 'hang'): void {
    if (page !== this.#page || this.#closed) return;
    this.options.onRendererGone(cause);
    void this.#openUi().catch(() => {});
  }
}
