/**
 * Every visitor screen, reached as a visitor reaches it (touches only, by
 * language-independent markers), and what a visitor would suffer on it:
 * axe violations, touch targets under 64 px, text under 22 px, text
 * overflowing or cut off its box. Shared by the e2e test of the eight
 * languages and by `npm run audit -- screens`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import type { Display, LanguageCode } from '../../main/contract/ipc-contract.js';
import { axeViolations } from './axe.js';
import type { Guided } from './guided-kiosk.js';

export interface ScreenIssues {
  axe: string[];
  smallTargets: string[];
  smallText: string[];
  overflowing: string[];
}

export interface WalkedScreen {
  name: string;
  issues: ScreenIssues;
  /** A PNG of the screen as the visitor sees it (both surfaces in the split view). */
  png?: Buffer;
}

const tap = (page: Page, selector: string) => page.locator(selector).first().tap();

/** Measures one screen: what axe finds, and what the kiosk's own rules forbid. */
export async function auditScreen(page: Page): Promise<ScreenIssues> {
  const axe = await axeViolations(page);
  const measured = await page.evaluate(() => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const smallTargets: string[] = [];
    const smallText: string[] = [];
    const overflowing: string[] = [];
    // A word marked in a sentence is a target inside text (WCAG 2.5.8 exception); its twin below is big.
    for (const element of document.querySelectorAll('button, [role="button"], a[href], input')) {
      if (!visible(element) || element.closest('.glossary-word')) continue;
      if (element.classList.contains('glossary-word')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width < 63.5 || rect.height < 63.5) smallTargets.push(describe(element));
    }
    for (const element of document.querySelectorAll('body *')) {
      if (!visible(element) || element.closest('svg, .visually-hidden')) continue;
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim().length > 0,
      );
      if (!ownText) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < 21.5) smallText.push(`${describe(element)} ${size}px`);
      const style = getComputedStyle(element);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const scrolls = style.overflowY === 'auto' || style.overflowY === 'scroll';
      if (!scrolls && element.scrollWidth > element.clientWidth + 1 && clips)
        overflowing.push(`${describe(element)} cut`);
      // Text running out of its box sideways, or off the screen.
      const rect = element.getBoundingClientRect();
      if (rect.right > document.documentElement.clientWidth + 1 || rect.left < -1)
        overflowing.push(`${describe(element)} off screen`);
      if (element.scrollWidth > element.clientWidth + 1 && element.tagName === 'BUTTON')
        overflowing.push(`${describe(element)} wider than its button`);
    }
    return { smallTargets, smallText, overflowing };
  });
  return { axe, ...measured };
}

export const DISPLAYS: Record<'normal' | 'large' | 'contrast', Display> = {
  normal: { textSize: 1, highContrast: false },
  large: { textSize: 1.5, highContrast: false },
  contrast: { textSize: 1, highContrast: true },
};

/** Sets the visit's display through its dialog, as a visitor does. */
export async function chooseDisplay(page: Page, display: Display): Promise<void> {
  if (display.textSize === 1 && !display.highContrast) return;
  await tap(page, '[data-testid="display-button"]');
  await tap(page, `[data-size="${display.textSize}"]`);
  if (display.highContrast) await tap(page, '[data-testid="contrast"]');
  await tap(page, '[data-testid="display-done"]');
}

type Step = { name: string; go: (guided: Guided) => Promise<void> };

/**
 * The walk, in order: each step goes from the previous screen to the next.
 * The display is chosen on the first screen of the visit and kept.
 */
