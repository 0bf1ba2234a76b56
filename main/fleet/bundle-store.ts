/**
 * The kiosk's record of configuration bundles: the last version applied per
 * scope (rollback and replay protection survives a restart) and the
 * last-known-good bundle of each scope, kept as received (signed bytes and
 * signature) so that it is verified again at every start. Files are written
 * whole or not at all (temporary file, fsync, rename).
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  type BundleCheck,
  type BundleScope,
  type KioskIdentity,
  scopeKey,
  verifyBundle,
} from './config-bundle.js';

const Versions = z.record(z.string(), z.number().int().min(1));

/** Where a scope's bundle is kept: "fleet.json", "site:lyon-8.json", "kiosk:….json". */
const fileOf = (key: string) => `${key}.json`;

function writeWhole(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

export interface StoredScope {
  key: string;
  check: BundleCheck;
}

export class BundleStore {
  readonly #folder: string;
  readonly #versions: Record<string, number>;

  constructor(dataDir: string) {
    this.#folder = join(dataDir, 'fleet');
    mkdirSync(join(this.#folder, 'last-known-good'), { recursive: true, mode: 0o700 });
    let versions: Record<string, number> = {};
    try {
      versions = Versions.parse(
        JSON.parse(readFileSync(join(this.#folder, 'applied.json'), 'utf8')),
      );
    } catch {
      // No record yet (or a damaged one): the kept bundles' own versions rebuild it below.
    }
    this.#versions = versions;
  }

  /** The last version applied for a scope key. */
  applied = (key: string): number | undefined => this.#versions[key];

  /** Keeps an accepted bundle as the scope's last-known-good and records its version. */
  accept(body: string, bundle: { scope: BundleScope; version: number }): void {
    const key = scopeKey(bundle.scope);
    writeWhole(join(this.#folder, 'last-known-good', fileOf(key)), body);
    this.#versions[key] = Math.max(this.#versions[key] ?? 0, bundle.version);
    writeWhole(join(this.#folder, 'applied.json'), JSON.stringify(this.#versions));
  }

  /**
   * The kept bundles, verified again now (signature, scope, expiry, payload):
   * an expired one is reported, not used. The version check is the record's:
   * a kept bundle is the version applied, not a replay.
   */
  lastKnownGood(options: {
    publicKey: KeyObject;
    identity: KioskIdentity;
    now: Date;
  }): StoredScope[] {
    const folder = join(this.#folder, 'last-known-good');
    return readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => {
        const body = readFileSync(join(folder, name), 'utf8');
        const check = verifyBundle(body, { ...options, applied: () => undefined });
        const key = check.ok ? scopeKey(check.bundle.scope) : name.replace(/\.json$/, '');
        if (check.ok && (this.#versions[key] ?? 0) > check.bundle.version) {
          return {
            key,
            check: {
              ok: false,
              reason: 'rollback',
              detail: `kept version ${check.bundle.version} is older than ${this.#versions[key]}`,
            } as BundleCheck,
          };
        }
        return { key, check };
      });
  }
}
