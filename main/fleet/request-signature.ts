/**
 * A kiosk proves who it is on every request by signing it with its Ed25519
 * identity key (made at enrolment, 0600 in its data folder): the method,
 * path, time and body digest. The server checks the signature with the
 * public key it recorded at enrolment and refuses a time more than five
 * minutes off. No bearer token to leak from a log.
 */
import { createHash, type KeyObject, sign, verify } from 'node:crypto';

export const KIOSK_HEADER = 'x-borne-kiosk';
export const TIME_HEADER = 'x-borne-time';
export const SIGNATURE_HEADER = 'x-borne-signature';
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const canonical = (method: string, path: string, time: string, body: string) =>
  [method.toUpperCase(), path, time, createHash('sha256').update(body, 'utf8').digest('hex')].join(
    '\n',
  );

export function signRequest(options: {
  kioskId: string;
  method: string;
  path: string;
  body: string;
  now: Date;
  privateKey: KeyObject;
}): Record<string, string> {
  const time = String(options.now.getTime());
  const text = canonical(options.method, options.path, time, options.body);
  return {
    [KIOSK_HEADER]: options.kioskId,
    [TIME_HEADER]: time,
    [SIGNATURE_HEADER]: sign(null, Buffer.from(text, 'utf8'), options.privateKey).toString(
      'base64',
    ),
  };
}

export type RequestCheck = { ok: true } | { ok: false; detail: string };

export function verifyRequest(options: {
  method: string;
  path: string;
  body: string;
  time: string | undefined;
  signature: string | undefined;
  now: Date;
  publicKey: KeyObject;
}): RequestCheck {
  const { time, signature } = options;
  if (!time || !/^\d{1,16}$/.test(time) || !signature) {
    return { ok: false, detail: 'the request is not signed by a kiosk' };
  }
  if (Math.abs(Number(time) - options.now.getTime()) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, detail: "the kiosk's clock is more than five minutes off" };
  }
  const text = canonical(options.method, options.path, time, options.body);
  const good = verify(
    null,
    Buffer.from(text, 'utf8'),
    options.publicKey,
    Buffer.from(signature, 'base64'),
  );
  return good ? { ok: true } : { ok: false, detail: "the signature is not this kiosk's" };
}
