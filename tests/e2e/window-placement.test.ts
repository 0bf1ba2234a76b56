/**
 * The browser host's split view with real Chromium windows: the kiosk's
 * window and the site's placed side by side through the DevTools protocol
 * (Browser.setWindowBounds), then the kiosk given the screen back.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowPlacer } from '../../main/host/window-placement.js';
import { placeSurfaces } from '../../main/shell/split-layout.js';
import { launchChromium } from '../support/chromium.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function windowOf(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  const { bounds } = await cdp.send('Browser.getWindowBounds', { windowId });
  await cdp.detach();
  return bounds;
}

describe('window placement (browser host)', () => {
  it('puts the guide and the site side by side, mirrored right to left, and back to one window', async () => {
    // Each page in a context of its own, as the kiosk UI and the visitor's browsing are.
    const kiosk = await (await browser.newContext({ viewport: null })).newPage();
    const site = await (await browser.newContext({ viewport: null })).newPage();
    const screen = (await kiosk.evaluate('({ width: screen.width, height: screen.height })')) as {
      width: number;
      height: number;
    };
    const place = windowPlacer(() => kiosk);

    for (const direction of ['ltr', 'rtl'] as const) {
      await place({ mode: 'split', direction }, site);
      const expected = placeSurfaces(screen, { mode: 'split', direction });
      const [kioskWindow, siteWindow] = [await windowOf(kiosk), await windowOf(site)];
      expect({ x: kioskWindow.left, width: kioskWindow.width }).toEqual({
        x: expected.kiosk.x,
        width: expected.kiosk.width,
      });
      expect({ x: siteWindow.left, width: siteWindow.width }).toEqual({
        x: expected.site?.x,
        width: expected.site?.width,
      });
    }

    await place({ mode: 'full' }, site);
    expect((await windowOf(kiosk)).windowState).toBe('fullscreen');
    expect((await windowOf(site)).windowState).toBe('minimized');
    await kiosk.context().close();
    await site.context().close();
  });
});
