/**
 * `npm run audit -- screens`: every visitor screen × the eight languages ×
 * three displays (normal, large text, high contrast), walked in Debian's
 * Chromium as a visitor would, each checked for axe violations, targets under
 * 64 px, text under 22 px and text overflowing or cut off. Writes a contact
 * sheet per language (tests/.output/contact-sheets/<lang>.png) to look at,
 * and a report; the last line is one JSON object.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGE_CODES, type LanguageCode } from '../../main/contract/ipc-contract.js';
import { launchChromium } from '../support/chromium.js';
import { lendVisitorBrowsing } from '../support/guided-kiosk.js';
import { startProcedureSites } from '../support/procedure-sites.js';
import {
  DISPLAYS,
  auditScreen,
  visitorScreens,
  type WalkedScreen,
} from '../support/screen-walk.js';
import { composeScreens } from '../support/split-screen.js';
import { startTestHost } from '../support/test-host.js';

const OUT = join(process.cwd(), 'tests', '.output', 'contact-sheets');
const wanted = (process.argv[2]?.split(',') ?? LANGUAGE_CODES) as LanguageCode[];

const sites = await startProcedureSites();
const browser = await launchChromium(sites.chromiumArgs);
mkdirSync(OUT, { recursive: true });
const totals = { screens: 0, axeViolations: 0, smallTargets: 0, overflowing: 0, smallText: 0 };
const report: string[] = [];
try {
  for (const language of wanted) {
    const sheet: { display: string; screens: WalkedScreen[] }[] = [];
    for (const [displayName, display] of Object.entries(DISPLAYS)) {
      const host = await startTestHost({});
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        hasTouch: true,
      });
      context.setDefaultTimeout(15_000);
      // tsx keeps function names with a helper the page does not have.
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.locator('[data-screen="attract"]').waitFor();
      const guided = lendVisitorBrowsing({ page, errors: [] }, host, browser, { keyboard: true });
      const walked: WalkedScreen[] = [];
      try {
        for (const step of visitorScreens(language, display)) {
          await step.go(guided);
          await page.evaluate(() => document.fonts.ready);
          const issues = await auditScreen(page);
          walked.push({ name: step.name, issues, png: await composeScreens(page, guided.split) });
          const count = (list: string[]) => list.length;
          totals.screens += 1;
          totals.axeViolations += count(issues.axe);
          totals.smallTargets += count(issues.smallTargets);
          totals.overflowing += count(issues.overflowing);
          totals.smallText += count(issues.smallText);
          for (const [kind, list] of Object.entries(issues))
            for (const item of list)
              report.push(`${language} ${displayName} ${step.name} ${kind}: ${item}`);
        }
      } catch (error) {
        report.push(`${language} ${displayName}: walk stopped: ${String(error).split('\n')[0]}`);
        totals.axeViolations += 1;
      } finally {
        await guided.visitor.wipe().catch(() => undefined);
        await guided.visitor.dispose();
        await context.close();
        await host.close();
      }
      sheet.push({ display: displayName, screens: walked });
    }
    const path = join(OUT, `${language}.png`);
    await writeContactSheet(path, language, sheet);
    console.log(
      `${language}: ${sheet.reduce((n, s) => n + s.screens.length, 0)} screens → ${path}`,
    );
  }
} finally {
  await browser.close();
  await sites.close();
}
writeFileSync(join(OUT, 'report.txt'), `${report.join('\n')}\n`);
for (const line of report.slice(0, 40)) console.log(line);
if (report.length > 40) console.log(`… ${report.length - 40} more in ${join(OUT, 'report.txt')}`);
console.log(
  JSON.stringify({
    screens: totals.screens,
    languages: wanted.length,
    displays: Object.keys(DISPLAYS).length,
    axeViolations: totals.axeViolations,
    smallTargets: totals.smallTargets,
    smallText: totals.smallText,
    overflowing: totals.overflowing,
  }),
);

/** A page of thumbnails, one row per screen, one column per display, laid out by Chromium itself. */
async function writeContactSheet(
  path: string,
  language: LanguageCode,
  sheet: { display: string; screens: WalkedScreen[] }[],
): Promise<void> {
  const names = sheet[0]?.screens.map((screen) => screen.name) ?? [];
  const cell = (display: string, name: string) => {
    const screen = sheet
      .find((column) => column.display === display)
      ?.screens.find((s) => s.name === name);
    if (!screen?.png) return '<td>—</td>';
    const flagged = Object.values(screen.issues).some((list) => list.length > 0);
    return `<td class="${flagged ? 'flag' : ''}"><img src="data:image/png;base64,${screen.png.toString('base64')}"></td>`;
  };
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{font:16px sans-serif;margin:8px} td,th{padding:4px;vertical-align:top} img{width:384px;border:1px solid #888}
    .flag img{outline:4px solid #c00} th{text-align:left}</style>
    <h1>Borne — ${language}</h1><table><tr><th></th>${sheet.map((c) => `<th>${c.display}</th>`).join('')}</tr>
    ${names.map((name) => `<tr><th>${name}</th>${sheet.map((c) => cell(c.display, name)).join('')}</tr>`).join('')}</table>`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.setContent(html);
  await page.screenshot({ path, fullPage: true });
  await context.close();
}
