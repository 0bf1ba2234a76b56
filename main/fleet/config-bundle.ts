/**
 * Signed configuration bundles, in the spirit of The Update Framework: the
 * fleet server signs {scope, version, issuedAt, expiresAt, payload, sha256}
 * with Ed25519 (node:crypto); a kiosk applies a bundle only if the signature
 * is the pinned key's, the scope is its own (the fleet, its site, itself),
 * the version is newer than the last one it applied for that scope (no
 * rollback, no replay), the bundle is within its validity, the payload's
 * digest matches, and the payload is a configuration the kiosk's own schema
 * accepts. Anything else is refused with a reason, and nothing is applied.
 *
 * The envelope carries the signed bytes as they were signed (`signed`, a
 * JSON text) rather than an object to canonicalise again: what is verified
 * is exactly what was signed.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { describeIssues } from '../../native/describe-issues.js';
import { KioskConfig } from '../config/config-schema.js';
import { openEnvelope, signEnvelope } from './signed-envelope.js';

/** Larger than any configuration a kiosk needs: a bigger body is refused unread. */
export const MAX_BUNDLE_BYTES = 256 * 1024;

export const BundleScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fleet') }).strict(),
  z.object({ kind: z.literal('site'), id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) }).strict(),
  z
    .object({ kind: z.literal('kiosk'), id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) })
    .strict(),
]);
export type BundleScope = z.infer<typeof BundleScope>;

export const SignedBundle = z
  .object({
    scope: BundleScope,
    /** Monotonic per scope: a kiosk never goes back to a lower one. */
    version: z.number().int().min(1),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    /** The configuration (or the part of it this scope sets), as JSON text. */
    payload: z.string().max(MAX_BUNDLE_BYTES),
    /** SHA-256 of `payload`, hex. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type SignedBundle = z.infer<typeof SignedBundle>;

export const BUNDLE_REFUSALS = [
  'oversized',
  'malformed',
  'bad-signature',
  'wrong-scope',
  'rollback',
  'replay',
  'not-yet-valid',
  'expired',
  'digest-mismatch',
  'invalid-config',
] as const;
export type BundleRefusal = (typeof BUNDLE_REFUSALS)[number];

export type BundleCheck =
  | { ok: true; bundle: SignedBundle; /** As sent: no defaults filled in. */ payload: unknown }
  | { ok: false; reason: BundleRefusal; detail: string };

/** Who this kiosk is, for the scope check. */
export interface KioskIdentity {
  kioskId: string;
  siteId?: string;
}

/** A scope's name in the kiosk's record of versions applied ("fleet", "site:lyon-8", "kiosk:…"). */
export function scopeKey(scope: BundleScope): string {
  return scope.kind === 'fleet' ? 'fleet' : `${scope.kind}:${scope.id}`;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Signs a bundle (the fleet server's side; tests use it too). */
export function signBundle(fields: Omit<SignedBundle, 'sha256'>, privateKey: KeyObject): string {
  const bundle: SignedBundle = { ...fields, sha256: sha256Hex(fields.payload) };
  return signEnvelope(JSON.stringify(bundle), privateKey);
}

const refuse = (reason: BundleRefusal, detail: string): BundleCheck => ({
  ok: false,
  reason,
  detail,
});

/**
 * Checks a bundle as received (the HTTP body, or the last-known-good file).
 * `applied` gives the last version applied per scope key. `payloadSchema`
 * checks the payload (default: a whole kiosk configuration).
 */
export function verifyBundle(
  body: string | Buffer,
  options: {
    publicKey: KeyObject;
    identity: KioskIdentity;
    applied: (scope: string) => number | undefined;
    now: Date;
    payloadSchema?: z.ZodType;
  },
): BundleCheck {
  const size = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
  if (size > MAX_BUNDLE_BYTES) {
    return refuse('oversized', `${size} bytes, more than ${MAX_BUNDLE_BYTES}`);
  }
  const envelope = openEnvelope(body.toString(), options.publicKey);
  if (!envelope.ok) {
    return refuse(
      envelope.reason,
      envelope.reason === 'malformed' ? `envelope: ${envelope.detail}` : envelope.detail,
    );
  }
  const parsed = parseJson(envelope.signed, SignedBundle);
  if (!parsed.ok) return refuse('malformed', `bundle: ${parsed.detail}`);
  const bundle = parsed.value;
  const { scope } = bundle;
  const mine =
    scope.kind === 'fleet' ||
    (scope.kind === 'site' && scope.id === options.identity.siteId) ||
    (scope.kind === 'kiosk' && scope.id === options.identity.kioskId);
  if (!mine) return refuse('wrong-scope', `the bundle is for ${scopeKey(scope)}`);
  const last = options.applied(scopeKey(scope));
  if (last !== undefined && bundle.version < last) {
    return refuse('rollback', `version ${bundle.version} is older than ${last}, already applied`);
  }
  if (last !== undefined && bundle.version === last) {
    return refuse('replay', `version ${bundle.version} is already applied`);
  }
  const now = options.now.getTime();
  if (Date.parse(bundle.issuedAt) > now + 5 * 60_000) {
    return refuse('not-yet-valid', `issued at ${bundle.issuedAt}, in the future`);
  }
  if (Date.parse(bundle.expiresAt) <= now) {
    return refuse('expired', `expired at ${bundle.expiresAt}`);
  }
  if (sha256Hex(bundle.payload) !== bundle.sha256) {
    return refuse('digest-mismatch', 'the payload is not the one whose digest was signed');
  }
  const payload = parseJson(bundle.payload, options.payloadSchema ?? KioskConfig);
  if (!payload.ok) return refuse('invalid-config', payload.detail);
  // The payload as sent (defaults not filled in): scopes are laid over one another.
  return { ok: true, bundle, payload: payload.raw };
}

function parseJson<T>(
  text: string,
  schema: z.ZodType<T>,
): { ok: true; value: T; raw: unknown } | { ok: false; detail: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, detail: `not JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    return { ok: false, detail: describeIssues(result.error).slice(0, 5).join('; ') };
  }
  return { ok: true, value: result.data, raw: value };
}
