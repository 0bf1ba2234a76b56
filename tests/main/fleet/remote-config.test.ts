import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskConfig } from '../../../main/config/config-schema.js';
import { signBundle, type SignedBundle } from '../../../main/fleet/config-bundle.js';
import { applyGate, createRemoteConfig } from '../../../main/fleet/remote-config.js';
import type { SessionState } from '../../../main/session/session-machine.js';

const server = generateKeyPairSync('ed25519');
const NOW = new Date('2026-12-03T09:00:00Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-remote-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ATTRACT: SessionState = { kind: 'attract', sessionId: 'a' };
const VISIT: SessionState = { kind: 'active', sessionId: 'b', lastInputAt: 0, saleOpen: false };

const bundle = (scope: SignedBundle['scope'], version: number, payload: unknown) =>
  signBundle(
    {
      scope,
      version,
      issuedAt: '2026-12-03T08:00:00Z',
      expiresAt: '2026-12-10T08:00:00Z',
      payload: JSON.stringify(payload),
    },
    server.privateKey,
  );

function kiosk() {
  const state = { session: ATTRACT, saleOpen: false, applied: [] as KioskConfig[] };
  const remote = createRemoteConfig({
    dataDir: dir,
    publicKey: server.publicKey,
    identity: () => ({ kioskId: 'lyon-8-accueil-1', siteId: 'lyon-8' }),
    session: () => state.session,
    saleOpen: () => state.saleOpen,
    apply: (config) => state.applied.push(config),
    now: () => NOW,
  });
  return { state, remote };
}

describe('a configuration from the fleet', () => {
  it('goes into service at once between visitors, composed with the site’s', () => {
    const { state, remote } = kiosk();
    remote.receive(bundle({ kind: 'site', id: 'lyon-8' }, 1, { kiosk: { siteName: 'Lyon 8e' } }));
    const outcome = remote.receive(bundle({ kind: 'fleet' }, 4, { session: { idleSeconds: 240 } }));
    expect(outcome).toEqual({ state: 'applied', scope: 'fleet', version: 4 });
    expect(state.applied.at(-1)?.kiosk.siteName).toBe('Lyon 8e');
    expect(state.applied.at(-1)?.session.idleSeconds).toBe(240);
  });

  it('waits for the visit to end, and for an open sale to be settled', () => {
    const { state, remote } = kiosk();
    state.session = VISIT;
    expect(remote.receive(bundle({ kind: 'fleet' }, 1, { session: { idleSeconds: 240 } }))).toEqual(
      {
        state: 'waiting',
        scope: 'fleet',
        version: 1,
        until: 'visit-ends',
      },
    );
    expect(state.applied).toEqual([]);
    state.session = ATTRACT;
    state.saleOpen = true;
    expect(remote.betweenVisitors()).toMatchObject({ state: 'waiting', until: 'sale-ends' });
    state.saleOpen = false;
    expect(remote.betweenVisitors()).toEqual({ state: 'applied', scope: 'fleet', version: 1 });
    expect(state.applied).toHaveLength(1);
    expect(remote.betweenVisitors()).toBeUndefined();
  });

  it('refuses a bundle whose combination with the others the kiosk’s schema refuses, and keeps the last good one', () => {
    const { state, remote } = kiosk();
    // The fleet gives every kiosk a ticket printer; this kiosk's own bundle, fine alone,
    // empties its printer list: together they name a printer that is not there.
    remote.receive(
      bundle({ kind: 'fleet' }, 1, {
        session: { idleSeconds: 240 },
        printing: { printers: [{ id: 'accueil', uri: 'tcp://10.0.0.5:9100' }] },
        procedures: { ticketPrinter: 'accueil' },
      }),
    );
    const outcome = remote.receive(
      bundle({ kind: 'kiosk', id: 'lyon-8-accueil-1' }, 1, { printing: { printers: [] } }),
    );
    expect(outcome).toEqual({
      state: 'refused',
      reason: 'invalid-combination',
      detail: 'procedures.ticketPrinter: no printer "accueil" in printing.printers',
    });
    expect(state.applied).toHaveLength(1);
    // After a restart the kiosk runs on what it kept: the fleet's bundle, not the refused one.
    expect(kiosk().remote.startup()?.session.idleSeconds).toBe(240);
  });

  it('passes on the bundle’s own refusal, with its reason', () => {
    const { remote } = kiosk();
    remote.receive(bundle({ kind: 'fleet' }, 2, {}));
    expect(remote.receive(bundle({ kind: 'fleet' }, 1, {}))).toMatchObject({
      state: 'refused',
      reason: 'rollback',
    });
  });

  it('changes nothing while a visitor is there or a sale is open (the gate)', () => {
    expect(applyGate(ATTRACT, false)).toEqual({ now: true });
    expect(applyGate(VISIT, false)).toEqual({ now: false, until: 'visit-ends' });
    expect(applyGate(ATTRACT, true)).toEqual({ now: false, until: 'sale-ends' });
    expect(applyGate({ kind: 'resetting', sessionId: 'c', reason: 'idle' }, false)).toEqual({
      now: false,
      until: 'visit-ends',
    });
  });
});
