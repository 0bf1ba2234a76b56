import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { HidBackend } from '../../native/hid/hid-reader.js';
import { launchChromium } from './chromium.js';
import { startTestHost, type TestHost } from './test-host.js';

export interface KioskPage {
  page: Page;
  /** Console errors and uncaught exceptions (CSP violations among them). */
  errors: string[];
}

/**
 * E2E fixture: one Chromium per test file, and per test a fresh host (its
 * own config file) and a fresh kiosk-sized, touch-enabled browser context,
 * closed after the test.
 */
export function useKioskPages(options: { chromiumArgs?: () => string[] } = {}) {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const state: { host: TestHost | undefined } = { host: undefined };

  beforeAll(async () => {
    browser = await launchChromium(options.chromiumArgs?.() ?? []);
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    await state.host?.close();
    context = undefined;
    state.host = undefined;
  });

  return {
    /** The current test's host (replace it to restart the host mid-test). */
    state,
    /** The test file's Chromium (for a visitor browser beside the kiosk page). */
    browser(): Browser {
      if (!browser) throw new Error('Chromium is not running');
      return browser;
    },
    /** A fresh host on `config` (HID readers on `hidBackend` when given), and its kiosk page. */
    async open(
      config?: unknown,
      prepare?: (host: TestHost) => void,
      hidBackend?: () => Promise<HidBackend>,
    ): Promise<KioskPage> {
      const host = await startTestHost(config, 0, hidBackend);
      state.host = host;
      prepare?.(host);
      if (!browser) throw new Error('Chromium is not running');
      context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        hasTouch: true,
      });
      // A missing button fails in seconds with its name, not at the test's time limit.
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(host.url);
      await page.locator('[data-screen="attract"]').waitFor();
      return { page, errors };
    },
  };
}
