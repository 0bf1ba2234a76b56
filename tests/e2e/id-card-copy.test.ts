/**
 * "Fill in my details": the visitor touches a field on a procedure site,
 * then copies one line of their ID card into it from the kiosk's dialog.
 * The site is a local form in the visitor's own browser context (the real
 * ChromiumVisitorBrowser); the kiosk UI is the real renderer.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumVisitorBrowser } from '../../main/host/visitor-browser.js';
import { axeViolations } from '../support/axe.js';
import { type FormSite, siteEntry, startFormSite } from '../support/form-site.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { FR_ID } from '../support/mrz-specimens.js';
import { typeLikeReader } from '../support/reader-keys.js';
import { saveScreen } from '../support/screenshots.js';
import type { TestHost } from '../support/test-host.js';

const kiosk = useKioskPages();
let site: FormSite;
let visitor: ChromiumVisitorBrowser | undefined;

beforeAll(async () => {
  site = await startFormSite();
});
afterAll(async () => {
  await site?.close();
});
afterEach(async () => {
  await visitor?.wipe().catch(() => undefined);
  await visitor?.dispose();
  visitor = undefined;
});

const config = () => ({
  readers: { wedge: { enabled: true, role: 'id-card' } },
  browsing: { sites: [siteEntry(site.origin), siteEntry(site.otherOrigin)] },
});

/** The visitor's browsing beside the kiosk page, lent to the ID card helper as the host does. */
async function openForm(host: TestHost): Promise<Page> {
  visitor = new ChromiumVisitorBrowser(kiosk.browser(), {
    policy: () => ({ appOrigin: host.url, sites: host.config.config.browsing.sites }),
    folder: host.services.sessionFolder,
  });
  host.services.session.addWiper(visitor);
  host.services.idCardHelper.attachSite(visitor);
  const form = await visitor.openSite(`${site.origin}/form`);
  await form.frameLocator('#other').locator('#inner').waitFor();
  return form;
}

async function scanCard(page: Page) {
  for (const line of FR_ID.split('\n')) await typeLikeReader(page, line, 'qwerty');
  await page.getByTestId('id-card-dialog').waitFor({ timeout: 5000 });
  await expect(page.locator('#idcard-title').textContent()).resolves.toMatch(
    /^(Votre carte a été lue|تمت قراءة بطاقتك)$/,
  );
}

const value = (form: Page, selector: string) => form.locator(selector).inputValue();

describe('copying ID card lines into the site', () => {
  it('fills the touched field from the dialog, then the next one from “Ma carte d’identité”', async () => {
    const { page, errors } = await kiosk.open(config());
    const host = kiosk.state.host as TestHost;
    const form = await openForm(host);
    await form.locator('#lastName').focus();

    await scanCard(page);
    const dialog = page.getByTestId('id-card-dialog');
    await expect(dialog.textContent()).resolves.toContain('touchez la case, puis « Copier »');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'id-card-copy-fr');
    await dialog.getByRole('button', { name: 'Copier « Nom » dans le site' }).tap();
    await expect(page.getByTestId('reader-status').textContent()).resolves.toBe(
      '« Nom » est copié dans le site.',
    );
    await dialog.waitFor({ state: 'detached' });
    await saveScreen(page, 'id-card-copied-fr');
    expect(await value(form, '#lastName')).toBe('BERTHIER');
    // Typed, as a person would: the site's own input listeners saw it.
    expect(await form.evaluate('window.inputEvents')).toBeGreaterThan(0);

    // The next field: a date picker gets the ISO date, with the right century.
    await form.locator('#birth').focus();
    await page.getByRole('button', { name: 'Ma carte d’identité' }).tap();
    await dialog.getByRole('button', { name: 'Copier « Date de naissance » dans le site' }).tap();
    await dialog.waitFor({ state: 'detached' });
    expect(await value(form, '#birth')).toBe('1965-12-06');

    // A password field never gets the card: the visitor is told why, in the dialog.
    await form.locator('#password').focus();
    await page.getByRole('button', { name: 'Ma carte d’identité' }).tap();
    await dialog.getByRole('button', { name: 'Copier « Numéro du document » dans le site' }).tap();
    await expect(page.getByTestId('copy-problem').textContent()).resolves.toBe(
      'Cette case ne peut pas recevoir cette information. Écrivez-la avec le clavier.',
    );
    expect(await value(form, '#password')).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('speaks Arabic right to left, and says to touch a field first', async () => {
    const { page } = await kiosk.open(config());
    const form = await openForm(kiosk.state.host as TestHost);
    await page.getByRole('button', { name: 'العربية' }).tap();
    await page.locator('[data-screen="home"]').waitFor();
    await scanCard(page);
    await page.getByRole('button', { name: 'نسخ «اللقب» في الموقع' }).tap();
    await expect(page.getByTestId('copy-problem').textContent()).resolves.toContain(
      'لم يتم اختيار أي خانة في الموقع',
    );
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'id-card-copy-ar');
    expect(await value(form, '#lastName')).toBe('');
  });

  it('offers no copy while no site is open, and nothing after the card is erased', async () => {
    const { page } = await kiosk.open(config());
    const host = kiosk.state.host as TestHost;
    await scanCard(page);
    const dialog = page.getByTestId('id-card-dialog');
    expect(await dialog.getByRole('button', { name: /Copier/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Effacer ces informations' }).tap();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Ma carte d’identité' }).count()).toBe(0);
    await expect(host.services.idCardHelper.copy('lastName')).resolves.toBe('no-value');
  });
});

