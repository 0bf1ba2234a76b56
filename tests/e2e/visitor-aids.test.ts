/**
 * Visitor aids in Chromium, as a visitor meets them: the on-screen keyboard
 * typing into the official site (letters, digits, a password, another
 * script) and into the kiosk's own field, the glossary in a step and on its
 * screen, larger text and high contrast (the site's zoom follows), and a
 * volunteer called, who badges in without wiping the visit.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import type { Guided } from '../support/guided-kiosk.js';
import { useGuidedKiosk } from '../support/guided-kiosk-fixture.js';
import { typeLikeReader } from '../support/reader-keys.js';
import { saveScreen } from '../support/screenshots.js';
import { saveSplitScreen } from '../support/split-screen.js';
import { AWA, enrolAwa, pressPin } from '../support/staff-sign-in.js';

const guidedKiosk = useGuidedKiosk();

function openGuided(): Promise<Guided> {
  return guidedKiosk.open({ readers: { wedge: { enabled: true, role: 'staff-badge' } } });
}

/** Touches an on-screen key by what it types (simple-keyboard names each key). */
const key = (page: Page, name: string) =>
  page.locator(`[data-testid="on-screen-keyboard"] [data-skbtn="${name}"]`).tap();

async function startProcedure(page: Page, category: string, title: RegExp, start: string) {
  await page.getByRole('heading', { level: 1 }).tap();
  await page.getByRole('button', { name: category }).tap();
  await page.getByRole('button', { name: title }).tap();
  await page.getByRole('button', { name: start }).tap();
}

