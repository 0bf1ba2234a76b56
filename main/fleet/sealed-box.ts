/**
 * Secrets the fleet server hands a kiosk (the site secret for member-card
 * pseudonyms, the voucher PIN key) travel sealed to that kiosk's own X25519
 * key: an ephemeral X25519 key agreement, HKDF-SHA256, AES-256-GCM (all
 * node:crypto). Only the kiosk's private key, 0600 in its data folder, opens
 * them: never in clear on the wire, in the server's answers or its logs.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { z } from 'zod';

export const SealedBox = z
  .object({
    /** The sender's ephemeral X25519 public key, SPKI DER base64. */
    ephemeral: z.string().min(40).max(80),
    iv: z.string().length(16),
    tag: z.string().length(24),
    ciphertext: z.string().max(64 * 1024),
  })
  .strict();
export type SealedBox = z.infer<typeof SealedBox>;

const INFO = Buffer.from('borne sealed box v1', 'utf8');

function keyFor(privateKey: KeyObject, publicKey: KeyObject, ephemeral: Buffer): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, ephemeral, INFO, 32));
}

export const publicKeyBase64 = (key: KeyObject) =>
  key.export({ type: 'spki', format: 'der' }).toString('base64');

export const publicKeyFromBase64 = (text: string) =>
  createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });

/** Seals `plaintext` to a kiosk's X25519 public key. */
export function seal(recipient: KeyObject, plaintext: Buffer): SealedBox {
  const pair = generateKeyPairSync('x25519');
  const ephemeral = Buffer.from(publicKeyBase64(pair.publicKey), 'base64');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(pair.privateKey, recipient, ephemeral), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    ephemeral: ephemeral.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Opens a box sealed to this kiosk; throws if it was not, or was altered. */
export function open(privateKey: KeyObject, box: SealedBox): Buffer {
  const ephemeral = Buffer.from(box.ephemeral, 'base64');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyFor(privateKey, publicKeyFromBase64(box.ephemeral), ephemeral),
    Buffer.from(box.iv, 'base64'),
  );
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]);
}
