import { afterEach, describe, expect, it } from 'vitest';
import { type BrowserWindow, openBrowserWindow } from '../../main/host/browser-window.js';
import { findChromium } from '../../main/host/chromium.js';
import { startTestHost, type TestHost } from '../support/test-host.js';

let host: TestHost | undefined;
let window: BrowserWindow | undefined;

afterEach(async () => {
  await window?.kiosk.close();
  await host?.close();
  window = undefined;
  host = undefined;
});

async function openKiosk(): Promise<{ host: TestHost; window: BrowserWindow }> {
  host = await startTestHost();
  window = await openBrowserWindow(
    { server: host, services: host.services, config: host.config },
    { executablePath: findChromium() as string, headless: true },
  );
  await window.kiosk.page?.locator('[data-screen="attract"]').waitFor();
  return { host, window };
}

/** Waits until the UI shows the attract screen of a session other than `previous`. */
async function backToAttract(
  host: TestHost,
  window: BrowserWindow,
  previous: string,
): Promise<number> {
  const started = performance.now();
  await expect
    .poll(
      () =>
        host.services.session.state.kind === 'attract' &&
        host.services.session.state.sessionId !== previous,
      {
        timeout: 5000,
        interval: 50,
      },
    )
    .toBe(true);
  await expect
    .poll(async () => (await window.kiosk.page?.locator('[data-screen="attract"]').count()) ?? 0, {
      timeout: 5000,
    })
    .toBe(1);
  return performance.now() - started;
}

describe('renderer crash or hang', () => {
  it('a crashed UI renderer comes back on the attract screen, session wiped, within 5 s', async () => {
    const { host, window } = await openKiosk();
    await window.kiosk.page?.getByRole('button', { name: 'Français' }).click();
    await expect.poll(() => host.services.session.state.kind).toBe('active');
    const before = host.services.session.state.sessionId;
    const page = window.kiosk.page;
    const cdp = await page?.context().newCDPSession(page);
    void cdp?.send('Page.crash').catch(() => {});
    const ms = await backToAttract(host, window, before);
    console.log(`renderer crash → attract in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });

  it('a hung UI renderer is replaced, session wiped, within 5 s', async () => {
    const { host, window } = await openKiosk();
    await window.kiosk.page?.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => host.services.session.state.kind).toBe('active');
    const before = host.services.session.state.sessionId;
    void window.kiosk.page?.evaluate('for (;;) {}').catch(() => {});
    const ms = await backToAttract(host, window, before);
    console.log(`renderer hang → attract in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000);
  });
});
