import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskChromiumArgs, quietChromiumFlags } from '../../../main/host/chromium.js';
import { openKioskWindow } from '../../../main/host/kiosk-window.js';

describe('Chromium kiosk window', () => {
  it('opens the page as a kiosk app in a throw-away profile', () => {
    const args = kioskChromiumArgs('http://127.0.0.1:5180/', '/tmp/profile', false);
    expect(args).toContain('--kiosk');
    expect(args).toContain('--app=http://127.0.0.1:5180/');
    expect(args).toContain('--user-data-dir=/tmp/profile');
    expect(args).toContain('--disable-background-networking');
    expect(args).not.toContain('--no-sandbox');
  });

  it('drops the sandbox only when it must (running as root)', () => {
    expect(quietChromiumFlags(true)).toContain('--no-sandbox');
    expect(quietChromiumFlags(false)).not.toContain('--no-sandbox');
  });

  it('says why no window opens', () => {
    expect(
      openKioskWindow('http://x/', { BORNE_CHROMIUM: '/nonexistent/chromium', DISPLAY: ':0' }),
    ).toEqual({
      unavailable: expect.stringContaining('no Chromium found'),
    });
    const fake = fakeChromium().path;
    expect(openKioskWindow('http://x/', { BORNE_CHROMIUM: fake })).toEqual({
      unavailable: 'no display (DISPLAY or WAYLAND_DISPLAY): serving only',
    });
  });

  it('launches Chromium with the kiosk flags and deletes its profile on close', async () => {
    const fake = fakeChromium();
    const window = openKioskWindow('http://127.0.0.1:9/', {
      BORNE_CHROMIUM: fake.path,
      DISPLAY: ':99',
    });
    if (!('process' in window)) throw new Error(window.unavailable);
    await waitFor(() => existsSync(fake.argsFile));
    const args = readFileSync(fake.argsFile, 'utf8').trim().split('\n');
    expect(args).toContain('--app=http://127.0.0.1:9/');
    const profile = args
      .find((arg) => arg.startsWith('--user-data-dir='))
      ?.slice('--user-data-dir='.length);
    expect(profile && existsSync(profile)).toBe(true);
    const exited = new Promise((resolve) => window.process.once('exit', resolve));
    window.close();
    await exited;
    await waitFor(() => !existsSync(profile ?? ''));
  });
});

/** A stand-in for Chromium that records its arguments and waits to be killed. */
function fakeChromium() {
  const dir = mkdtempSync(join(tmpdir(), 'borne-fake-chromium-'));
  const path = join(dir, 'chromium');
  const argsFile = join(dir, 'args.txt');
  writeFileSync(
    path,
    `#!/bin/sh\nprintf '%s\\n' "$@" > ${argsFile}.tmp\nmv ${argsFile}.tmp ${argsFile}\nexec sleep 30\n`,
  );
  chmodSync(path, 0o755);
  return { path, argsFile };
}

async function waitFor(condition: () => boolean, limitMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
