/**
 * How fast the on-screen keyboard types into the official site, and how fast
 * a language switch repaints the screen.
 *
 * - key: the stand-in France Travail site in Debian's Chromium, its
 *   identifier field touched (the keyboard strip opens under it); 1,000 key
 *   touches on the kiosk page's keys. Measured from the touch reaching the
 *   kiosk page (a capturing pointerdown listener) to the site's own `input`
 *   event for that character (a listener in the site page), both on the
 *   epoch clock. The path: renderer → WebSocket → services → DevTools
 *   Input.insertText in the site page.
 * - language switch: on the home screen, the language picker's button touched
 *   → the heading shows the other language's text, two animation frames
 *   later (painted); 20 switches between French and Arabic, median and max.
 * Last line: {"bench":"keyboard","keyToFieldP95Ms":…,"languageSwitchMs":…}.
 */
import { launchChromium } from '../support/chromium.js';
import { lendVisitorBrowsing } from '../support/guided-kiosk.js';
import { startProcedureSites } from '../support/procedure-sites.js';
import { startTestHost } from '../support/test-host.js';
import { percentile, round } from './stats.js';

const KEYS = 1000;
const SWITCHES = 20;
const LETTERS = 'azertyuiopqsdfghjklmwxcvbn';

const sites = await startProcedureSites();
const host = await startTestHost({});
const browser = await launchChromium(sites.chromiumArgs);
const keyLatencies: number[] = [];
const switchTimes: number[] = [];
try {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
  });
  // tsx keeps function names with a helper the page does not have.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.locator('[data-screen="attract"]').waitFor();
  const guided = lendVisitorBrowsing({ page, errors: [] }, host, browser, { keyboard: true });

  // Language switch: home screen, picker, French ↔ Arabic.
  await page.getByRole('heading', { level: 1 }).tap();
  await page.locator('[data-screen="home"]').waitFor();
  for (let i = 0; i < SWITCHES; i += 1) {
    const target = i % 2 === 0 ? 'ar' : 'fr';
    await page.locator('[data-testid="language-button"]').tap();
    const button = page.locator(`[data-testid="language-picker"] button[lang="${target}"]`);
    await button.waitFor();
    const painted = page.evaluate(
      (code) =>
        new Promise<number>((resolve) => {
          let touched = 0;
          window.addEventListener('pointerdown', () => (touched = performance.now()), {
            capture: true,
            once: true,
          });
          const check = () => {
            if (document.documentElement.lang === code && touched > 0) {
              requestAnimationFrame(() =>
                requestAnimationFrame(() => resolve(performance.now() - touched)),
              );
            } else requestAnimationFrame(check);
          };
          check();
        }),
      target,
    );
    await button.tap();
    switchTimes.push(await painted);
  }

  // Key touches into the site's field.
  await page.locator('[data-category="emploi"]').tap();
  await page.locator('[data-procedure="france-travail-actualisation"]').tap();
  await page.getByTestId('start-procedure').tap();
  const site = await guided.site();
  await site.locator('#cookies button').click();
  await site.evaluate(() => {
    const marks: number[] = [];
    (window as unknown as { marks: number[] }).marks = marks;
    document
      .querySelector('#identifiant')
      ?.addEventListener('input', () => marks.push(performance.timeOrigin + performance.now()));
  });
  await site.locator('#identifiant').click();
  await page.getByTestId('on-screen-keyboard').waitFor();
  await page.evaluate(() => {
    const touches: number[] = [];
    (window as unknown as { touches: number[] }).touches = touches;
    window.addEventListener(
      'pointerdown',
      () => touches.push(performance.timeOrigin + performance.now()),
      { capture: true },
    );
  });
  const centers = new Map<string, { x: number; y: number }>();
  for (const letter of LETTERS) {
    const box = await page.locator(`[data-skbtn="${letter}"]`).boundingBox();
    if (!box) throw new Error(`no key ${letter}`);
    centers.set(letter, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  for (let i = 0; i < KEYS; i += 1) {
    const center = centers.get(LETTERS[i % LETTERS.length] ?? 'a');
    if (!center) throw new Error('no key');
    await page.touchscreen.tap(center.x, center.y);
    await site.waitForFunction(
      (count) => (window as unknown as { marks: number[] }).marks.length >= count,
      i + 1,
      { polling: 1, timeout: 5000 },
    );
  }
  const touches = await page.evaluate(() => (window as unknown as { touches: number[] }).touches);
  const marks = await site.evaluate(() => (window as unknown as { marks: number[] }).marks);
  for (let i = 0; i < KEYS; i += 1)
    keyLatencies.push((marks[i] ?? Number.NaN) - (touches[i] ?? Number.NaN));
  const typed = await site.inputValue('#identifiant');
  if (typed.length !== KEYS) throw new Error(`typed ${typed.length} characters, not ${KEYS}`);
  await guided.visitor.wipe();
  await guided.visitor.dispose();
  await context.close();
} finally {
  await browser.close();
  await host.close();
  await sites.close();
}

const keyP95 = percentile(keyLatencies, 95);
console.log(
  `key touch → character in the site's field, ${keyLatencies.length} keys: p50 ${round(percentile(keyLatencies, 50))} ms, p95 ${round(keyP95)} ms, max ${round(Math.max(...keyLatencies))} ms (target p95 < 30 ms)`,
);
const switchMedian = percentile(switchTimes, 50);
console.log(
  `language switch → screen repainted, ${switchTimes.length} switches fr ↔ ar: median ${round(switchMedian)} ms, max ${round(Math.max(...switchTimes))} ms (target < 100 ms)`,
);
console.log(
  JSON.stringify({
    bench: 'keyboard',
    keyToFieldP95Ms: round(keyP95),
    keyToFieldP50Ms: round(percentile(keyLatencies, 50)),
    languageSwitchMs: round(switchMedian),
    languageSwitchMaxMs: round(Math.max(...switchTimes)),
  }),
);
