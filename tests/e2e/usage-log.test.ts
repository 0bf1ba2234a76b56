/**
 * The usage log as people meet it, in Chromium through the browser host.
 * A visitor follows a procedure, has her ID card read and copied into the
 * official site, types her e-mail address on the on-screen keyboard, and
 * leaves: the usage database, its WAL and the export hold the visit's
 * counts and none of what she typed or showed. Awa then reads the
 * statistics screen (French and Arabic) and exports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../main/members/membership-period.js';
import { UsageStore } from '../../main/usage/usage-store.js';
import { axeViolations } from '../support/axe.js';
import { useGuidedKiosk } from '../support/guided-kiosk-fixture.js';
import { FR_ID, FR_ID_FIELDS } from '../support/mrz-specimens.js';
import { typeLikeReader } from '../support/reader-keys.js';
import { saveScreen } from '../support/screenshots.js';
import { enrolAwa, signInAwa } from '../support/staff-sign-in.js';
import type { TestHost } from '../support/test-host.js';
import { FRANCE_TRAVAIL, visitRecords } from '../support/usage-visits.js';

const guidedKiosk = useGuidedKiosk();

const key = (page: Page, name: string) =>
  page.locator(`[data-testid="on-screen-keyboard"] [data-skbtn="${name}"]`).tap();

const dataDirOf = (host: TestHost) => join(dirname(host.configPath), 'data');

/** Every file the usage log wrote: the database, its WAL, the exports. */
function usageFiles(host: TestHost): { name: string; bytes: Buffer }[] {
  const dir = dataDirOf(host);
  const files = readdirSync(dir)
    .filter((name) => name.startsWith('usage.sqlite'))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  const exports = join(dir, 'exports');
  for (const name of readdirSync(exports)) {
    files.push({ name: `exports/${name}`, bytes: readFileSync(join(exports, name)) });
  }
  return files;
}

/** A value as the files could hold it: as typed, in capitals or not, in UTF-8 or UTF-16. */
const encodings = (value: string) =>
  [value, value.toLowerCase(), value.toUpperCase()].flatMap((text) => [
    Buffer.from(text, 'utf8'),
    Buffer.from(text, 'utf16le'),
  ]);

