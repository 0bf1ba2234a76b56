import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleStore } from '../../../main/fleet/bundle-store.js';
import { composeConfig, overlay } from '../../../main/fleet/compose-config.js';
import { signBundle, type SignedBundle, verifyBundle } from '../../../main/fleet/config-bundle.js';

const server = generateKeyPairSync('ed25519');
const identity = { kioskId: 'lyon-8-accueil-1', siteId: 'lyon-8' };
const NOW = new Date('2026-12-03T09:00:00Z');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-bundles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bundle = (
  scope: SignedBundle['scope'],
  version: number,
  payload: unknown,
  expiresAt = '2026-12-10T00:00:00Z',
) =>
  signBundle(
    {
      scope,
      version,
      issuedAt: '2026-12-03T08:00:00Z',
      expiresAt,
      payload: JSON.stringify(payload),
    },
    server.privateKey,
  );

function receive(store: BundleStore, body: string, now = NOW) {
  const check = verifyBundle(body, {
    publicKey: server.publicKey,
    identity,
    applied: store.applied,
    now,
  });
  if (check.ok) store.accept(body, check.bundle);
  return check;
}

describe('the kiosk’s bundles', () => {
  it('remembers the versions applied across a restart: an old bundle replayed later is refused', () => {
    const first = new BundleStore(dir);
    const v1 = bundle({ kind: 'kiosk', id: 'lyon-8-accueil-1' }, 1, {
      kiosk: { siteName: 'Lyon 8e' },
    });
    const v2 = bundle({ kind: 'kiosk', id: 'lyon-8-accueil-1' }, 2, {
      kiosk: { siteName: 'Lyon 8e — Mermoz' },
    });
    expect(receive(first, v1).ok).toBe(true);
    expect(receive(first, v2).ok).toBe(true);
    const restarted = new BundleStore(dir);
    expect(receive(restarted, v1)).toMatchObject({ ok: false, reason: 'rollback' });
    expect(receive(restarted, v2)).toMatchObject({ ok: false, reason: 'replay' });
    // Kept whole, owner-only, no temporary file left behind.
    const kept = join(dir, 'fleet', 'last-known-good');
    expect(readdirSync(kept)).toEqual(['kiosk:lyon-8-accueil-1.json']);
    expect(statSync(join(kept, 'kiosk:lyon-8-accueil-1.json')).mode & 0o077).toBe(0);
  });

  it('runs on its last-known-good bundles while they are valid, verified again at start', () => {
    const store = new BundleStore(dir);
    receive(store, bundle({ kind: 'fleet' }, 3, { session: { idleSeconds: 240 } }));
    receive(
      store,
      bundle(
        { kind: 'site', id: 'lyon-8' },
        1,
        { kiosk: { siteName: 'Lyon 8e' } },
        '2026-12-04T00:00:00Z',
      ),
    );
    const options = { publicKey: server.publicKey, identity };
    const today = new BundleStore(dir).lastKnownGood({ ...options, now: NOW });
    expect(today.map((entry) => [entry.key, entry.check.ok])).toEqual([
      ['fleet', true],
      ['site:lyon-8', true],
    ]);
    // Two days later the site's bundle has expired: it is said, and not used.
    const later = new BundleStore(dir).lastKnownGood({
      ...options,
      now: new Date('2026-12-05T09:00:00Z'),
    });
    expect(later.find((entry) => entry.key === 'site:lyon-8')?.check).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a kept file someone edited on disk', () => {
    const store = new BundleStore(dir);
    receive(store, bundle({ kind: 'fleet' }, 3, { session: { idleSeconds: 240 } }));
    const file = join(dir, 'fleet', 'last-known-good', 'fleet.json');
    const envelope = JSON.parse(readFileSync(file, 'utf8')) as { signed: string };
    writeFileSync(
      file,
      JSON.stringify({ ...envelope, signed: envelope.signed.replace('240', '9999') }),
    );
    const kept = store.lastKnownGood({ publicKey: server.publicKey, identity, now: NOW });
    expect(kept[0]?.check).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('lays the site over the fleet and the kiosk over the site, lists replaced whole', () => {
    const composed = composeConfig([
      {
        scope: { kind: 'kiosk', id: 'lyon-8-accueil-1' },
        payload: { kiosk: { id: 'lyon-8-accueil-1' } },
      },
      {
        scope: { kind: 'fleet' },
        payload: {
          session: { idleSeconds: 240, warningSeconds: 30 },
          languages: { enabled: ['fr', 'en', 'ar'] },
        },
      },
      {
        scope: { kind: 'site', id: 'lyon-8' },
        payload: {
          session: { idleSeconds: 300 },
          kiosk: { siteName: 'Lyon 8e' },
          languages: { enabled: ['fr', 'uk'] },
        },
      },
    ]);
    expect(composed.ok && composed.config.session).toMatchObject({
      idleSeconds: 300,
      warningSeconds: 30,
    });
    expect(composed.ok && composed.config.kiosk).toEqual({
      id: 'lyon-8-accueil-1',
      siteName: 'Lyon 8e',
    });
    expect(composed.ok && composed.config.languages.enabled).toEqual(['fr', 'uk']);
    expect(overlay({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] } });
  });

  it('refuses a combination the kiosk’s schema refuses, naming the field', () => {
    const composed = composeConfig([
      { scope: { kind: 'fleet' }, payload: { procedures: { ticketPrinter: 'accueil' } } },
    ]);
    expect(composed).toEqual({
      ok: false,
      detail: 'procedures.ticketPrinter: no printer "accueil" in printing.printers',
    });
  });
});
