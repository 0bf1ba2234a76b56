/**
 * The split view in tests: the kiosk's page and the site's page are two
 * pages of the test's Chromium, each given the viewport of its side of the
 * screen (what the hosts' window placement does with real windows), and a
 * screenshot composes both as the visitor sees them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, encode } from 'fast-png';
import type { Page } from 'playwright-core';
import type { PlaceSite } from '../../main/host/chromium-guide-site.js';
import { placeSurfaces, type ScreenLayout } from '../../main/shell/split-layout.js';
import { SCREENS_DIR } from './screenshots.js';

export interface SplitScreen {
  place: PlaceSite;
  /** The layout the guide asked for last, and the site's page then. */
  readonly layout: ScreenLayout;
  readonly site: Page | null;
  /** The whole screen's size. */
  readonly screen: { width: number; height: number };
  /** Changes the screen size (1280×800, 1920×1080…) and places both pages again. */
  resize(width: number, height: number): Promise<void>;
}

export function splitScreen(kiosk: () => Page, size = { width: 1280, height: 800 }): SplitScreen {
  let layout: ScreenLayout = { mode: 'full' };
  let site: Page | null = null;
  const screen = { ...size };
  const place: PlaceSite = async (next, sitePage) => {
    layout = next;
    site = sitePage;
    const surfaces = placeSurfaces(screen, sitePage ? next : { mode: 'full' });
    await kiosk().setViewportSize({ width: surfaces.kiosk.width, height: surfaces.kiosk.height });
    if (sitePage && surfaces.site && !sitePage.isClosed()) {
      await sitePage.setViewportSize({ width: surfaces.site.width, height: surfaces.site.height });
    }
  };
  return {
    place,
    get layout() {
      return layout;
    },
    get site() {
      return site;
    },
    get screen() {
      return { ...screen };
    },
    async resize(width, height) {
      screen.width = width;
      screen.height = height;
      await place(layout, site);
    },
  };
}

/** Both surfaces in one picture, where the visitor sees them; the kiosk alone when it has the screen. */
export async function saveSplitScreen(
  kiosk: Page,
  split: SplitScreen,
  name: string,
): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await kiosk.evaluate(() => document.fonts.ready);
  writeFileSync(path, await composeScreens(kiosk, split));
  return path;
}

/** The screen as the visitor sees it, as PNG bytes. */
export async function composeScreens(kiosk: Page, split: SplitScreen): Promise<Buffer> {
  const site = split.site;
  if (!site || site.isClosed() || split.layout.mode === 'full') return kiosk.screenshot();
  const { width, height } = split.screen;
  const surfaces = placeSurfaces(split.screen, split.layout);
  const out = new Uint8Array(width * height * 4).fill(255);
  const blit = async (page: Page, at: { x: number; y: number }) => {
    const image = decode(await page.screenshot());
    const channels = image.channels;
    for (let row = 0; row < image.height && at.y + row < height; row += 1) {
      for (let column = 0; column < image.width && at.x + column < width; column += 1) {
        const from = (row * image.width + column) * channels;
        const to = ((at.y + row) * width + at.x + column) * 4;
        out[to] = Number(image.data[from]);
        out[to + 1] = Number(image.data[from + 1]);
        out[to + 2] = Number(image.data[from + 2]);
        out[to + 3] = 255;
      }
    }
  };
  await blit(kiosk, surfaces.kiosk);
  if (surfaces.site) await blit(site, surfaces.site);
  return Buffer.from(encode({ width, height, data: out, channels: 4, depth: 8 }));
}
