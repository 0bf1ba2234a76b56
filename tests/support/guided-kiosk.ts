/**
 * A kiosk page whose visitor browsing is lent to the guide, the ID card
 * helper and the visitor aids the way the hosts do it (browser-window.ts),
 * with the split view played by two pages of the test's Chromium.
 */
import type { Page } from 'playwright-core';
import { ChromiumGuideSite } from '../../main/host/chromium-guide-site.js';
import { ChromiumVisitorBrowser } from '../../main/host/visitor-browser.js';
import type { KioskPage } from './kiosk-pages.js';
import { type SplitScreen, splitScreen } from './split-screen.js';
import type { TestHost } from './test-host.js';

export interface Guided {
  page: Page;
  host: TestHost;
  split: SplitScreen;
  errors: string[];
  visitor: ChromiumVisitorBrowser;
  /** The visitor's site page, once the guide has opened it. */
  site(): Promise<Page>;
}

export function lendVisitorBrowsing(
  kiosk: KioskPage,
  host: TestHost,
  browser: ConstructorParameters<typeof ChromiumVisitorBrowser>[0],
  options: { keyboard?: boolean } = {},
): Guided {
  const visitor = makeVisitor(browser, host, options.keyboard ?? false);
  const split = splitScreen(() => kiosk.page);
  host.services.guide.attachSite(new ChromiumGuideSite(visitor, split.place));
  return {
    ...kiosk,
    host,
    split,
    visitor,
    // A plain wait (no test runner here: benches and audits use it too).
    site: async () => {
      const until = Date.now() + 5000;
      while (!split.site) {
        if (Date.now() > until) throw new Error('the guide opened no site page in 5 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return split.site;
    },
  };
}

function makeVisitor(
  browser: ConstructorParameters<typeof ChromiumVisitorBrowser>[0],
  host: TestHost,
  keyboard: boolean,
): ChromiumVisitorBrowser {
  const { services } = host;
  const visitor = new ChromiumVisitorBrowser(browser, {
    policy: () => ({ appOrigin: host.url, sites: services.visitorSites() }),
    folder: services.sessionFolder,
    ...(keyboard ? { onField: (report) => services.aids.siteFieldFocused(report) } : {}),
    // As the browser host wires it: what a site gives is offered at once.
    onDownload: (path) => services.documents.received(path),
  });
  services.session.addWiper(visitor);
  services.idCardHelper.attachSite(visitor);
  services.aids.attachSite(visitor);
  return visitor;
}
