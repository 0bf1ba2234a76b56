/**
 * Gives the browser host its window and its visitors' browsing: the kiosk
 * UI in Chromium, a fresh browser context per visitor wiped at every reset,
 * and a renderer crash or hang turned into a reset.
 */
import type { Kiosk } from '../app/boot.js';
import { ChromiumGuideSite } from './chromium-guide-site.js';
import { KioskBrowser } from './kiosk-browser.js';
import { ChromiumVisitorBrowser } from './visitor-browser.js';
import { windowPlacer } from './window-placement.js';

export interface BrowserWindow {
  kiosk: KioskBrowser;
  visitor: ChromiumVisitorBrowser;
}

export async function openBrowserWindow(
  kiosk: Pick<Kiosk, 'server' | 'services' | 'config'>,
  options: { executablePath: string; headless: boolean },
): Promise<BrowserWindow> {
  const { session, sessionFolder } = kiosk.services;
  const window = await KioskBrowser.launch({
    url: kiosk.server.url,
    executablePath: options.executablePath,
    headless: options.headless,
    onRendererGone: (cause) => session.dispatch({ type: 'renderer-gone', cause }),
  });
  const visitor = new ChromiumVisitorBrowser(window.browser, {
    policy: () => ({ appOrigin: kiosk.server.url, sites: kiosk.services.visitorSites() }),
    folder: sessionFolder,
    // Headed, the site's page follows its window (the split view places it).
    viewport: options.headless ? undefined : null,
    onField: (report) => kiosk.services.aids.siteFieldFocused(report),
    onFileChooser: (request) => kiosk.services.documents.openPicker(request),
    onDownload: (path) => kiosk.services.documents.received(path),
    refocusKiosk: async () => {
      await window.page?.bringToFront();
    },
  });
  await visitor.prepare();
  session.addWiper(visitor);
  kiosk.services.idCardHelper.attachSite(visitor);
  kiosk.services.aids.attachSite(visitor);
  kiosk.services.guide.attachSite(
    new ChromiumGuideSite(
      visitor,
      windowPlacer(() => window.page),
    ),
  );
  return { kiosk: window, visitor };
}