describe('on-screen keyboard on the official site', () => {
  it('opens for the field touched, types through the site’s own input events, edits, goes to the next field and sends', async () => {
    const { page, host, split, site: sitePage, errors } = await openGuided();
    await startProcedure(page, 'Emploi', /M’actualiser chaque mois/, 'Commencer');
    const site = await sitePage();
    await site.getByRole('button', { name: 'Continuer sans accepter' }).click();
    // Counts the site's own input events: typed text, not a value set from outside.
    await site.evaluate(() => {
      const field = document.querySelector('#identifiant');
      (window as unknown as { inputs: number }).inputs = 0;
      field?.addEventListener('input', () => (window as unknown as { inputs: number }).inputs++);
    });
    await site.locator('#identifiant').click();
    const keyboard = page.getByTestId('on-screen-keyboard');
    await keyboard.waitFor();
    // The site above, the step and the keys across the bottom of the screen.
    await expect.poll(() => split.layout.mode).toBe('typing');
    await expect(keyboard.getAttribute('data-layout')).resolves.toBe('fr');
    // An identifier (autocomplete="username") gets the e-mail row.
    await expect(keyboard.getAttribute('data-mode')).resolves.toBe('email');
    // Shift lasts one letter; accents have keys of their own.
    for (const name of ['1', '2', 'a', 'z', '{shift}', 'E', 'é', '{bksp}']) {
      await key(page, name);
    }
    await expect.poll(() => site.inputValue('#identifiant')).toBe('12azE');
    expect(await site.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBe(7);
    await saveSplitScreen(page, split, 'keyboard-site-fr');
    expect((await axeViolations(page)).join('\n')).toBe('');
    // The physical keyboard still types into the site.
    await site.keyboard.type('7');
    await expect.poll(() => site.inputValue('#identifiant')).toBe('12azE7');
    // "Valider" sends the form: the password step, whose keys show nothing typed.
    await key(page, '{enter}');
    await page.locator('[data-step="mot-de-passe"]').waitFor({ timeout: 5000 });
    await site.locator('#password').click();
    await expect.poll(() => keyboard.getAttribute('class')).toContain('keyboard--secret');
    for (const name of ['s', '3', '!']) await key(page, name === '!' ? '{shift}' : name);
    await key(page, '!');
    await expect.poll(() => site.inputValue('#password')).toBe('s3!');
    await saveSplitScreen(page, split, 'keyboard-password-fr');
    // Closing the keyboard gives the guide panel back beside the site.
    await key(page, '{hide}');
    await page.locator('[data-screen="guide"]').waitFor();
    await expect.poll(() => split.layout.mode).toBe('split');
    // Touching the field again opens it again.
    await site.locator('#password').click();
    await keyboard.waitFor();
    expect(host.services.usage.recorded().filter((event) => event.kind === 'aid-used')).toEqual([
      expect.objectContaining({ aid: 'keyboard' }),
    ]);
    expect(errors).toEqual([]);
  });

  it('gives a digits pad to a number field, and an Arabic visitor Latin letters first with their own script one key away', async () => {
    const { page, split, site: sitePage } = await openGuided();
    await page.getByRole('button', { name: 'العربية' }).tap();
    await startProcedure(page, 'الأسرة والمساعدات', /التصريح بمداخيلي/, 'ابدأ');
    const site = await sitePage();
    await site.locator('input[name="nir"]').click();
    const keyboard = page.getByTestId('on-screen-keyboard');
    await expect.poll(() => keyboard.getAttribute('data-layout')).toBe('digits');
    for (const name of ['1', '8', '5', '0']) await key(page, name);
    await expect.poll(() => site.inputValue('input[name="nir"]')).toBe('1850');
    await saveSplitScreen(page, split, 'keyboard-digits-ar');
    // "Case suivante": the password field, which sites want in Latin letters.
    await key(page, '{next}');
    await expect.poll(() => keyboard.getAttribute('data-layout')).toBe('fr');
    await key(page, '{switch}');
    await expect.poll(() => keyboard.getAttribute('data-layout')).toBe('ar');
    await expect(keyboard.getAttribute('lang')).resolves.toBe('ar');
    await key(page, 'ب');
    await expect.poll(() => site.inputValue('input[name="mdp"]')).toBe('ب');
    await saveSplitScreen(page, split, 'keyboard-arabic-ar');
    expect((await axeViolations(page)).join('\n')).toBe('');
  });

  it('in Persian, the kiosk’s own search field opens the Persian keyboard and finds the word', async () => {
    const { page } = await openGuided();
    await page.getByRole('button', { name: 'فارسی / دری' }).tap();
    await page.getByRole('heading', { level: 1 }).tap();
    await page.getByRole('button', { name: 'کلمه‌های سخت' }).tap();
    await page.locator('[data-screen="glossary"]').waitFor();
    await page.getByRole('searchbox').tap();
    const keyboard = page.getByTestId('on-screen-keyboard');
    await expect.poll(() => keyboard.getAttribute('data-layout')).toBe('fa');
    for (const name of ['ر', 'م', 'ز']) await key(page, name);
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('رمز');
    await expect(page.locator('.glossary__entry').allTextContents()).resolves.toEqual([
      'رمز عبورMot de passe',
    ]);
    await saveScreen(page, 'keyboard-glossary-fa');
    expect((await axeViolations(page)).join('\n')).toBe('');
  });

  it('in Persian, the guide reads right to left beside the site, and the site’s field opens Latin letters with Persian one key away', async () => {
    const { page, split, site: sitePage } = await openGuided();
    await page.getByRole('button', { name: 'فارسی / دری' }).tap();
    await page.getByRole('heading', { level: 1 }).tap();
    await page.locator('[data-category="emploi"]').tap();
    await page.getByRole('button', { name: /به‌روزرسانی ماهانه/ }).tap();
    await page.getByRole('button', { name: 'شروع', exact: true }).tap();
    const site = await sitePage();
    await site.locator('#identifiant').waitFor();
    await expect.poll(() => split.layout).toEqual({ mode: 'split', direction: 'rtl' });
    await expect(page.getByTestId('step-text').textContent()).resolves.toContain(
      '\u2068France Travail\u2069',
    );
    await saveSplitScreen(page, split, 'guide-login-fa');
    await site.locator('#cookies button').click();
    await site.locator('#identifiant').click();
    const keyboard = page.getByTestId('on-screen-keyboard');
    await expect.poll(() => keyboard.getAttribute('data-layout')).toBe('en');
    await expect(keyboard.locator('[data-skbtn="{switch}"]').textContent()).resolves.toBe('ا ب پ');
    await key(page, 'a');
    await expect.poll(() => site.inputValue('#identifiant')).toBe('a');
    await saveSplitScreen(page, split, 'keyboard-site-fa');
    expect((await axeViolations(page)).join('\n')).toBe('');
  });
});

describe('glossary', () => {
  it('marks the difficult words of a step; touched, a word says what it means in the visitor’s language, with the French word', async () => {
    const { page, host, split, site: sitePage } = await openGuided();
    await page.getByRole('button', { name: 'English' }).tap();
    await startProcedure(page, 'Work', /monthly update/, 'Start');
    await page.locator('[data-step="identifiant"]').waitFor();
    // The "site opening" line goes when the site is there: the text moves up, so
    // a touch is aimed after that (a word touched while it moves is missed).
    await (await sitePage()).locator('#identifiant').waitFor();
    await page.getByTestId('site-opening').waitFor({ state: 'detached' });
    const marked = page.locator('[data-testid="step-text"] .glossary-word');
    await expect(marked.first().getAttribute('data-word')).resolves.toBeTruthy();
    const word = await marked.first().getAttribute('data-word');
    await marked.first().tap();
    const dialog = page.getByTestId('glossary-word');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('In French on the websites:');
    await saveSplitScreen(page, split, 'glossary-word-en');
    expect((await axeViolations(page)).join('\n')).toBe('');
    await dialog.getByRole('button', { name: 'Close' }).tap();
    expect(word).toBeTruthy();
    expect(host.services.usage.recorded().some((event) => event.aid === 'glossary')).toBe(true);
  });

  it('lists at least forty words on its own screen, in each language', async () => {
    const { page } = await openGuided();
    await page.getByRole('heading', { level: 1 }).tap();
    await page.getByRole('button', { name: 'Mots difficiles' }).tap();
    await page.locator('[data-screen="glossary"]').waitFor();
    expect(await page.locator('.glossary__entry').count()).toBeGreaterThanOrEqual(40);
    await page.locator('[data-word="numero-fiscal"]').tap();
    await expect(page.getByTestId('glossary-word').textContent()).resolves.toContain('13 chiffres');
    await saveScreen(page, 'glossary-word-fr');
  });
});

describe('display', () => {
  it('makes text larger in three steps and contrast higher, the site’s zoom follows, and the next visitor starts as normal', async () => {
    const { page, site: sitePage, split } = await openGuided();
    await startProcedure(page, 'Emploi', /M’actualiser chaque mois/, 'Commencer');
    const site = await sitePage();
    await site.locator('#identifiant').waitFor();
    const bodySize = () =>
      page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await bodySize()).toBe(24);
    await page.getByRole('button', { name: 'Affichage' }).tap();
    await page.getByRole('button', { name: /Très grand/ }).tap();
    await page.getByRole('button', { name: 'Contraste renforcé' }).tap();
    await expect.poll(bodySize).toBe(36);
    await expect(page.evaluate(() => document.documentElement.dataset.contrast)).resolves.toBe(
      'high',
    );
    expect((await axeViolations(page)).join('\n')).toBe('');
    await page.getByRole('button', { name: 'C’est bon' }).tap();
    await expect
      .poll(() => site.evaluate(() => document.documentElement.style.getPropertyValue('zoom')))
      .toBe('1.5');
    await saveSplitScreen(page, split, 'display-large-contrast-fr');
    expect((await axeViolations(page)).join('\n')).toBe('');
    // The end of the visit resets both.
    await page.getByRole('button', { name: 'Terminer et effacer mes données' }).tap();
    await page.getByRole('button', { name: 'Oui, tout effacer' }).tap();
    await page.locator('[data-screen="attract"]').waitFor();
    await expect.poll(bodySize).toBe(24);
    await expect(page.evaluate(() => document.documentElement.dataset.contrast)).resolves.toBe(
      undefined,
    );
  });
});

