/**
 * The site secret under which card numbers become pseudonyms (HMAC-SHA256).
 * Kept in the data folder, readable by the kiosk user only; made on first
 * use. Kiosks of one site must share it to recognise the same member card:
 * until the fleet server hands it out, copy the file between them.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECRET_BYTES = 32;

export function loadSiteSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'site-secret');
  try {
    const secret = readFileSync(file);
    if (secret.length >= SECRET_BYTES) return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(SECRET_BYTES);
  writeFileSync(file, secret, { mode: 0o600, flag: 'w' });
  chmodSync(file, 0o600);
  return secret;
}
