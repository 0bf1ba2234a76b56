import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BundleRefusal,
  MAX_BUNDLE_BYTES,
  scopeKey,
  signBundle,
  type SignedBundle,
  verifyBundle,
} from '../../../main/fleet/config-bundle.js';

const server = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const NOW = new Date('2026-12-03T09:00:00Z');
const identity = { kioskId: 'lyon-8-accueil-1', siteId: 'lyon-8' };

const fields = (changes: Partial<Omit<SignedBundle, 'sha256'>> = {}) => ({
  scope: { kind: 'kiosk', id: 'lyon-8-accueil-1' } as SignedBundle['scope'],
  version: 7,
  issuedAt: '2026-12-03T08:00:00Z',
  expiresAt: '2026-12-10T08:00:00Z',
  payload: JSON.stringify({ kiosk: { id: 'lyon-8-accueil-1', siteName: 'Lyon 8e' } }),
  ...changes,
});

const check = (body: string, applied: Record<string, number> = { 'kiosk:lyon-8-accueil-1': 6 }) =>
  verifyBundle(body, {
    publicKey: server.publicKey,
    identity,
    applied: (scope) => applied[scope],
    now: NOW,
  });

/** Signs the bundle exactly as given, digest included (a server that erred). */
function signRaw(bundle: SignedBundle): string {
  const signed = JSON.stringify(bundle);
  const signature = sign(null, Buffer.from(signed), server.privateKey).toString('base64');
  return JSON.stringify({ signed, signature });
}

/** Re-signs nothing: changes the signed text after signing, as an attacker on the way would. */
function tamper(body: string, edit: (signed: string) => string): string {
  const envelope = JSON.parse(body) as { signed: string; signature: string };
  return JSON.stringify({ ...envelope, signed: edit(envelope.signed) });
}

describe('signed configuration bundles', () => {
  it('accepts a bundle for this kiosk, its site or the fleet, newer than the last one applied', () => {
    const result = check(signBundle(fields(), server.privateKey));
    expect(result).toMatchObject({ ok: true, bundle: { version: 7 } });
    expect(result.ok && result.payload).toMatchObject({ kiosk: { siteName: 'Lyon 8e' } });
    for (const scope of [{ kind: 'site', id: 'lyon-8' }, { kind: 'fleet' }] as const) {
      expect(check(signBundle(fields({ scope, version: 1 }), server.privateKey)).ok).toBe(true);
    }
  });

  const cases: [string, () => string, BundleRefusal][] = [
    [
      'a tampered payload',
      () => tamper(signBundle(fields(), server.privateKey), (s) => s.replace('Lyon 8e', 'Lyon 9e')),
      'bad-signature',
    ],
    [
      'a digest that does not match the payload',
      () => signRaw({ ...fields(), sha256: '0'.repeat(64) }),
      'digest-mismatch',
    ],
    ['another key', () => signBundle(fields(), stranger.privateKey), 'bad-signature'],
    [
      'an older version (rollback)',
      () => signBundle(fields({ version: 5 }), server.privateKey),
      'rollback',
    ],
    [
      'the same version again (replay)',
      () => signBundle(fields({ version: 6 }), server.privateKey),
      'replay',
    ],
    [
      'an expired bundle',
      () => signBundle(fields({ expiresAt: '2026-12-03T08:59:59Z' }), server.privateKey),
      'expired',
    ],
    [
      'a bundle issued in the future',
      () => signBundle(fields({ issuedAt: '2026-12-04T09:00:00Z' }), server.privateKey),
      'not-yet-valid',
    ],
    [
      'another kiosk’s scope',
      () =>
        signBundle(fields({ scope: { kind: 'kiosk', id: 'lyon-8-accueil-2' } }), server.privateKey),
      'wrong-scope',
    ],
    [
      'another site’s scope',
      () => signBundle(fields({ scope: { kind: 'site', id: 'paris-18' } }), server.privateKey),
      'wrong-scope',
    ],
    ['malformed JSON', () => '{"signed": "{\\"scope\\"', 'malformed'],
    [
      'a payload the kiosk’s schema refuses',
      () =>
        signBundle(
          fields({ payload: JSON.stringify({ session: { idleSeconds: -4 } }) }),
          server.privateKey,
        ),
      'invalid-config',
    ],
    [
      'a payload that is not JSON',
      () => signBundle(fields({ payload: 'kiosk = lyon' }), server.privateKey),
      'invalid-config',
    ],
    ['an oversized body', () => ' '.repeat(MAX_BUNDLE_BYTES + 1), 'oversized'],
  ];
  it.each(cases)('refuses %s, with a reason', (_, body, reason) => {
    const result = check(body());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(reason);
    expect(!result.ok && result.detail.length).toBeGreaterThan(0);
  });

  it('says which field of the payload the kiosk refused', () => {
    const result = check(
      signBundle(
        fields({ payload: JSON.stringify({ session: { idleSeconds: -4 } }) }),
        server.privateKey,
      ),
    );
    expect(!result.ok && result.detail).toMatch(/^session\.idleSeconds: /);
  });

  it('names scopes the way the kiosk records versions', () => {
    expect(scopeKey({ kind: 'fleet' })).toBe('fleet');
    expect(scopeKey({ kind: 'site', id: 'lyon-8' })).toBe('site:lyon-8');
  });
});
