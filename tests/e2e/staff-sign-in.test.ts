/**
 * A volunteer signs in at the kiosk: badge on the reader, PIN on the pad,
 * the staff space opens (the visitor's session is ended first); a wrong PIN
 * says how many tries are left; an unknown badge is said so; signing out
 * brings the attract screen back. The configuration entry comes from
 * `borne staff entry`, with this kiosk's site secret.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startVirtualPrinter } from '../../native/printer/virtual-printer.js';
import { axeViolations } from '../support/axe.js';
import { startCupsPrinter } from '../support/cups-printer.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { typeLikeReader } from '../support/reader-keys.js';
import { saveScreen } from '../support/screenshots.js';
import { AWA, enrolAwa, pressPin, signInAwa } from '../support/staff-sign-in.js';

const kiosk = useKioskPages();
const BADGE = AWA.badge;

/** Opens the kiosk with a wedge badge reader and Awa enrolled (badge 0012345678, PIN 4821). */
async function openWithAwa(devices: object = {}): Promise<Page> {
  const config = { readers: { wedge: { enabled: true, role: 'staff-badge' } }, ...devices };
  const { page } = await kiosk.open(config);
  const host = kiosk.state.host;
  if (!host) throw new Error('no host');
  await enrolAwa(host, config);
  return page;
}

const signIn = signInAwa;

describe('staff sign-in with badge and PIN', () => {
  it('opens the staff space after the badge and the right PIN, and signs out', async () => {
    const page = await openWithAwa();
    // Nobody at the kiosk: the badge asks the PIN straight away.
    await typeLikeReader(page, BADGE, 'qwerty');
    const dialog = page.getByTestId('staff-pin-dialog');
    await dialog.waitFor({ timeout: 5000 });
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Bonjour Awa');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'staff-pin-fr');

    await pressPin(page, '4821');
    await page.locator('[data-screen="staff"]').waitFor({ timeout: 5000 });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Espace équipe',
    );
    // The visitor's session was ended (wiped) before the staff space opened.
    await expect.poll(() => kiosk.state.host?.services.session.state.kind).toBe('attract');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'staff-space-fr');

    await page.getByRole('button', { name: 'Se déconnecter' }).tap();
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 5000 });
  });

  it('shows staff the state of the printers and readers, in words', async () => {
    const printer = await startVirtualPrinter({ state: 'paper-out' });
    try {
      const page = await openWithAwa({
        readers: {
          wedge: { enabled: true, role: 'staff-badge' },
          hid: [
            {
              id: 'scanner',
              vendorId: 0x0c2e,
              productId: 0x0b61,
              decoder: 'hid-pos-scanner',
              role: 'product',
            },
          ],
        },
        printing: {
          printers: [
            { id: 'caisse', uri: `tcp://127.0.0.1:${printer.port}`, profile: 'generic-80' },
          ],
        },
      });
      await signIn(page);
      const devices = page.getByTestId('devices');
      await expect
        .poll(() => devices.textContent(), { timeout: 5000 })
        .toContain('Imprimante caisse : Plus de papier : changez le rouleau');
      expect(await devices.textContent()).toContain('Lecteur scanner : débranché ou éteint');
      expect(await axeViolations(page)).toEqual([]);
      await saveScreen(page, 'staff-devices-fr');
    } finally {
      await printer.close();
    }
  });

  it('shows the A4 printer as IPP reports it, and says when it cannot be reached', async () => {
    const office = await startCupsPrinter();
    try {
      const page = await openWithAwa({
        documents: { officePrinter: { queue: office.queue, server: office.server } },
      });
      await signIn(page);
      const line = page.getByTestId('device-office-printer');
      await expect
        .poll(() => line.textContent(), { timeout: 5000 })
        .toBe('Imprimante A4 borne-a4 : prête');
      expect(await page.getByTestId('devices').textContent()).not.toContain('Aucune imprimante');
      await line.scrollIntoViewIfNeeded();
      await saveScreen(page, 'staff-office-printer-fr');
      await office.close();
      // The list is asked again every 10 s: the scheduler is gone by then.
      await expect
        .poll(() => line.textContent(), { timeout: 15_000 })
        .toBe(
          'Imprimante A4 borne-a4 : injoignable : vérifiez qu’elle est allumée et branchée au réseau',
        );
    } finally {
      await office.close();
    }
  }, 60_000);

  it('says how many tries are left after a wrong PIN', async () => {
    const page = await openWithAwa();
    await typeLikeReader(page, BADGE, 'qwerty');
    await page.getByTestId('staff-pin-dialog').waitFor({ timeout: 5000 });
    await pressPin(page, '0000');
    await expect
      .poll(() => page.getByTestId('staff-pin-dialog').textContent())
      .toContain('Code incorrect. Essais restants : 2');
    expect(await page.locator('[data-screen="staff"]').count()).toBe(0);
  });

  it('says an unknown badge is unknown, and opens nothing', async () => {
    const page = await openWithAwa();
    await typeLikeReader(page, '0099999999', 'qwerty');
    const notice = page.getByTestId('staff-notice');
    await notice.waitFor({ timeout: 5000 });
    await expect(notice.textContent()).resolves.toBe('Badge inconnu sur cette borne.');
    expect(await page.getByTestId('staff-pin-dialog').count()).toBe(0);
  });
});
