/**
 * What both hosts do at start, in one place so they cannot drift apart:
 * read the start options and the configuration (saying which), build the
 * services, and serve the UI.
 */
import type { HostKind } from '../contract/ipc-contract.js';
import { describeLoadedConfig } from '../config/config-file.js';
import { resolveConfigPath } from '../config/config-path.js';
import { readStartOptions, type StartOptions } from '../host/env-options.js';
import { type KioskServer, startKioskServer } from '../host/kiosk-server.js';
import { ConfigStore } from './config-store.js';
import { createKioskServices, type KioskServices } from './kiosk-services.js';

export interface Kiosk {
  options: StartOptions;
  config: ConfigStore;
  services: KioskServices;
  server: KioskServer;
  /** Reloads the configuration file (SIGHUP) and says what it now runs on. */
  reloadConfig(): void;
  stop(): Promise<void>;
}

export async function bootKiosk(
  host: HostKind,
  rendererDir: string,
  /** Restarts the app, for the fleet's "restart" command. */
  restart?: () => void,
): Promise<Kiosk> {
  const options = readStartOptions();
  const config = new ConfigStore(resolveConfigPath());
  console.log(describeLoadedConfig(config.current));
  const services = createKioskServices({
    host,
    config,
    log: (line) => console.log(line),
    ...(restart ? { restart } : {}),
  });
  const server = await startKioskServer({
    port: options.port,
    rendererDir,
    services,
    // Electron carries the contract over its own IPC, never a socket.
    webSocket: host === 'browser',
    log: (line) => console.error(line),
  });
  return {
    options,
    config,
    services,
    server,
    reloadConfig: () => console.log(describeLoadedConfig(config.reload())),
    stop: async () => {
      services.dispose();
      await server.close();
    },
  };
}
