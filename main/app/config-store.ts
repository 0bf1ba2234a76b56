import type { KioskConfig } from '../config/config-schema.js';
import { type LoadedConfig, loadConfigFile } from '../config/config-file.js';

/** The running configuration, reloadable, with change listeners. */
export class ConfigStore {
  #loaded: LoadedConfig;
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

  /** Reads the file again; listeners hear about it whatever the outcome. */
  reload(): LoadedConfig {
    this.#loaded = loadConfigFile(this.path);
    for (const listener of this.#listeners) listener(this.#loaded);
    return this.#loaded;
  }

  onChange(listener: (loaded: LoadedConfig) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
