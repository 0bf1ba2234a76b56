/**
 * The services both hosts run. Each host builds them once and carries the
 * contract to its renderer; no behaviour may depend on which host it is.
 */
import type { AppInfo, HostKind } from '../contract/ipc-contract.js';
import type { LoadedConfig } from '../config/config-file.js';
import type { Handlers } from '../ipc/dispatcher.js';
import { EventHub } from '../ipc/event-hub.js';
import type { ConfigStore } from './config-store.js';
import { BORNE_VERSION } from './version.js';

export interface KioskServices {
  handlers: Handlers;
  events: EventHub;
  dispose(): void;
}

export function describeApp(loaded: LoadedConfig, host: HostKind): AppInfo {
  const { config, status } = loaded;
  return {
    version: BORNE_VERSION,
    host,
    kioskId: config.kiosk.id,
    siteName: config.kiosk.siteName,
    languages: { default: config.languages.default, enabled: [...config.languages.enabled] },
    config: status,
  };
}

export function createKioskServices(options: {
  host: HostKind;
  config: ConfigStore;
}): KioskServices {
  const events = new EventHub();
  const unsubscribe = options.config.onChange((loaded) =>
    events.emit('app.info.changed', describeApp(loaded, options.host)),
  );
  const handlers: Handlers = {
    'app.info': () => describeApp(options.config.current, options.host),
  };
  return { handlers, events, dispose: unsubscribe };
}
