/**
 * The fleet console in Chromium, with a kiosk enrolled for real beside it:
 * the first admin signs in with the setup token, makes a site and an
 * enrolment code, the kiosk enrols; the admin checks and publishes the
 * site's configuration and sees the kiosk apply it; "end the visitor's
 * session" ends the visit on the kiosk's screen and shows acknowledged;
 * "hors service" shows the admin's message on the kiosk, until unlocked.
 * Every console screen passes axe.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../main/app/paths.js';
import { enrolKiosk } from '../../main/fleet/enrolment.js';
import { axeViolations } from '../support/axe.js';
import { launchChromium } from '../support/chromium.js';
import { ADMIN, removeDir, startTestServer, type TestServer } from '../support/fleet-server.js';
import { saveScreen } from '../support/screenshots.js';
import { signInAwa, staffEntry } from '../support/staff-sign-in.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

let browser: Browser;
let server: TestServer;
let consolePage: Page;
let kioskPage: Page;
let kiosk: TestHost;
const kioskDir = mkdtempSync(join(tmpdir(), 'borne-enrolled-kiosk-'));
let awaEntry: unknown;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestServer({ consoleDir: join(projectRoot(), 'dist', 'console') });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(10_000);
  consolePage = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
  await server?.stop();
  removeDir(server.dataDir);
  removeDir(kioskDir);
});

async function tab(name: string) {
  await consolePage
    .getByRole('navigation', { name: 'Rubriques' })
    .getByRole('button', { name })
    .click();
  await consolePage.getByRole('heading', { level: 1, name }).waitFor();
}

describe('the fleet console', () => {
  it('creates the first admin from the one-time setup token and signs them in', async () => {
    await consolePage.goto(server.url);
    await consolePage.getByRole('heading', { name: 'Première installation' }).waitFor();
    expect(await axeViolations(consolePage)).toEqual([]);
    await consolePage.getByLabel('Jeton de première installation').fill(String(server.setupToken));
    await consolePage.getByLabel('Identifiant').fill(ADMIN.username);
    await consolePage.getByLabel(/Mot de passe/).fill(ADMIN.password);
    await consolePage.getByRole('button', { name: 'Créer le compte et se connecter' }).click();
    await consolePage.getByText('camille (administrateur)').waitFor();
    await consolePage.getByText('Aucune borne inscrite.', { exact: false }).waitFor();
  });

  it('makes a site and a one-time enrolment code, with which a kiosk enrols', async () => {
    await tab('Sites');
    await consolePage.getByLabel('Nom').fill('Emmaüs Connect Lyon 8e');
    await consolePage.getByLabel('Identifiant (minuscules, chiffres, tirets)').fill('lyon-8');
    await consolePage.getByRole('button', { name: 'Créer le site' }).click();
    await consolePage.getByRole('rowheader', { name: 'Emmaüs Connect Lyon 8e' }).waitFor();
    await consolePage.getByRole('button', { name: "Créer un code d'inscription" }).click();
    const code = (await consolePage.getByTestId('enrolment-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(await axeViolations(consolePage)).toEqual([]);
    await saveScreen(consolePage, 'console-sites');

    const enrolled = await enrolKiosk({
      serverUrl: server.url,
      code,
      dataDir: kioskDir,
      name: 'Accueil 1',
      appVersion: '0.1.0',
    });
    expect(enrolled).toMatchObject({ ok: true, siteId: 'lyon-8' });
    // The site's staff list is made with the site's secret, which the kiosk received sealed.
    awaEntry = await staffEntry(kioskDir);
    kiosk = await startTestHost({ kiosk: { siteName: 'Nom du fichier' } }, 0, undefined, kioskDir);
    await kiosk.services.fleet.syncNow();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
    });
    context.setDefaultTimeout(10_000);
    kioskPage = await context.newPage();
    await kioskPage.goto(kiosk.url);
    await kioskPage.locator('[data-screen="attract"]').waitFor();
  });

  it('checks a configuration with the kiosk’s schema, publishes it, and the kiosk applies it', async () => {
    await tab('Configuration');
    await consolePage.getByLabel('Portée', { exact: true }).selectOption('site:lyon-8');
    const text = consolePage.getByTestId('config-text');
    await text.fill('{ "session": { "idleSeconds": 5 } }');
    await consolePage.getByRole('button', { name: 'Vérifier' }).click();
    await consolePage.getByRole('alert').getByText('Configuration refusée :').waitFor();
    expect(await consolePage.getByRole('alert').textContent()).toContain('session.idleSeconds');

    await text.fill(
      JSON.stringify({
        kiosk: { siteName: 'Emmaüs Connect — Lyon 8e' },
        session: { idleSeconds: 240 },
        readers: { wedge: { enabled: true, role: 'staff-badge' } },
        staff: { members: [awaEntry] },
      }),
    );
    await consolePage.getByRole('button', { name: 'Vérifier' }).click();
    await consolePage
      .getByText('La configuration est valide pour toutes les bornes concernées.')
      .waitFor();
    expect(await axeViolations(consolePage)).toEqual([]);
    await saveScreen(consolePage, 'console-config');
    await consolePage.getByRole('button', { name: 'Publier' }).click();
    await consolePage
      .getByText("Version 1 publiée : les bornes l'appliqueront entre deux visiteurs.")
      .waitFor();

    await kiosk.services.fleet.syncNow();
    expect(kiosk.config.current.status.source).toBe('fleet');
    expect(kiosk.config.config.session.idleSeconds).toBe(240);
    await kioskPage.getByText('Emmaüs Connect — Lyon 8e').first().waitFor();

    await tab('Bornes');
    const row = consolePage.locator(`tr[data-kiosk="${kiosk.services.fleet.view()?.kioskId}"]`);
    await row.getByText('en ligne').waitFor();
    await row.getByText('site:lyon-8 v1').waitFor();
    expect(await axeViolations(consolePage)).toEqual([]);
    await saveScreen(consolePage, 'console-kiosks');
  });

  it('ends the visitor’s session on the kiosk, and shows the command acknowledged', async () => {
    await kioskPage.getByRole('button', { name: 'Français' }).tap();
    await kioskPage.locator('[data-screen="home"]').waitFor();
    expect(kiosk.services.session.state.kind).toBe('active');

    await consolePage.getByRole('button', { name: 'Commandes' }).click();
    await consolePage.getByRole('button', { name: 'Terminer la session du visiteur' }).click();
    await consolePage
      .getByText('« Terminer la session du visiteur » envoyée à Accueil 1.')
      .waitFor();
    await kiosk.services.fleet.syncNow();
    await kioskPage.locator('[data-screen="attract"]').waitFor();
    const done = consolePage.locator('tr[data-command-state="done"]');
    await done.getByText('session du visiteur terminée').waitFor();
    expect(await axeViolations(consolePage)).toEqual([]);
    await saveScreen(consolePage, 'console-commands');
  });

  it('puts the kiosk "hors service" with the admin’s message, and back in service', async () => {
    await consolePage
      .getByLabel('Message affiché aux visiteurs')
      .fill('Borne en maintenance, revenez cet après-midi.');
    await consolePage.getByRole('button', { name: 'Mettre hors service' }).click();
    await kiosk.services.fleet.syncNow();
    await kioskPage.locator('[data-screen="out-of-service"]').waitFor();
    expect(await kioskPage.getByTestId('out-of-service-message').textContent()).toBe(
      'Borne en maintenance, revenez cet après-midi.',
    );
    await kioskPage.locator('[data-screen="out-of-service"]').tap();
    expect(kiosk.services.session.state.kind).toBe('attract');
    expect(await axeViolations(kioskPage)).toEqual([]);
    await saveScreen(kioskPage, 'kiosk-out-of-service-fr');

    await consolePage.getByRole('button', { name: 'Remettre en service' }).click();
    await kiosk.services.fleet.syncNow();
    await kioskPage.locator('[data-screen="attract"]').waitFor();
  });

  it('tells staff in their space that the fleet server answers, and what is in service', async () => {
    await signInAwa(kioskPage);
    const line = kioskPage.getByTestId('device-fleet');
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      /^Serveur de flotte : joint à \d\d:\d\d ; configuration en service : site:lyon-8 v1$/,
    );
    await line.scrollIntoViewIfNeeded();
    await saveScreen(kioskPage, 'staff-fleet-fr');
  });

  it('shows the statistics and the audit log of what was done', async () => {
    await tab('Statistiques');
    await consolePage
      .getByText('Les nombres qui reposent sur moins de 10 visites', { exact: false })
      .waitFor();
    expect(await axeViolations(consolePage)).toEqual([]);
    await tab('Journal');
    for (const action of [
      'site.created',
      'kiosk.enrolled',
      'config.published',
      'command.end-session',
      'command.done',
      'command.lock',
    ]) {
      await consolePage.getByRole('cell', { name: action, exact: true }).first().waitFor();
    }
    expect(await axeViolations(consolePage)).toEqual([]);
    await saveScreen(consolePage, 'console-audit');
  });
});
