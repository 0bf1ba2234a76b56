/**
 * The guide's site in the browser host: a page of the visitor's browser
 * context, watched for the pages it shows. Each observation is read in an
 * isolated world through the DevTools protocol (the site's scripts can
 * neither see nor fake it) and handed to the guide service, which matches it.
 * Placing the page beside the kiosk's is the host's (a `placeSite` function).
 */
import type { CDPSession, Page, Request, Response } from 'playwright-core';
import type { GuideSite, SiteOpenResult, SiteWatch } from '../app/guide-service.js';
import { pageProbeScript, parseProbe, PROBE_WORLD } from '../procedures/page-probe.js';
import type { ScreenLayout } from '../shell/split-layout.js';
import type { ChromiumVisitorBrowser } from './visitor-browser.js';

/** Single-page sites change without navigating: they are looked at this often too. */
const POLL_MS = 500;
/** A site that has not shown its first page by then is said not to answer. */
const OPEN_TIMEOUT_MS = 20_000;

export type PlaceSite = (layout: ScreenLayout, site: Page | null) => Promise<void>;

/** Chromium's own errors that are not the site's: a navigation the kiosk refused or the visitor left. */
const NOT_A_FAILURE = /net::ERR_ABORTED|NS_BINDING_ABORTED/;

export class ChromiumGuideSite implements GuideSite {
  #page: Page | null = null;
  #stopWatching: (() => void) | null = null;
  #layout: ScreenLayout = { mode: 'full' };

  constructor(
    private readonly visitor: ChromiumVisitorBrowser,
    private readonly placeSite: PlaceSite,
  ) {}

  async open(url: string, watch: SiteWatch): Promise<SiteOpenResult> {
    await this.close();
    const context = await this.visitor.context();
    const page = await context.newPage();
    this.#page = page;
    // The keyboard's field watch must see the site's first document too.
    await this.visitor.watched(page);
    this.#stopWatching = await watchPage(page, watch);
    await this.placeSite(this.#layout, page);
    try {
      const response = await page.goto(url, {
        waitUntil: 'domcontentloaded',
        timeout: OPEN_TIMEOUT_MS,
      });
      if (response && response.status() >= 500) {
        return { ok: false, reason: `HTTP ${response.status()}` };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: firstLine(error) };
    }
  }

  async close(): Promise<void> {
    this.#stopWatching?.();
    this.#stopWatching = null;
    const page = this.#page;
    this.#page = null;
    if (page && !page.isClosed()) await page.close().catch(() => {});
  }

  async layout(layout: ScreenLayout): Promise<void> {
    this.#layout = layout;
    const page = this.#page && !this.#page.isClosed() ? this.#page : null;
    await this.placeSite(layout, page);
  }
}

/**
 * Observes the page at each navigation (full or in-page), title change and
 * load, and every POLL_MS for single-page sites; says when a page of the site
 * fails to load. Returns the function that stops watching.
 */
async function watchPage(page: Page, watch: SiteWatch): Promise<() => void> {
  const cdp = await page.context().newCDPSession(page);
  const probe = isolatedProbe(cdp, pageProbeScript(watch.selectors));
  let stopped = false;
  let busy = false;
  const look = () => {
    if (stopped || busy || page.isClosed()) return;
    busy = true;
    void probe()
      .then((observation) => {
        if (observation && !stopped) watch.onPage(observation);
      })
      .finally(() => {
        busy = false;
      });
  };
  const onNavigated = (frame: ReturnType<Page['mainFrame']>) => {
    if (frame === page.mainFrame()) look();
  };
  const onFailed = (request: Request) => {
    if (!isMainDocument(page, request)) return;
    const reason = request.failure()?.errorText ?? 'failed';
    if (!NOT_A_FAILURE.test(reason)) watch.onUnreachable(reason);
  };
  const onResponse = (response: Response) => {
    if (isMainDocument(page, response.request()) && response.status() >= 500)
      watch.onUnreachable(`HTTP ${response.status()}`);
  };
  page.on('framenavigated', onNavigated);
  page.on('domcontentloaded', look);
  page.on('load', look);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  const timer = setInterval(look, POLL_MS);
  const stop = () => {
    stopped = true;
    clearInterval(timer);
    page.off('framenavigated', onNavigated);
    page.off('domcontentloaded', look);
    page.off('load', look);
    page.off('requestfailed', onFailed);
    page.off('response', onResponse);
    void cdp.detach().catch(() => {});
  };
  page.once('close', stop);
  return stop;
}

function isMainDocument(page: Page, request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame() === page.mainFrame();
  } catch {
    return false;
  }
}

/**
 * Evaluates the probe in an isolated world of the main frame. The world is
 * made once per document: a navigation destroys it, the next probe fails
 * once and makes a new one.
 */
function isolatedProbe(cdp: CDPSession, expression: string) {
  let contextId: number | null = null;
  const evaluate = async (id: number) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: id,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return parseProbe(result.value);
  };
  const newWorld = async () => {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: PROBE_WORLD,
    });
    contextId = world.executionContextId;
    return contextId;
  };
  return async () => {
    try {
      return await evaluate(contextId ?? (await newWorld()));
    } catch {
      try {
        return await evaluate(await newWorld());
      } catch {
        return null; // the page is navigating or closing: the next event looks again
      }
    }
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'failed';
}