describe('the usage log', () => {
  it('keeps a visit’s counts and nothing of the visitor: not her card, not her e-mail, not the session', async () => {
    const {
      page,
      host,
      site: sitePage,
    } = await guidedKiosk.open({
      kiosk: { id: 'lyon-8-accueil' },
      readers: { wedge: { enabled: true, role: 'id-card' } },
    });
    await page.getByRole('heading', { level: 1 }).tap();
    await page.getByRole('button', { name: 'Emploi' }).tap();
    await page.getByRole('button', { name: /M’actualiser chaque mois/ }).tap();
    await page.getByRole('button', { name: 'Commencer' }).tap();
    const sessionId = host.services.session.state.sessionId;
    const site = await sitePage();
    await site.getByRole('button', { name: 'Continuer sans accepter' }).click();

    // Her ID card, read and copied into the site's field.
    await site.locator('#identifiant').focus();
    for (const line of FR_ID.split('\n')) await typeLikeReader(page, line, 'qwerty');
    const dialog = page.getByTestId('id-card-dialog');
    await dialog.getByRole('button', { name: 'Copier « Nom » dans le site' }).tap();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => site.locator('#identifiant').inputValue()).toBe('BERTHIER');

    // Her e-mail address on the on-screen keyboard, in the same field.
    await site.locator('#identifiant').click();
    await page.getByTestId('on-screen-keyboard').waitFor();
    for (const name of ['{bksp}', '{bksp}', '{bksp}', '{bksp}', '{bksp}', '{bksp}', '{bksp}']) {
      await key(page, name);
    }
    for (const letter of 'corinne') await key(page, letter);
    await key(page, '@gmail.com');
    const email = await site.locator('#identifiant').inputValue();
    expect(email).toBe('Bcorinne@gmail.com');

    // She leaves; the reset writes what was queued.
    await host.services.handlers['session.end']({});
    await host.services.session.settled;
    const exported = await host.services.usage.handlers['stats.export']({ days: 7 });
    const events = host.services.usage.recorded();
    expect(events.map((event) => `${event.kind}${event.aid ? `:${event.aid}` : ''}`)).toEqual(
      expect.arrayContaining([
        'session-started',
        'procedure-started',
        'step-reached',
        'aid-used:id-card-copied',
        'aid-used:keyboard',
        'procedure-abandoned',
        'session-ended',
      ]),
    );
    // One visit, one pseudonym, and every row stamped with this kiosk.
    expect(new Set(events.map((event) => event.visit))).toEqual(new Set([events[0]?.visit]));
    expect(events.every((event) => event.kioskId === 'lyon-8-accueil')).toBe(true);
    expect(exported.file).toMatch(/exports\/statistiques-.*\.csv$/);

    const files = usageFiles(host);
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining(['usage.sqlite', 'usage.sqlite-wal']),
    );
    // The scan reads what is there: the procedure's id is found.
    expect(files.some((file) => file.bytes.includes('france-travail-actualisation'))).toBe(true);
    const personal = [
      FR_ID_FIELDS.lastName,
      FR_ID_FIELDS.firstNames,
      FR_ID_FIELDS.documentNumber,
      FR_ID_FIELDS.birthDate,
      ...FR_ID.split('\n'),
      email,
      'corinne@gmail',
      sessionId,
    ];
    const found = files.flatMap((file) =>
      personal
        .filter((value) => encodings(value).some((bytes) => file.bytes.includes(bytes)))
        .map((value) => `${value} in ${file.name}`),
    );
    expect(found).toEqual([]);
  });

  it('shows Awa the statistics in charts, and exports them with small counts suppressed', async () => {
    const config = { readers: { wedge: { enabled: true, role: 'staff-badge' } } };
    const { page, host } = await guidedKiosk.open(config);
    const visits = seedMonth(host);
    await enrolAwa(host, config);
    await signInAwa(page);
    await page.getByRole('button', { name: 'Statistiques' }).tap();
    const stats = page.getByTestId('stats');
    await stats.getByTestId('chart-per-day').locator('.recharts-bar-rectangle').first().waitFor();
    await expect(stats.getByTestId('figure-visits').locator('dd').textContent()).resolves.toBe(
      String(visits),
    );
    // Started and finished, and the share finished: 73 of the 192 seeded visits stop at step 2.
    await expect(stats.getByTestId('chart-procedures').textContent()).resolves.toMatch(
      /M’actualiser chaque mois.* \(62\s% terminées\)/,
    );
    await expect(stats.locator('#stats-waits').textContent()).resolves.toMatch(
      /^Attente d’un bénévole \(venus : \d+, appels annulés : 0\)$/,
    );
    await expect(stats.getByTestId('chart-abandons').textContent()).resolves.toMatch(
      /M’actualiser chaque mois.* : étape 2/,
    );
    // The devices list says the usage log is saving.
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'stats-fr');
    for (const chart of ['per-day', 'procedures', 'abandons', 'hours']) {
      await stats.getByTestId(`chart-${chart}`).scrollIntoViewIfNeeded();
      await saveScreen(page, `stats-${chart}-fr`);
    }
    await stats.getByRole('button', { name: 'Exporter en CSV' }).tap();
    await expect(stats.getByTestId('stats-exported').textContent()).resolves.toMatch(
      /Fichier enregistré : .*statistiques-.*\.csv\u2069?\. Cases de moins de 10 visites masquées : \d+\./,
    );
    await stats.getByRole('button', { name: 'Retour à l’espace équipe' }).tap();
    await expect(page.getByTestId('device-usage').textContent()).resolves.toBe(
      'Journal d’utilisation : enregistre normalement',
    );
  });

  it('reads right to left for staff who chose Arabic', async () => {
    const config = { readers: { wedge: { enabled: true, role: 'staff-badge' } } };
    const { page, host } = await guidedKiosk.open(config);
    seedMonth(host);
    await enrolAwa(host, config);
    await page.getByRole('button', { name: 'العربية' }).tap();
    await page.locator('[data-screen="home"]').waitFor();
    await signInAwa(page);
    await page.getByRole('button', { name: 'الإحصاءات' }).tap();
    const stats = page.getByTestId('stats');
    await stats.getByTestId('chart-hours').locator('.recharts-bar-rectangle').first().waitFor();
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'stats-ar');
    for (const chart of ['per-day', 'abandons', 'hours']) {
      await stats.getByTestId(`chart-${chart}`).scrollIntoViewIfNeeded();
      await saveScreen(page, `stats-${chart}-ar`);
    }
  });
});

/**
 * A month of visits in the kiosk's usage file, as a welcome point has them:
 * mornings and afternoons, some in Arabic, the France Travail update finished
 * or left at the password step. Returns how many visits it wrote.
 */
function seedMonth(host: TestHost): number {
  const store = new UsageStore(join(dataDirOf(host), 'usage.sqlite'));
  const today = dayOf(new Date());
  let count = 0;
  for (let back = 27; back >= 0; back -= 1) {
    const day = addDays(today, -back);
    for (let visit = 0; visit < 3 + ((back * 7) % 9); visit += 1) {
      store.insert(
        visitRecords({
          day,
          hour: [9, 10, 11, 14, 15, 16][visit % 6] ?? 10,
          language: visit % 4 === 0 ? 'ar' : 'fr',
          procedure: { ...FRANCE_TRAVAIL, reached: visit % 3 === 0 ? 2 : 6 },
          ...(visit % 5 === 0 ? { help: 'answered' as const } : {}),
          aids: visit % 2 === 0 ? ['keyboard'] : ['read-aloud'],
        }),
      );
      count += 1;
    }
  }
  store.close();
  return count;
}
