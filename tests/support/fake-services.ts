import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigStore } from '../../main/app/config-store.js';
import { createKioskServices } from '../../main/app/kiosk-services.js';

/** Real services on a config file in a fresh temporary folder. */
export function servicesOnTempConfig(host: 'browser' | 'electron' = 'browser') {
  const dir = mkdtempSync(join(tmpdir(), 'borne-services-'));
  const config = new ConfigStore(join(dir, 'config.json'));
  return {
    dir,
    config,
    services: createKioskServices({ host, config, dataDir: join(dir, 'data') }),
  };
}