describe('calling a volunteer', () => {
  it('shows the call across the screen with the wait; a volunteer’s badge answers it and wipes nothing', async () => {
    const { page, host } = await openGuided();
    const config = { readers: { wedge: { enabled: true, role: 'staff-badge' } } };
    await enrolAwa(host, config);
    await page.getByRole('heading', { level: 1 }).tap();
    await page.locator('[data-screen="home"]').waitFor();
    const sessionId = host.services.session.state.sessionId;
    await page.getByRole('button', { name: 'Appeler un bénévole' }).tap();
    const band = page.getByTestId('volunteer-called');
    await band.waitFor();
    await expect(band.textContent()).resolves.toContain('Un bénévole arrive.');
    const box = await band.boundingBox();
    expect(box?.y).toBe(0);
    expect(box?.width).toBe(1280);
    await saveScreen(page, 'volunteer-band-fr');
    expect((await axeViolations(page)).join('\n')).toBe('');

    // The volunteer badges in: the visit stays as it is until they choose.
    await typeLikeReader(page, AWA.badge, 'qwerty');
    const arrived = page.getByTestId('staff-arrived');
    await arrived.waitFor();
    await expect(arrived.textContent()).resolves.toContain('Cette personne a appelé un bénévole.');
    await saveScreen(page, 'volunteer-arrived-fr');
    await arrived.getByRole('button', { name: 'J’aide cette personne' }).tap();
    await band.waitFor({ state: 'detached' });
    expect(host.services.session.state.kind).toBe('active');
    expect(host.services.session.state.sessionId).toBe(sessionId);
    await page.locator('[data-screen="home"]').waitFor();
    expect(
      host.services.usage
        .recorded()
        .filter((event) => event.kind.startsWith('help-'))
        .map((event) => `${event.kind}:${event.duration ?? ''}`),
    ).toEqual(['help-called:', 'help-answered:under-1-min']);

    // Later the volunteer wants the staff space: only once someone confirms the visit may end.
    await typeLikeReader(page, AWA.badge, 'qwerty');
    await arrived.waitFor();
    await arrived.getByRole('button', { name: 'Espace équipe' }).tap();
    const confirm = page.getByTestId('staff-confirm');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Non, retour' }).tap();
    await arrived.getByRole('button', { name: 'Espace équipe' }).tap();
    await confirm.getByRole('button', { name: 'Oui, terminer et effacer' }).tap();
    await page.getByTestId('staff-pin-dialog').waitFor();
    expect(host.services.session.state.sessionId).toBe(sessionId);
    await pressPin(page, AWA.pin);
    await page.locator('[data-screen="staff"]').waitFor();
    await expect.poll(() => host.services.session.state.sessionId).not.toBe(sessionId);
    const calls = page.getByTestId('help-calls');
    await expect(calls.locator('li').first().getAttribute('data-outcome')).resolves.toBe(
      'answered',
    );
    await saveScreen(page, 'volunteer-calls-staff-fr');
  });

  it('lets the visitor cancel, and counts a call the visit ended before anyone came', async () => {
    const { page, host } = await openGuided();
    await page.getByRole('heading', { level: 1 }).tap();
    await page.getByRole('button', { name: 'Appeler un bénévole' }).tap();
    await page.getByRole('button', { name: 'Annuler l’appel' }).tap();
    await page.getByTestId('volunteer-called').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Appeler un bénévole' }).tap();
    await page.getByTestId('volunteer-called').waitFor();
    host.services.session.dispatch({ type: 'end', by: 'visitor' });
    await page.locator('[data-screen="attract"]').waitFor();
    expect(
      host.services.usage
        .recorded()
        .filter((event) => event.kind === 'help-cancelled')
        .map((event) => event.outcome),
    ).toEqual(['visitor', 'visit-ended']);
    await expect(page.getByTestId('volunteer-called').count()).resolves.toBe(0);
  });
});
