import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigStore } from '../../main/app/config-store.js';
import { createKioskServices, type KioskServices } from '../../main/app/kiosk-services.js';
import { rendererDir } from '../../main/app/paths.js';
import { type KioskServer, startKioskServer } from '../../main/host/kiosk-server.js';
import type { HidBackend } from '../../native/hid/hid-reader.js';
import { saneTestEnv } from './sane-test-backend.js';

export interface TestHost extends KioskServer {
  config: ConfigStore;
  services: KioskServices;
  configPath: string;
  /** Rewrites the config file (as text, so invalid files can be written). */
  writeConfig(content: unknown): void;
}

/**
 * The browser host in-process, on a free 127.0.0.1 port, serving the built
 * renderer, with its config file in a temporary folder.
 */
export async function startTestHost(
  config?: unknown,
  port = 0,
  hidBackend?: () => Promise<HidBackend>,
  /** An existing data folder (an enrolled kiosk's, say) instead of a new one. */
  dataDir?: string,
): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'borne-test-'));
  const configPath = join(dir, 'config.json');
  const writeConfig = (content: unknown) =>
    writeFileSync(configPath, typeof content === 'string' ? content : JSON.stringify(content));
  if (config !== undefined) writeConfig(config);
  const store = new ConfigStore(configPath);
  const services = createKioskServices({
    host: 'browser',
    config: store,
    dataDir: dataDir ?? join(dir, 'data'),
    hidBackend,
    // Tests drive the fleet agent themselves (services.fleet.syncNow()).
    fleetAutostart: false,
    // Never a real scanner: SANE's test backend only.
    saneEnv: saneTestEnv(),
  });
  const server = await startKioskServer({ port, rendererDir: rendererDir(), services });
  return {
    ...server,
    config: store,
    services,
    configPath,
    writeConfig,
    close: async () => {
      services.dispose();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
