import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, hasDisplay, kioskChromiumArgs } from './chromium.js';

export interface KioskWindow {
  process: ChildProcess;
  close(): void;
}

/**
 * Opens the kiosk page in Chromium's kiosk mode with a fresh profile that is
 * deleted on close. Returns why not when it cannot.
 */
export function openKioskWindow(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): KioskWindow | { unavailable: string } {
  const chromium = findChromium(env);
  if (!chromium) {
    return {
      unavailable: `no Chromium found (install Debian's chromium): open ${url} in a browser`,
    };
  }
  if (!hasDisplay(env))
    return { unavailable: 'no display (DISPLAY or WAYLAND_DISPLAY): serving only' };
  const profile = mkdtempSync(join(tmpdir(), 'borne-chromium-'));
  const isRoot = process.getuid?.() === 0;
  const child = spawn(chromium, kioskChromiumArgs(url, profile, isRoot), { stdio: 'ignore' });
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  child.once('exit', removeProfile);
  return {
    process: child,
    close: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      else removeProfile();
    },
  };
}
