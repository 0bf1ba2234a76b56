import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS, wallClock } from '../../main/session/opening-hours.js';
import { axeViolations } from '../support/axe.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { saveScreen } from '../support/screenshots.js';

const kiosk = useKioskPages();

/** A week open only on the day three days from now (in Paris), 09:30 to 12:30: closed today. */
function openInThreeDays() {
  const today = wallClock(new Date(), 'Europe/Paris').date;
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 3);
  const weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7] as string;
  return {
    day,
    openingHours: {
      timeZone: 'Europe/Paris',
      weekly: { [weekday]: [{ from: '09:30', to: '12:30' }] },
    },
  };
}

const dayIn = (language: string, day: Date) =>
  new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    calendar: 'gregory',
  }).format(day);

describe('opening hours and branding', () => {
  it('outside the opening hours, says when the kiosk opens again, and a touch starts no visit', async () => {
    const { day, openingHours } = openInThreeDays();
    const { page, errors } = await kiosk.open({
      kiosk: { siteName: 'Emmaüs Connect — Lyon 8e' },
      openingHours,
    });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'La borne est fermée',
    );
    await expect(page.getByTestId('attract-lead').textContent()).resolves.toBe(
      `Elle ouvre à nouveau le \u2068${dayIn('fr', day)}\u2069 à \u20689:30\u2069.`,
    );
    await page.locator('[data-screen="attract"]').tap();
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'The kiosk is closed',
    );
    expect(kiosk.state.host?.services.session.state.kind).toBe('attract');
    await page.getByRole('button', { name: 'Français' }).tap();
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'attract-closed-fr');
    expect(errors).toEqual([]);
  });

  it('says it right to left in Arabic, with the day in Arabic', async () => {
    const { day, openingHours } = openInThreeDays();
    const { page } = await kiosk.open({ languages: { default: 'ar' }, openingHours });
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'الجهاز مغلق',
    );
    await expect(page.getByTestId('attract-lead').textContent()).resolves.toContain(
      dayIn('ar', day),
    );
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'attract-closed-ar');
  });

  it('opens as soon as the hours allow it, without a restart', async () => {
    const { openingHours } = openInThreeDays();
    const { page } = await kiosk.open({ openingHours });
    await page.getByText('La borne est fermée').waitFor();
    kiosk.state.host?.writeConfig({ openingHours: { ...openingHours, weekly: undefined } });
    kiosk.state.host?.config.reload();
    await page.getByRole('heading', { name: 'Bienvenue' }).waitFor();
    await page.getByRole('button', { name: 'Français' }).tap();
    await expect.poll(() => kiosk.state.host?.services.session.state.kind).toBe('active');
  });

  it("shows the welcome point's logo and colour, still readable at 7:1", async () => {
    const logo = readFileSync('build/receipt/logo-exemple.png');
    const { page, errors } = await kiosk.open({
      kiosk: { siteName: 'Emmaüs Connect — Lyon 8e' },
      branding: { colour: '#5a1a6e', logo: logo.toString('base64') },
    });
    const image = page.locator('img.topbar__logo');
    await image.waitFor();
    await expect(image.evaluate((element: HTMLImageElement) => element.naturalWidth)).resolves.toBe(
      // The PNG's own width, from its header: the browser decoded the very file.
      logo.readUInt32BE(16),
    );
    await expect(
      page.locator('.attract__title').evaluate((element) => getComputedStyle(element).color),
    ).resolves.toBe('rgb(90, 26, 110)');
    const served = await page.request.get(new URL('/branding/logo', page.url()).href);
    expect(served.headers()['content-type']).toBe('image/png');
    expect(Buffer.from(await served.body()).equals(logo)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await saveScreen(page, 'attract-branding-fr');
    expect(errors).toEqual([]);
  });
});
