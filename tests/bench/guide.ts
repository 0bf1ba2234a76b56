/**
 * How fast the guide follows the site, and how fast the catalogue loads.
 *
 * - step: the stand-in France Travail site (tests/support/procedure-sites) in
 *   Debian's Chromium, the real kiosk UI beside it; the site goes back and
 *   forth between two pages of two different steps, 240 times. Measured from
 *   the navigation's start (before `page.goto`) to the guide panel showing
 *   the new step (a MutationObserver in the kiosk page), and from the site
 *   page's DOMContentLoaded to the same moment (the guide's own share);
 * - catalogue: the built-in catalogue read and validated from disk (first
 *   load of the process, then the median of 20 reloads).
 * Last line: {"bench":"guide","stepP95Ms":…,"catalogueLoadMs":…}.
 */
import type { Page } from 'playwright-core';
import { builtInCatalogueDir, loadCatalogue } from '../../main/procedures/catalogue-loader.js';
import { ChromiumGuideSite } from '../../main/host/chromium-guide-site.js';
import { ChromiumVisitorBrowser } from '../../main/host/visitor-browser.js';
import { launchChromium } from '../support/chromium.js';
import { startProcedureSites } from '../support/procedure-sites.js';
import { splitScreen } from '../support/split-screen.js';
import { startTestHost } from '../support/test-host.js';
import { percentile, round } from './stats.js';

const NAVIGATIONS = 240;

function catalogueFigures() {
  const first = performance.now();
  const catalogue = loadCatalogue({ builtIn: builtInCatalogueDir() });
  const firstMs = performance.now() - first;
  const again: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const started = performance.now();
    loadCatalogue({ builtIn: builtInCatalogueDir() });
    again.push(performance.now() - started);
  }
  return { procedures: catalogue.procedures.size, firstMs, medianMs: percentile(again, 50) };
}

/** Epoch milliseconds with sub-millisecond precision, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

async function stepFigures() {
  const sites = await startProcedureSites();
  const host = await startTestHost({});
  const browser = await launchChromium(sites.chromiumArgs);
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(host.url);
    const visitor = new ChromiumVisitorBrowser(browser, {
      policy: () => ({ appOrigin: host.url, sites: host.services.visitorSites() }),
      folder: host.services.sessionFolder,
    });
    host.services.session.addWiper(visitor);
    const split = splitScreen(() => page);
    host.services.guide.attachSite(new ChromiumGuideSite(visitor, split.place));

    await page.getByRole('heading', { level: 1 }).tap();
    await page.getByRole('button', { name: 'Emploi' }).tap();
    await page.getByRole('button', { name: /M’actualiser chaque mois/ }).tap();
    await page.getByRole('button', { name: 'Commencer' }).tap();
    await page.getByTestId('guide-progress').filter({ hasText: 'Étape 1 sur 6' }).waitFor();
    let site: Page | null = null;
    while (!(site = split.site)) await new Promise((resolve) => setTimeout(resolve, 20));
    await site.locator('#identifiant').waitFor();
    await site.locator('#identifiant').fill('1234567A');
    await site.getByRole('button', { name: 'Poursuivre' }).click();
    await site.locator('#password').fill('secret');
    await site.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('guide-progress').filter({ hasText: 'Étape 3 sur 6' }).waitFor();

    // The kiosk page notes when the step text changes, on its own clock (epoch ms).
    await page.evaluate(() => {
      const target = document.querySelector('[data-testid="guide-progress"]');
      const marks: { text: string; at: number }[] = [];
      (window as unknown as { marks: typeof marks }).marks = marks;
      new MutationObserver(() => {
        marks.push({
          text: target?.textContent ?? '',
          at: performance.timeOrigin + performance.now(),
        });
      }).observe(target as Node, { childList: true, subtree: true, characterData: true });
    });
    const pages = [
      { url: 'https://candidat.francetravail.fr/actualisation-declaree/', text: 'Étape 6 sur 6' },
      // Back on the questions' page from the last step, the guide takes the nearest step behind.
      { url: 'https://candidat.francetravail.fr/actualisation', text: 'Étape 4 sur 6' },
    ];
    const total: number[] = [];
    const guideShare: number[] = [];
    for (let i = 0; i < NAVIGATIONS; i += 1) {
      const next = pages[i % 2] as (typeof pages)[number];
      const started = now();
      await site.goto(next.url, { waitUntil: 'domcontentloaded' });
      const loaded = (await site.evaluate(
        () =>
          performance.timeOrigin +
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .domContentLoadedEventEnd,
      )) as number;
      const shown = (await page
        .waitForFunction(
          ([text, after]) =>
            (window as unknown as { marks: { text: string; at: number }[] }).marks.find(
              (mark) => mark.text === text && mark.at >= after,
            )?.at,
          [next.text, started] as const,
          { polling: 5, timeout: 5000 },
        )
        .then((handle) => handle.jsonValue())) as number;
      total.push(shown - started);
      guideShare.push(Math.max(0, shown - loaded));
    }
    await visitor.wipe();
    await visitor.dispose();
    return { total, guideShare };
  } finally {
    await browser.close();
    await host.close();
    await sites.close();
  }
}

const catalogue = catalogueFigures();
console.log(
  `catalogue: ${catalogue.procedures} procedures, first load ${round(catalogue.firstMs)} ms, then ${round(catalogue.medianMs)} ms (median of 20)`,
);
const steps = await stepFigures();
console.log(
  `site navigation → guide panel on the new step, ${steps.total.length} navigations: p50 ${round(percentile(steps.total, 50))} ms, p95 ${round(percentile(steps.total, 95))} ms, max ${round(Math.max(...steps.total))} ms`,
);
console.log(
  `  of which after the site page's DOMContentLoaded (the guide's own share): p50 ${round(percentile(steps.guideShare, 50))} ms, p95 ${round(percentile(steps.guideShare, 95))} ms`,
);
console.log(
  JSON.stringify({
    bench: 'guide',
    stepP95Ms: round(percentile(steps.total, 95)),
    stepP50Ms: round(percentile(steps.total, 50)),
    guideShareP95Ms: round(percentile(steps.guideShare, 95)),
    navigations: steps.total.length,
    catalogueLoadMs: round(catalogue.firstMs),
    catalogueReloadMs: round(catalogue.medianMs),
  }),
);
