import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { saveScreen } from '../support/screenshots.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

const kiosk = useKioskPages();
const openKiosk = (config?: unknown) => kiosk.open(config);

const pageDirection = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('attract screen', () => {
  it('welcomes the visitor in French first, with the site name', async () => {
    const { page, errors } = await openKiosk({ kiosk: { siteName: 'Emmaüs Connect — Paris 18e' } });
    expect(await pageDirection(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bienvenue');
    await expect(page.getByText('Emmaüs Connect — Paris 18e').isVisible()).resolves.toBe(true);
    await expect(
      page.getByRole('heading', { name: 'Choisissez votre langue' }).isVisible(),
    ).resolves.toBe(true);
    const pressed = page.getByRole('button', { pressed: true });
    await expect(pressed.textContent()).resolves.toBe('Français');
    await saveScreen(page, 'attract-fr');
    expect(errors).toEqual([]);
  });

  it('shows the attract screen right to left when Arabic is the default', async () => {
    const { page, errors } = await openKiosk({
      kiosk: { siteName: 'Emmaüs Connect — Paris 18e' },
      languages: { default: 'ar' },
    });
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await pageDirection(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('أهلاً وسهلاً');
    await expect(
      page.getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    // Right to left: the first language in reading order sits at the right.
    const french = await page.getByRole('button', { name: 'Français' }).boundingBox();
    const arabic = await page.getByRole('button', { name: 'العربية' }).boundingBox();
    expect(french && arabic && french.x > arabic.x).toBe(true);
    await saveScreen(page, 'attract-ar');
    expect(errors).toEqual([]);
  });

  it('reads itself aloud on request, without starting a session', async () => {
    const { page } = await openKiosk();
    const speech = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/speech',
    );
    await page.getByRole('button', { name: 'Écouter' }).tap();
    const response = await speech;
    expect(new URL(response.url()).searchParams.get('text')).toBe(
      'Bienvenue. Cette borne vous aide à faire vos démarches en ligne. Choisissez votre langue.',
    );
    expect(response.status()).toBe(200);
    expect(kiosk.state.host?.services.session.state.kind).toBe('attract');
  });

  it('has touch targets of at least 64 px and body text of at least 22 px', async () => {
    const { page } = await openKiosk();
    const buttons = await page.getByRole('button').all();
    // Eight languages, "Écouter", "Appeler un bénévole", "Affichage".
    expect(buttons.length).toBe(11);
    for (const button of buttons) {
      const box = await button.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(64);
      expect(box?.width).toBeGreaterThanOrEqual(64);
    }
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('main p, main h1, main h2, button')].map((el) =>
          Number.parseFloat(getComputedStyle(el).fontSize),
        ),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(22);
    // Everything fits on a 1280×800 screen: a kiosk has no scrollbar to discover.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it.each(['fr', 'ar'] as const)(
    'passes axe (WCAG AAA contrast, target size) in %s',
    async (language) => {
      const { page } = await openKiosk({ languages: { default: language } });
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('follows the configuration: default language and enabled languages', async () => {
    const { page } = await openKiosk({ languages: { default: 'ar', enabled: ['ar', 'fr'] } });
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('أهلاً وسهلاً');
    const names = await page.locator('.languages__list').getByRole('button').allTextContents();
    expect(names).toEqual(['العربية', 'Français']);
  });

  it('starts on defaults with an invalid config file and says so discreetly', async () => {
    const { page } = await openKiosk('{"languages": {"default": "de"}}');
    await expect(page.getByTestId('config-warning').textContent()).resolves.toBe(
      'Fichier de configuration invalide : réglages par défaut',
    );
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bienvenue');
  });

  it('updates live when the configuration is reloaded', async () => {
    const { page } = await openKiosk({ kiosk: { siteName: 'Avant' } });
    await expect(page.getByText('Avant').isVisible()).resolves.toBe(true);
    kiosk.state.host?.writeConfig({ kiosk: { siteName: 'Après' } });
    kiosk.state.host?.config.reload();
    await page.getByText('Après').waitFor();
  });

  it('reconnects by itself when the host restarts, and reads the new configuration', async () => {
    const { page, errors } = await openKiosk({ kiosk: { siteName: 'Avant' } });
    const first = kiosk.state.host as TestHost;
    const port = first.port;
    await first.close();
    kiosk.state.host = await startTestHost({ kiosk: { siteName: 'Après redémarrage' } }, port);
    await page.getByText('Après redémarrage').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-screen="attract"]').isVisible()).resolves.toBe(true);
    // Network errors while the host was down are expected (refused, reset, empty); no script error.
    expect(
      errors.filter((text) => !/WebSocket|Failed to load resource: net::ERR_/.test(text)),
    ).toEqual([]);
  });
});
