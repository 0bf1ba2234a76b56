import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { saveScreen } from '../support/screenshots.js';

const kiosk = useKioskPages();

async function openKiosk(timing?: { idleMs: number; warningMs: number }): Promise<Page> {
  const { page } = await kiosk.open(
    { kiosk: { siteName: 'Emmaüs Connect — Paris 18e' } },
    (host) => {
      if (timing) host.services.session.setTiming(timing);
    },
  );
  return page;
}

const lang = (page: Page) =>
  page.evaluate(() => `${document.documentElement.lang}/${document.documentElement.dir}`);

describe('visitor session', () => {
  it('starts on the first touch, in the language the visitor chose', async () => {
    const page = await openKiosk();
    expect(kiosk.state.host?.services.session.state.kind).toBe('attract');
    await page.getByRole('button', { name: 'العربية' }).tap();
    await page.locator('[data-screen="home"]').waitFor();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(kiosk.state.host?.services.session.state.kind).toBe('active');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'ماذا تريد أن تفعل؟',
    );
    await expect(
      page.getByRole('button', { name: 'إنهاء ومسح بياناتي' }).isVisible(),
    ).resolves.toBe(true);
    await saveScreen(page, 'home-ar');

    // During the visit one button names the language; it opens the eight.
    await page.getByRole('button', { name: 'اللغة : العربية' }).tap();
    await page.getByTestId('language-picker').getByRole('button', { name: 'English' }).tap();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await lang(page)).toBe('en/ltr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'What would you like to do?',
    );
  });

  it('says what "erase my data" erases, then erases and starts over in French', async () => {
    const page = await openKiosk();
    await page.getByRole('button', { name: 'English' }).tap();
    await page.locator('[data-screen="home"]').waitFor();
    await page.getByRole('button', { name: 'Finish and erase my data' }).tap();
    const dialog = page.getByTestId('end-session-dialog');
    await expect(dialog.getByRole('listitem').allTextContents()).resolves.toEqual([
      'the pages and accounts you opened',
      'the files you downloaded',
      'what you copied or typed',
      'the information read from your cards',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'No, continue' }).tap();
    await expect(dialog.count()).resolves.toBe(0);
    expect(kiosk.state.host?.services.session.state.kind).toBe('active');

    const firstSession = kiosk.state.host?.services.session.state.sessionId;
    await page.getByRole('button', { name: 'Finish and erase my data' }).tap();
    await page.getByRole('button', { name: 'Yes, erase everything' }).tap();
    await page.locator('[data-screen="attract"]').waitFor();
    expect(kiosk.state.host?.services.session.state.sessionId).not.toBe(firstSession);
    // Nothing of the previous visitor: back to the default language.
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bienvenue');
    // The next visitor's first touch starts their session, however soon it comes.
    await page.getByRole('button', { name: 'Français' }).tap();
    await page.locator('[data-screen="home"]').waitFor();
  });

  it('warns with a countdown when nobody touches the screen, and "Continuer" keeps the session', async () => {
    const page = await openKiosk({ idleMs: 600, warningMs: 30_000 });
    const spoken: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/speech') spoken.push(request);
    });
    await page.getByRole('button', { name: 'Français' }).tap();
    const warning = page.getByTestId('idle-warning');
    await warning.waitFor();
    // Read aloud as it appears, in the visitor's language.
    await expect.poll(() => spoken.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const speech = spoken[0] as Request;
    expect(new URL(speech.url()).searchParams.get('lang')).toBe('fr');
    expect(new URL(speech.url()).searchParams.get('text')).toContain('Êtes-vous toujours là ?');
    const response = await speech.response();
    expect([response?.status(), response?.headers()['content-type']]).toEqual([200, 'audio/wav']);
    await expect(warning.getByRole('heading').textContent()).resolves.toBe(
      'Êtes-vous toujours là ?',
    );
    const seconds = Number(await page.locator('.countdown__number').textContent());
    expect(seconds).toBeGreaterThan(25);
    expect(seconds).toBeLessThanOrEqual(30);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Continuer',
    );
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'idle-warning-fr');
    kiosk.state.host?.services.session.setTiming({ idleMs: 60_000, warningMs: 30_000 }); // no second warning during the check
    await page.getByRole('button', { name: 'Continuer' }).tap();
    await warning.waitFor({ state: 'detached' });
    expect(kiosk.state.host?.services.session.state.kind).toBe('active');
  });

  it('shows the warning right to left in Arabic', async () => {
    const page = await openKiosk({ idleMs: 300, warningMs: 60_000 });
    await page.getByRole('button', { name: 'العربية' }).tap();
    const warning = page.getByTestId('idle-warning');
    await warning.waitFor();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(warning.getByRole('heading').textContent()).resolves.toBe('هل ما زلت هنا؟');
    await expect(warning.getByRole('button', { name: 'متابعة' }).isVisible()).resolves.toBe(true);
    await expect(warning.getByRole('button', { name: 'استمع' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'idle-warning-ar');
  });

  it('erases everything when the countdown ends', async () => {
    const page = await openKiosk({ idleMs: 300, warningMs: 1500 });
    const kinds: string[] = [];
    kiosk.state.host?.services.session.onChange((state) => kinds.push(state.kind));
    await page.getByRole('button', { name: 'English' }).tap();
    await expect.poll(() => kinds.at(-1), { timeout: 15_000 }).toBe('attract');
    expect(kinds).toEqual(['active', 'idle-warning', 'resetting', 'attract']);
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.documentElement.lang === 'fr', undefined, {
      timeout: 10_000,
    });
  });

  it('shows the erasing screen while the wipe runs', async () => {
    const page = await openKiosk();
    let release = () => {};
    kiosk.state.host?.services.session.addWiper({
      name: 'slow test wiper',
      wipe: () => new Promise<void>((resolve) => (release = resolve)),
    });
    await page.getByRole('button', { name: 'Français' }).tap();
    await page.getByRole('button', { name: 'Terminer et effacer mes données' }).tap();
    await page.getByRole('button', { name: 'Oui, tout effacer' }).tap();
    await page.locator('[data-screen="resetting"]').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Effacement en cours…',
    );
    expect(await axeViolations(page)).toEqual([]);
    release();
    await page.locator('[data-screen="attract"]').waitFor();
  });
});
