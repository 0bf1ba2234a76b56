import { type Browser, chromium } from 'playwright-core';
import { findChromium, quietChromiumFlags } from '../../main/host/chromium.js';

/** Debian's Chromium, driven by playwright-core (never a downloaded browser). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      "Chromium not found: run `npm test` (it installs Debian's chromium) or set BORNE_CHROMIUM",
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...quietChromiumFlags(process.getuid?.() === 0), '--disable-gpu', ...extraArgs],
  });
}
