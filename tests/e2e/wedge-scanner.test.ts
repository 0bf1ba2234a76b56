/**
 * The keyboard-wedge guard in real Chromium, keys sent by Playwright: a
 * reader's burst (well under 30 ms a key) becomes a scan and never reaches
 * the text field that had focus; a person typing at human speed types into
 * it as usual, Enter and Backspace included. The guard is the renderer's own
 * module, bundled as it is.
 */
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReaderLayout } from '../../renderer/kit/wedge-decoder.js';
import { launchChromium } from '../support/chromium.js';
import { typeLikeReader } from '../support/reader-keys.js';

let browser: Browser;
let page: Page;
let guard: string;

beforeAll(async () => {
  browser = await launchChromium();
  const bundle = await build({
    stdin: {
      contents:
        "import { installWedgeGuard } from './renderer/kit/wedge-keyboard-guard.ts'; window.installWedgeGuard = installWedgeGuard;",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  guard = bundle.outputFiles[0]?.text ?? '';
}, 30_000);
afterAll(() => browser.close());

beforeEach(async () => {
  page = await browser.newPage();
  await page.setContent(
    '<form onsubmit="event.preventDefault(); window.submitted = (window.submitted || 0) + 1">' +
      '<input id="field" autocomplete="off"></form>',
  );
  await page.addScriptTag({ content: guard });
  await page.focus('#field');
});

/** The guard as the kiosk installs it, for a reader of this layout. */
async function install(layout: ReaderLayout): Promise<void> {
  await page.evaluate((readerLayout) => {
    const w = window as unknown as {
      scans: string[];
      installWedgeGuard: (t: Window, o: object) => void;
    };
    w.scans = [];
    w.installWedgeGuard(window, {
      layout: readerLayout,
      onScan: (text: string) => w.scans.push(text),
    });
  }, layout);
}

const readerTypes = (text: string, layout: ReaderLayout) => typeLikeReader(page, text, layout);

const state = () =>
  page.evaluate(() => {
    const w = window as unknown as { scans: string[]; submitted?: number };
    return {
      field: (document.querySelector('#field') as HTMLInputElement).value,
      scans: w.scans,
      submitted: w.submitted ?? 0,
    };
  });

describe('keyboard-wedge reader in Chromium', () => {
  it('takes a scanner burst as a scan, and keeps it out of the field that had focus', async () => {
    await install('qwerty');
    await page.fill('#field', 'Marie');
    await readerTypes('4006381333931', 'qwerty');
    await expect
      .poll(state, { timeout: 5000 })
      .toEqual({ field: 'Marie', scans: ['4006381333931'], submitted: 0 });
  });

  // Retried: on a loaded CI machine Chromium has once been seen to process this
  // burst's Shift+digit events with gaps past the guard's limit (a test-harness
  // timing, not the decoding this test is about). A failure three times is real.
  it(
    'decodes by physical key: an AZERTY reader sends Shift+digit keys, which read as digits',
    { retry: 2 },
    async () => {
      await install('azerty');
      await readerTypes('ADH0012345', 'azerty');
      await expect
        .poll(state, { timeout: 5000 })
        .toEqual({ field: '', scans: ['ADH0012345'], submitted: 0 });
    },
  );

  it('lets a person type at human speed: every key in the field, Backspace and Enter work', async () => {
    await install('qwerty');
    await page.keyboard.type('Bonjour 75018', { delay: 120 });
    await page.keyboard.press('Backspace', { delay: 120 });
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    await expect
      .poll(state, { timeout: 5000 })
      .toEqual({ field: 'Bonjour 7501', scans: [], submitted: 1 });
  });
});
