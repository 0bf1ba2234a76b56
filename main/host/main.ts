/**
 * Entry of the browser host (`npm start` where the Electron binary is absent).
 * Prints the config it runs on, then `Borne ready: <url>`, then opens the
 * kiosk in Chromium unless BORNE_HEADLESS=1. SIGINT/SIGTERM stop it cleanly.
 */
import { ConfigStore } from '../app/config-store.js';
import { createKioskServices } from '../app/kiosk-services.js';
import { rendererDir } from '../app/paths.js';
import { describeLoadedConfig } from '../config/config-file.js';
import { resolveConfigPath } from '../config/config-path.js';
import { startKioskServer } from './kiosk-server.js';
import { readStartOptions, readyLine } from './env-options.js';
import { openKioskWindow } from './kiosk-window.js';

/** A clean stop must not take longer than this; past it the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 1500;

async function main(): Promise<void> {
  const options = readStartOptions();
  const config = new ConfigStore(resolveConfigPath());
  console.log(describeLoadedConfig(config.current));
  const services = createKioskServices({ host: 'browser', config });
  const host = await startKioskServer({
    port: options.port,
    rendererDir: rendererDir(),
    services,
    log: (line) => console.error(line),
  });
  console.log(readyLine(host.url));

  const window = options.headless ? null : openKioskWindow(host.url);
  if (window && 'unavailable' in window) console.log(`Kiosk window: ${window.unavailable}`);

  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Borne stopping (${reason})`);
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    if (window && 'close' in window) window.close();
    services.dispose();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => console.log(describeLoadedConfig(config.reload())));
  if (window && 'process' in window) {
    window.process.once('exit', () => stop('kiosk window closed'));
  }
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