export function visitorScreens(language: LanguageCode, display: Display): Step[] {
  const screen = (page: Page, name: string) => page.locator(`[data-screen="${name}"]`).waitFor();
  return [
    {
      name: 'attract',
      go: async ({ page }) => {
        if (language !== 'fr') await tap(page, `.languages__list button[lang="${language}"]`);
        await page.waitForFunction((code) => document.documentElement.lang === code, language);
      },
    },
    {
      name: 'display-dialog',
      go: async ({ page }) => {
        await tap(page, '[data-testid="display-button"]');
        await page.getByTestId('display-dialog').waitFor();
      },
    },
    {
      name: 'home',
      go: async ({ page }) => {
        await tap(page, '[data-testid="display-done"]');
        await page.getByRole('heading', { level: 1 }).tap();
        await screen(page, 'home');
        await chooseDisplay(page, display);
      },
    },
    {
      name: 'language-picker',
      go: async ({ page }) => {
        await tap(page, '[data-testid="language-button"]');
        await page.getByTestId('language-picker').waitFor();
      },
    },
    {
      name: 'procedures',
      go: async ({ page }) => {
        await tap(page, `[data-testid="language-picker"] button[lang="${language}"]`);
        await tap(page, '[data-category="emploi"]');
        await page.getByTestId('procedures').waitFor();
      },
    },
    {
      name: 'procedure-intro',
      go: async ({ page }) => {
        await tap(page, '[data-procedure="france-travail-actualisation"]');
        await page.getByTestId('procedure-intro').waitFor();
      },
    },
    {
      name: 'guide',
      go: async (guided) => {
        await tap(guided.page, '[data-testid="start-procedure"]');
        const site = await guided.site();
        await site.locator('#identifiant').waitFor();
        await screen(guided.page, 'guide');
      },
    },
    {
      name: 'guide-word',
      go: async ({ page }) => {
        await tap(page, '.guide__words button');
        await page.getByTestId('glossary-word').waitFor();
      },
    },
    {
      name: 'guide-stuck',
      go: async ({ page }) => {
        await tap(page, '[data-testid="glossary-word"] .big-button--primary');
        await tap(page, '[data-testid="stuck-button"]');
        await page.getByTestId('stuck').waitFor();
      },
    },
    {
      name: 'volunteer-called',
      go: async ({ page }) => {
        // From the step's problems: the volunteer is called and the step comes back.
        await tap(page, '[data-testid="stuck-volunteer"]');
        await page.getByTestId('volunteer-called').waitFor();
      },
    },
    {
      name: 'keyboard-site',
      go: async (guided) => {
        const site = await guided.site();
        await site
          .locator('#cookies button')
          .click()
          .catch(() => undefined);
        await site.locator('#identifiant').click();
        await guided.page.getByTestId('on-screen-keyboard').waitFor();
      },
    },
    {
      name: 'end-screen',
      go: async ({ page }) => {
        await tap(page, '[data-testid="on-screen-keyboard"] [data-skbtn="{hide}"]');
        await tap(page, '[data-testid="finish-button"]');
        await screen(page, 'end');
      },
    },
    {
      name: 'glossary',
      go: async ({ page }) => {
        await tap(page, '[data-testid="glossary-button"]');
        await screen(page, 'glossary');
      },
    },
    {
      name: 'glossary-keyboard',
      go: async ({ page }) => {
        await page.getByRole('searchbox').tap();
        await page.getByTestId('on-screen-keyboard').waitFor();
      },
    },
    {
      name: 'end-session',
      go: async ({ page }) => {
        await page.getByRole('searchbox').blur();
        await tap(page, '[data-screen="glossary"] .back-button');
        await tap(page, '[data-testid="end-button"]');
        await page.getByTestId('end-session-dialog').waitFor();
      },
    },
    {
      name: 'site-unreachable',
      go: async ({ page }) => {
        await tap(page, '[data-testid="end-cancel"]');
        await tap(page, '[data-testid="another-procedure"]');
        await tap(page, '[data-category="emploi"]');
        await tap(page, '[data-procedure="france-travail-inscription"]');
        await tap(page, '[data-testid="start-procedure"]');
        await page.locator('[data-screen="site-unreachable"]').waitFor({ timeout: 25_000 });
      },
    },
    {
      name: 'documents',
      go: async ({ page }) => {
        await tap(page, '[data-testid="unreachable-leave"]');
        await tap(page, '[data-testid="open-documents"]');
        await screen(page, 'documents');
      },
    },
    {
      name: 'documents-scan',
      go: async ({ page }) => {
        // SANE's test backend scans a page; its preview is what the visitor checks.
        await tap(page, '[data-testid="documents-scan"]');
        await tap(page, '[data-testid="scan-page"]');
        const preview = page.locator('.scan__preview').first();
        await preview.waitFor();
        await page.waitForFunction(
          () => (document.querySelector('.scan__preview') as HTMLImageElement | null)?.naturalWidth,
        );
      },
    },
    {
      name: 'documents-list',
      go: async ({ page }) => {
        await tap(page, '[data-testid="scan-save"]');
        await page.locator('[data-document="justificatif-1.pdf"]').waitFor();
      },
    },
    {
      name: 'document-viewer',
      go: async ({ page }) => {
        await tap(page, '[data-document="justificatif-1.pdf"] .document__actions .big-button');
        await page.locator('[data-screen="viewer"] canvas[data-rendered-page="1"]').waitFor();
      },
    },
    {
      name: 'document-received',
      go: async ({ page, host }) => {
        await tap(page, '[data-testid="viewer-close"]');
        await screen(page, 'documents');
        // A site gives the visitor an attestation: the kiosk offers it at once.
        const pdf = await PDFDocument.create();
        pdf.addPage();
        const path = join(host.services.sessionFolder.path, 'attestation.pdf');
        writeFileSync(path, await pdf.save());
        host.services.documents.received(path);
        await page.getByTestId('received-dialog').waitFor();
      },
    },
    {
      name: 'idle-warning',
      go: async ({ page, host }) => {
        await tap(page, '[data-testid="received-later"]');
        // Nobody touched the screen for the idle time: the clock is moved, not waited for.
        const { session } = host.services;
        session.dispatch({ type: 'tick', at: Date.now() + session.timing.idleMs + 1000 });
        await page.getByTestId('idle-warning').waitFor();
      },
    },
  ];
}
