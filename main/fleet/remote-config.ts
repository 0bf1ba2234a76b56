/**
 * A configuration bundle from the fleet, from its arrival to the kiosk
 * running on it: verified, composed with the other scopes' kept bundles,
 * kept as last-known-good only if the whole makes a valid configuration,
 * and applied between visitors — never during a visit or an open sale, when
 * it waits for the next reset. At start the kiosk runs on its kept bundles
 * while they are valid. Every outcome says what happened and why, for the
 * fleet server's report.
 */
import type { KeyObject } from 'node:crypto';
import type { KioskConfig } from '../config/config-schema.js';
import type { SessionState } from '../session/session-machine.js';
import { BundleStore } from './bundle-store.js';
import { composeConfig } from './compose-config.js';
import {
  type BundleRefusal,
  type BundleScope,
  type KioskIdentity,
  scopeKey,
  verifyBundle,
} from './config-bundle.js';

export type ApplyOutcome =
  | { state: 'applied'; scope: string; version: number }
  | { state: 'waiting'; scope: string; version: number; until: 'visit-ends' | 'sale-ends' }
  | { state: 'refused'; reason: BundleRefusal | 'invalid-combination'; detail: string };

/** Whether the kiosk may change its configuration now: only between visitors, no sale open. */
export function applyGate(
  session: SessionState,
  saleOpen: boolean,
): { now: true } | { now: false; until: 'visit-ends' | 'sale-ends' } {
  if (saleOpen) return { now: false, until: 'sale-ends' };
  return session.kind === 'attract' ? { now: true } : { now: false, until: 'visit-ends' };
}

export interface RemoteConfigOptions {
  dataDir: string;
  /** The configuration-signing key pinned at enrolment. */
  publicKey: KeyObject;
  identity: () => KioskIdentity;
  session: () => SessionState;
  saleOpen: () => boolean;
  /** Puts a configuration into service (the config store). */
  apply: (config: KioskConfig) => void;
  now?: () => Date;
}

export function createRemoteConfig(options: RemoteConfigOptions) {
  const store = new BundleStore(options.dataDir);
  const now = options.now ?? (() => new Date());
  let pending: { config: KioskConfig; scope: string; version: number } | undefined;

  /** The kept bundles that are valid now, by scope key. */
  const keptPayloads = () =>
    new Map(
      store
        .lastKnownGood({ publicKey: options.publicKey, identity: options.identity(), now: now() })
        .flatMap((entry) =>
          entry.check.ok
            ? [
                [
                  entry.key,
                  { scope: entry.check.bundle.scope, payload: entry.check.payload },
                ] as const,
              ]
            : [],
        ),
    );

  function applyOrWait(config: KioskConfig, scope: string, version: number): ApplyOutcome {
    const gate = applyGate(options.session(), options.saleOpen());
    if (!gate.now) {
      pending = { config, scope, version };
      return { state: 'waiting', scope, version, until: gate.until };
    }
    pending = undefined;
    options.apply(config);
    return { state: 'applied', scope, version };
  }

  return {
    /** The last version applied for a scope key. */
    applied: (key: string) => store.applied(key),

    /** A bundle as the fleet server sent it. */
    receive(body: string): ApplyOutcome {
      const check = verifyBundle(body, {
        publicKey: options.publicKey,
        identity: options.identity(),
        applied: store.applied,
        now: now(),
      });
      if (!check.ok) return { state: 'refused', reason: check.reason, detail: check.detail };
      const key = scopeKey(check.bundle.scope);
      const scopes = keptPayloads();
      scopes.set(key, { scope: check.bundle.scope as BundleScope, payload: check.payload });
      const composed = composeConfig([...scopes.values()]);
      if (!composed.ok) {
        return { state: 'refused', reason: 'invalid-combination', detail: composed.detail };
      }
      store.accept(body, check.bundle);
      return applyOrWait(composed.config, key, check.bundle.version);
    },

    /** The visit or the sale ended: a configuration that waited goes into service. */
    betweenVisitors(): ApplyOutcome | undefined {
      if (!pending) return undefined;
      return applyOrWait(pending.config, pending.scope, pending.version);
    },

    /** At start: the kept bundles still valid, composed (undefined: none, the file's config stays). */
    startup(): KioskConfig | undefined {
      const scopes = keptPayloads();
      if (scopes.size === 0) return undefined;
      const composed = composeConfig([...scopes.values()]);
      return composed.ok ? composed.config : undefined;
    },
  };
}
