/**
 * A volunteer for e2e tests: Awa, badge 0012345678 and PIN 4821, enrolled
 * the way a site does it (`borne staff entry` with this kiosk's site secret),
 * then signed in with the badge on a wedge reader and the PIN on the pad.
 */
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { runCli } from '../../main/cli/borne-cli.js';
import { typeLikeReader } from './reader-keys.js';
import type { TestHost } from './test-host.js';

export const AWA = { name: 'Awa', badge: '0012345678', pin: '4821' };

/** Awa's staff entry as `borne staff entry` makes it with the site secret of `dataDir`. */
export async function staffEntry(dataDir: string): Promise<unknown> {
  let entry = '';
  const previous = process.env.BORNE_DATA_DIR;
  process.env.BORNE_DATA_DIR = dataDir;
  try {
    const code = await runCli(['staff', 'entry', '--name', AWA.name], {
      out: (text) => (entry += text),
      err: () => {},
      outBytes: () => {},
      readInput: () => Promise.resolve(`${AWA.badge}\n${AWA.pin}\n`),
    });
    expect(code).toBe(0);
  } finally {
    if (previous === undefined) delete process.env.BORNE_DATA_DIR;
    else process.env.BORNE_DATA_DIR = previous;
  }
  expect(entry).not.toContain(AWA.badge);
  expect(entry).not.toContain(AWA.pin);
  return JSON.parse(entry) as unknown;
}

/** Adds Awa to the host's configuration (on top of `config`) and reloads it. */
export async function enrolAwa(host: TestHost, config: Record<string, unknown>): Promise<void> {
  const entry = await staffEntry(join(dirname(host.configPath), 'data'));
  host.writeConfig({ ...config, staff: { members: [entry] } });
  host.config.reload();
}

/** The PIN pad's submit button, in the languages the tests sign in with. */
const SUBMIT = /^(Valider|تأكيد)$/;

export async function pressPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).tap();
  await page.getByRole('button', { name: SUBMIT }).tap();
}

/**
 * Badge on the wedge reader, PIN on the pad, until the staff space shows.
 * With a visitor at the kiosk, the badge first asks what Awa came for: the
 * staff space, confirmed (the visit ends once the PIN is right).
 */
export async function signInAwa(page: Page): Promise<void> {
  await typeLikeReader(page, AWA.badge, 'qwerty');
  const pin = page.getByTestId('staff-pin-dialog');
  const arrived = page.getByTestId('staff-arrived');
  await pin.or(arrived).waitFor({ timeout: 5000 });
  if (await arrived.isVisible()) {
    await page.getByTestId('arrived-staff').tap();
    await page.getByTestId('arrived-confirm').tap();
  }
  await pin.waitFor({ timeout: 5000 });
  await pressPin(page, AWA.pin);
  await page.locator('[data-screen="staff"]').waitFor({ timeout: 5000 });
}
