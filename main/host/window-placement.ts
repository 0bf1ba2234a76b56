/**
 * The browser host's split view: the kiosk's window and the site's window
 * side by side, placed through the DevTools protocol (Browser.setWindowBounds),
 * the twin of Electron's two WebContentsViews in one BaseWindow. In 'full'
 * mode the kiosk's window takes the screen again and the site's is minimised.
 */
import type { Page } from 'playwright-core';
import { placeSurfaces, type Rect, type ScreenLayout } from '../shell/split-layout.js';
import type { PlaceSite } from './chromium-guide-site.js';

type WindowState = 'normal' | 'minimized' | 'maximized' | 'fullscreen';

async function setWindow(page: Page, bounds: Rect | WindowState): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    if (typeof bounds === 'string') {
      await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: bounds } });
      return;
    }
    // A fullscreen or minimised window takes no position: make it normal first.
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
    await cdp.send('Browser.setWindowBounds', {
      windowId,
      bounds: { left: bounds.x, top: bounds.y, width: bounds.width, height: bounds.height },
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Places the kiosk's page (whichever the kiosk browser shows now) and the site's. */
export function windowPlacer(kioskPage: () => Page | null): PlaceSite {
  let screen: { width: number; height: number } | null = null;
  return async (layout: ScreenLayout, site: Page | null) => {
    const kiosk = kioskPage();
    if (!kiosk) return;
    screen ??= (await kiosk.evaluate('({ width: screen.width, height: screen.height })')) as {
      width: number;
      height: number;
    };
    const surfaces = placeSurfaces(screen, site ? layout : { mode: 'full' });
    if (!surfaces.site) {
      await setWindow(kiosk, 'fullscreen');
      if (site) await setWindow(site, 'minimized');
      await kiosk.bringToFront();
      return;
    }
    if (site) await setWindow(site, surfaces.site);
    await setWindow(kiosk, surfaces.kiosk);
  };
}