describe('what the page script fills and refuses', () => {
  const card = { text: 'BERTHIER' };
  const date = { text: '06/12/1965', isoDate: '1965-12-06' };

  it('types into text boxes, text areas and editable blocks, replacing what was there', async () => {
    await kiosk.open(config());
    const form = await openForm(kiosk.state.host as TestHost);
    const target = visitor as ChromiumVisitorBrowser;
    for (const selector of ['#firstNames', '#comment']) {
      await form.locator(selector).focus();
      await expect(target.fillFocusedField(card)).resolves.toBe('copied');
      await expect(target.fillFocusedField(card)).resolves.toBe('copied');
      expect(await value(form, selector)).toBe('BERTHIER');
    }
    await form.locator('#editable').focus();
    await expect(target.fillFocusedField(card)).resolves.toBe('copied');
    expect(await form.locator('#editable').textContent()).toBe('BERTHIER');
    // A frame of the site's own origin is the site.
    await form.frameLocator('#same').locator('#inner').focus();
    await expect(target.fillFocusedField(card)).resolves.toBe('copied');
    expect(await form.frameLocator('#same').locator('#inner').inputValue()).toBe('BERTHIER');
  });

  it('refuses passwords, other sites’ frames, and dates in a date picker only', async () => {
    await kiosk.open(config());
    const form = await openForm(kiosk.state.host as TestHost);
    const target = visitor as ChromiumVisitorBrowser;
    const cases: Array<[string, { text: string; isoDate?: string }, string]> = [
      ['#password', card, 'refused'],
      ['#birth', card, 'refused'],
      ['#quantity', card, 'refused'],
      ['#readonly', card, 'no-field'],
    ];
    for (const [selector, copied, outcome] of cases) {
      await form.locator(selector).focus();
      await expect(target.fillFocusedField(copied), selector).resolves.toBe(outcome);
    }
    expect(await value(form, '#password')).toBe('');
    expect(await value(form, '#readonly')).toBe('0000');
    await form.locator('#birth').focus();
    await expect(target.fillFocusedField(date)).resolves.toBe('copied');
    expect(await value(form, '#birth')).toBe('1965-12-06');

    const other = form.frameLocator('#other').locator('#inner');
    await other.focus();
    await expect(target.fillFocusedField(card)).resolves.toBe('refused');
    expect(await other.inputValue()).toBe('');

    await form.evaluate('document.activeElement.blur()');
    await expect(target.fillFocusedField(card)).resolves.toBe('no-field');
    await target.wipe();
    expect(target.hasPage()).toBe(false);
    await expect(target.fillFocusedField(card)).resolves.toBe('no-site');
  });
});
