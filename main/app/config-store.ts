import type { KioskConfig } from '../config/config-schema.js';
import { type LoadedConfig, loadConfigFile } from '../config/config-file.js';

/**
 * The running configuration, reloadable, with change listeners. Once the
 * fleet's configuration is in service (main/app/fleet-service.ts) it is the
 * one that runs: reloading the file does not replace it.
 */
export class ConfigStore {
  #loaded: LoadedConfig;
  #fleet: KioskConfig | undefined;
  readonly #listeners = new Set<(loaded: LoadedConfig) => void>();

  constructor(
    readonly path: string,
    loaded: LoadedConfig = loadConfigFile(path),
  ) {
    this.#loaded = loaded;
  }

  get current(): LoadedConfig {
    return this.#loaded;
  }

  get config(): KioskConfig {
    return this.#loaded.config;
  }

  /** Reads the file again (unless the fleet's is in service); listeners hear about it whatever the outcome. */
  reload(): LoadedConfig {
    if (!this.#fleet) this.#loaded = loadConfigFile(this.path);
    this.#notify();
    return this.#loaded;
  }

  /** Puts a configuration from the fleet into service (verified and composed by main/fleet). */
  applyFleet(config: KioskConfig): LoadedConfig {
    this.#fleet = config;
    this.#loaded = { config, status: { source: 'fleet', path: this.path, problems: [] } };
    this.#notify();
    return this.#loaded;
  }

  #notify(): void {
    for (const listener of this.#listeners) listener(this.#loaded);
  }

  onChange(listener: (loaded: LoadedConfig) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
