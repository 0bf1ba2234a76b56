/**
 * Recharge PINs at rest (DESIGN §3): AES-256-GCM under a key kept in a file
 * of mode 0600 in the data folder, never in the database. Each PIN is sealed
 * with its code's serial as associated data, so a sealed PIN moved to
 * another row no longer opens. A keyed fingerprint (HMAC under a key derived
 * from the same key) finds duplicate PINs without opening any: PINs are
 * short, a plain hash would be guessed.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PIN_KEY_FILE = 'voucher-pin.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Sealed layout: version byte, IV, tag, ciphertext. */
const VERSION = 1;

export type PinKeyResult =
  | { ok: true; key: Buffer; created: boolean }
  | { ok: false; error: 'missing' | 'unreadable' | 'too-open' | 'wrong-size'; message: string };

/**
 * Reads the PIN key; makes one only when `create` says no PIN was ever
 * sealed (a new key would leave existing stock unreadable).
 */
export function loadPinKey(dataDir: string, options: { create: boolean }): PinKeyResult {
  const file = join(dataDir, PIN_KEY_FILE);
  let key: Buffer;
  try {
    const mode = statSync(file).mode & 0o077;
    if (mode !== 0) {
      return {
        ok: false,
        error: 'too-open',
        message: `${file} is readable by others (chmod 600 ${file})`,
      };
    }
    key = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      return { ok: false, error: 'unreadable', message: `${file}: ${code ?? String(error)}` };
    }
    if (!options.create) {
      return {
        ok: false,
        error: 'missing',
        message: `${file} is missing: without it the PINs in stock cannot be printed (restore it from the backup or the fleet)`,
      };
    }
    mkdirSync(dataDir, { recursive: true });
    key = randomBytes(KEY_BYTES);
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return { ok: true, key, created: true };
  }
  if (key.length !== KEY_BYTES) {
    return { ok: false, error: 'wrong-size', message: `${file} is not a 32-byte key` };
  }
  return { ok: true, key, created: false };
}

export class PinVault {
  readonly #key: Buffer;
  readonly #fingerprintKey: Buffer;
  /** Names the key without revealing it: the ledger keeps it to refuse another key. */
  readonly keyId: string;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error('a PIN key is 32 bytes');
    this.#key = Buffer.from(key);
    this.#fingerprintKey = Buffer.from(hkdfSync('sha256', key, '', 'borne pin fingerprint', 32));
    this.keyId = Buffer.from(hkdfSync('sha256', key, '', 'borne pin key id', 12)).toString(
      'base64url',
    );
  }

  seal(serial: string, pin: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(serial, 'utf8'));
    const body = Buffer.concat([cipher.update(pin, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
  }

  /** The PIN, for the bytes sent to the printer only. Throws on a tampered or foreign seal. */
  open(serial: string, sealed: Uint8Array): string {
    const data = Buffer.from(sealed);
    if (data[0] !== VERSION || data.length <= 1 + IV_BYTES + TAG_BYTES) {
      throw new Error(`the sealed PIN of ${serial} is malformed`);
    }
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
    decipher.setAAD(Buffer.from(serial, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([
        decipher.update(data.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      // Never the bytes in the message: they are the sealed PIN.
      throw new Error(`the sealed PIN of ${serial} does not open with this key`);
    }
  }

  fingerprint(pin: string): string {
    return createHmac('sha256', this.#fingerprintKey).update(pin).digest('base64url');
  }

  sameKey(keyId: string): boolean {
    const a = Buffer.from(keyId);
    const b = Buffer.from(this.keyId);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
