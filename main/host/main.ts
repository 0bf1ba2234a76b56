/**
 * Entry of the browser host (`npm start` where the Electron binary is absent).
 * Prints the config it runs on, then `Borne ready: <url>`, then opens the
 * kiosk in Chromium unless BORNE_HEADLESS=1. SIGINT/SIGTERM stop it cleanly.
 */
import { bootKiosk } from '../app/boot.js';
import { rendererDir } from '../app/paths.js';
import { openBrowserWindow } from './browser-window.js';
import { findChromium } from './chromium.js';
import { readyLine } from './env-options.js';
import { kioskWindowUnavailable } from './kiosk-browser.js';

/** A clean stop must not take longer than this; past it the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 1500;

async function main(): Promise<void> {
  // The fleet's "restart": a clean stop; the kiosk unit (Restart=always) starts it again.
  const kiosk = await bootKiosk('browser', rendererDir(), () =>
    stop('restart requested by the fleet'),
  );
  console.log(readyLine(kiosk.server.url));

  let stopping = false;
  let closeWindow = async () => {};
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Borne stopping (${reason})`);
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    void Promise.all([closeWindow(), kiosk.stop()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', kiosk.reloadConfig);

  if (kiosk.options.headless) return;
  const unavailable = kioskWindowUnavailable();
  if (unavailable) {
    console.log(`Kiosk window: ${unavailable}`);
    return;
  }
  const window = await openBrowserWindow(kiosk, {
    executablePath: findChromium() as string,
    headless: false,
  });
  closeWindow = () => window.kiosk.close();
  window.kiosk.browser.once('disconnected', () => stop('kiosk window closed'));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      'Borne cannot start: the port is in use. Set BORNE_PORT to another port (0 = any).',
    );
  } else {
    console.error(`Borne cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
