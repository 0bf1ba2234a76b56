/**
 * A visitor presents an ID card to a keyboard-wedge MRZ reader: the kiosk
 * starts the session, shows what it read (French and Arabic), lets the
 * visitor erase it at once, and forgets it at the reset in any case. A
 * member card gets a one-line confirmation, without its number.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { FR_ID } from '../support/mrz-specimens.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { typeLikeReader } from '../support/reader-keys.js';
import { saveScreen } from '../support/screenshots.js';

const kiosk = useKioskPages();
const FR_ID_LINES = FR_ID.split('\n');

const wedge = (role: string) => ({ readers: { wedge: { enabled: true, role } } });

describe('ID card through a keyboard-wedge reader', () => {
  it('shows what was read, in the visitor’s language, and erases it on request', async () => {
    const { page, errors } = await kiosk.open(wedge('id-card'));
    for (const line of FR_ID_LINES) await typeLikeReader(page, line, 'qwerty');
    const dialog = page.getByTestId('id-card-dialog');
    await dialog.waitFor({ timeout: 5000 });
    expect(kiosk.state.host?.services.session.state.kind).toBe('active');
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('Votre carte a été lue');
    const text = await dialog.textContent();
    for (const expected of ['BERTHIER', 'CORINNE', '06/12/65', '880692310285', 'FRA']) {
      expect(text).toContain(expected);
    }
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'id-card-fr');
    expect(kiosk.state.host?.services.readers.idCard?.fields.lastName).toBe('BERTHIER');

    await page.getByRole('button', { name: 'Effacer ces informations' }).tap();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => kiosk.state.host?.services.readers.idCard).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('reads right to left in Arabic, and the reset forgets the card', async () => {
    const { page } = await kiosk.open(wedge('id-card'));
    await page.getByRole('button', { name: 'العربية' }).tap();
    await page.locator('[data-screen="home"]').waitFor();
    for (const line of FR_ID_LINES) await typeLikeReader(page, line, 'qwerty');
    const dialog = page.getByTestId('id-card-dialog');
    await dialog.waitFor({ timeout: 5000 });
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe('تمت قراءة بطاقتك');
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'id-card-ar');
    await page.getByRole('button', { name: 'إغلاق' }).tap();
    expect(kiosk.state.host?.services.readers.idCard?.valid).toBe(true);
    kiosk.state.host?.services.session.dispatch({ type: 'end', by: 'visitor' });
    await page.locator('[data-screen="attract"]').waitFor({ timeout: 10_000 });
    expect(kiosk.state.host?.services.readers.idCard).toBeUndefined();
  });

  it('says plainly when the card could not be read', async () => {
    const { page } = await kiosk.open(wedge('id-card'));
    await typeLikeReader(page, 'IDFRABERTHIER<<<<<<<<', 'qwerty');
    const dialog = page.getByTestId('id-card-dialog');
    await dialog.waitFor({ timeout: 5000 });
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe(
      'La carte n’a pas pu être lue',
    );
  });
});

describe('member card through a keyboard-wedge reader', () => {
  it('confirms the read in one line, and never shows the number', async () => {
    const { page } = await kiosk.open(wedge('member-card'));
    await typeLikeReader(page, 'ADH0012345', 'qwerty');
    const status = page.getByTestId('reader-status');
    await status.waitFor({ timeout: 5000 });
    await expect(status.textContent()).resolves.toBe('Carte lue.');
    expect(await page.content()).not.toContain('0012345');
  });
});
