/**
 * What the fleet server signs travels as an envelope {signed, signature}:
 * `signed` is the JSON text exactly as signed (nothing to canonicalise
 * again), `signature` its Ed25519 signature (node:crypto), base64.
 * Configuration bundles and remote commands both use it.
 */
import { type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';

const Envelope = z
  .object({
    signed: z.string(),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict();

export function signEnvelope(signed: string, privateKey: KeyObject): string {
  const signature = sign(null, Buffer.from(signed, 'utf8'), privateKey).toString('base64');
  return JSON.stringify({ signed, signature });
}

export type OpenedEnvelope =
  | { ok: true; signed: string }
  | { ok: false; reason: 'malformed' | 'bad-signature'; detail: string };

/** The signed text if `body` is an envelope signed by `publicKey`. */
export function openEnvelope(body: string, publicKey: KeyObject): OpenedEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: 'malformed', detail: `not JSON (${(error as Error).message})` };
  }
  const envelope = Envelope.safeParse(value);
  if (!envelope.success) {
    return { ok: false, reason: 'malformed', detail: 'not a signed envelope {signed, signature}' };
  }
  const { signed, signature } = envelope.data;
  if (!verify(null, Buffer.from(signed, 'utf8'), publicKey, Buffer.from(signature, 'base64'))) {
    return { ok: false, reason: 'bad-signature', detail: 'not signed by the pinned fleet key' };
  }
  return { ok: true, signed };
}
