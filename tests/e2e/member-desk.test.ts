/**
 * The staff desk looks up a visitor's member card: Awa signs in, swipes the
 * card on the magnetic-stripe reader (a recorded report through the real
 * HID decoding path), sees it is unknown, enrols it for the configured
 * months, and finds it known on the next swipe. The registry on disk holds
 * the card's pseudonym, never its number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dayOf, periodEnd } from '../../main/members/membership-period.js';
import { axeViolations } from '../support/axe.js';
import {
  DESK_READERS,
  deskReader,
  MEMBER_CARD_NUMBER as CARD_NUMBER,
} from '../support/desk-reader.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { saveScreen } from '../support/screenshots.js';
import { enrolAwa, signInAwa } from '../support/staff-sign-in.js';

const kiosk = useKioskPages();
const CONFIG = { readers: DESK_READERS, membership: { validityMonths: 6 } };

async function openDesk(): Promise<{ page: Page; swipe: () => void; dataDir: string }> {
  const reader = deskReader();
  const { page } = await kiosk.open(CONFIG, undefined, reader.backend);
  const host = kiosk.state.host;
  if (!host) throw new Error('no host');
  await enrolAwa(host, CONFIG);
  await signInAwa(page);
  // The reader polls for its device: wait until it is open before swiping.
  await expect
    .poll(() => host.services.readers.statuses().cartes?.state, { timeout: 5000 })
    .toBe('connected');
  return { page, swipe: reader.swipe, dataDir: join(dirname(host.configPath), 'data') };
}

const longDay = (day: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

describe('member cards at the staff desk', () => {
  it('enrols an unknown card, then finds it known and offers to extend it', async () => {
    const { page, swipe, dataDir } = await openDesk();
    const panel = page.getByTestId('member-panel');
    await expect(page.getByTestId('member-status').textContent()).resolves.toBe(
      'Passez la carte d’un adhérent sur le lecteur pour voir ses droits.',
    );

    swipe();
    const status = page.getByTestId('member-status');
    await expect
      .poll(() => status.textContent(), { timeout: 5000 })
      .toBe('Carte inconnue : elle n’est pas encore inscrite.');
    const today = dayOf(new Date());
    const end = periodEnd(today, null, 6);
    await panel.getByRole('button', { name: `Inscrire jusqu’au ${longDay(end, 'fr')}` }).tap();
    await expect
      .poll(() => status.textContent())
      .toBe(`Droits aux prix solidaires valables jusqu’au ${longDay(end, 'fr')}.`);
    expect(await panel.textContent()).toContain('C’est enregistré.');
    // One swipe, one enrolment: the button is gone, a double tap cannot add months.
    expect(await panel.getByRole('button', { name: /Inscrire|Prolonger/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'staff-member-fr');

    await panel.getByRole('button', { name: 'Terminé' }).tap();
    await expect
      .poll(() => status.textContent())
      .toBe('Passez la carte d’un adhérent sur le lecteur pour voir ses droits.');
    swipe();
    const extended = periodEnd(today, end, 6);
    await panel
      .getByRole('button', { name: `Prolonger jusqu’au ${longDay(extended, 'fr')}` })
      .waitFor({ timeout: 5000 });

    // On disk: the pseudonym, never the card number.
    for (const file of readdirSync(dataDir).filter((name) => name.startsWith('members.sqlite'))) {
      expect(readFileSync(join(dataDir, file)).includes(CARD_NUMBER), file).toBe(false);
    }
    expect(kiosk.state.host?.services.members.registry().counts()).toEqual({
      active: 1,
      expired: 0,
    });

    // Signing out takes the card off the desk.
    await page.getByRole('button', { name: 'Se déconnecter' }).tap();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
    expect(kiosk.state.host?.services.members.view()).toEqual({ state: 'none' });
  });

  it('reads in Arabic for staff who chose it', async () => {
    const reader = deskReader();
    const { page } = await kiosk.open(CONFIG, undefined, reader.backend);
    const host = kiosk.state.host;
    if (!host) throw new Error('no host');
    await enrolAwa(host, CONFIG);
    await page.getByRole('button', { name: 'العربية' }).tap();
    await page.locator('[data-screen="home"]').waitFor();
    await signInAwa(page);
    await expect
      .poll(() => host.services.readers.statuses().cartes?.state, { timeout: 5000 })
      .toBe('connected');
    reader.swipe();
    await expect
      .poll(() => page.getByTestId('member-status').textContent(), { timeout: 5000 })
      .toBe('بطاقة غير معروفة: لم يتم تسجيلها بعد.');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'staff-member-ar');
  });
});
