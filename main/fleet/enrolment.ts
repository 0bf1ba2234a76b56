/**
 * Enrolment: `borne enroll <server-url> <code>` makes the kiosk's keys
 * (Ed25519 identity, X25519 for sealed secrets; private keys 0600 in the
 * data folder), sends the public halves with the one-time code, pins the
 * configuration-signing key the server answers with, and opens the site's
 * secrets sealed to this kiosk. An existing secret that differs from the
 * site's is kept (stock sealed with it would be lost) and reported.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EnrollResponse, Id, SiteSecrets } from './fleet-protocol.js';
import { fleetRequest } from './fleet-client.js';
import { open, publicKeyBase64, publicKeyFromBase64 } from './sealed-box.js';

const IDENTITY_FILE = 'identity.json';
const IDENTITY_KEY_FILE = 'identity-key.pem';
const SEALING_KEY_FILE = 'sealing-key.pem';
/** The kiosk's files for the site's secrets (main/app/site-secret.ts, main/vouchers/pin-vault.ts). */
const SECRET_FILES = { siteSecret: 'site-secret', voucherPinKey: 'voucher-pin.key' } as const;

const IdentityFile = z
  .object({
    serverUrl: z.url(),
    kioskId: Id,
    siteId: Id,
    siteName: z.string(),
    configKey: z.string(),
    enrolledAt: z.iso.datetime(),
  })
  .strict();

export interface FleetIdentity {
  serverUrl: string;
  kioskId: string;
  siteId: string;
  siteName: string;
  /** The pinned configuration-signing key. */
  configKey: KeyObject;
  identityKey: KeyObject;
  enrolledAt: string;
}

const fleetDir = (dataDir: string) => join(dataDir, 'fleet');

/** The kiosk's fleet identity, undefined when it was never enrolled. Throws on a damaged one. */
export function loadIdentity(dataDir: string): FleetIdentity | undefined {
  const file = join(fleetDir(dataDir), IDENTITY_FILE);
  if (!existsSync(file)) return undefined;
  const saved = IdentityFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    ...saved,
    configKey: publicKeyFromBase64(saved.configKey),
    identityKey: createPrivateKey(readFileSync(join(fleetDir(dataDir), IDENTITY_KEY_FILE), 'utf8')),
  };
}

export type EnrolResult =
  | {
      ok: true;
      kioskId: string;
      siteId: string;
      siteName: string;
      /** Secrets that already existed and differ from the site's: kept, to be resolved by hand. */
      keptSecrets: string[];
    }
  | {
      ok: false;
      problem: 'already-enrolled' | 'unreachable' | 'refused' | 'invalid-answer';
      detail: string;
    };

const pem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

export async function enrolKiosk(options: {
  serverUrl: string;
  code: string;
  dataDir: string;
  name: string;
  appVersion: string;
  fetch?: typeof fetch;
}): Promise<EnrolResult> {
  const dir = fleetDir(options.dataDir);
  if (existsSync(join(dir, IDENTITY_FILE))) {
    return {
      ok: false,
      problem: 'already-enrolled',
      detail: `this kiosk is already enrolled (${join(dir, IDENTITY_FILE)})`,
    };
  }
  const identity = generateKeyPairSync('ed25519');
  const sealing = generateKeyPairSync('x25519');
  const answer = await fleetRequest(
    { serverUrl: options.serverUrl, ...(options.fetch ? { fetch: options.fetch } : {}) },
    'POST',
    '/api/kiosk/enrol',
    {
      code: options.code.trim().toUpperCase(),
      identityKey: publicKeyBase64(identity.publicKey),
      sealingKey: publicKeyBase64(sealing.publicKey),
      name: options.name,
      appVersion: options.appVersion,
    },
    EnrollResponse,
  );
  if (!answer.ok) return { ok: false, problem: answer.problem, detail: answer.detail };
  const enrolled = answer.value;
  let secrets: SiteSecrets;
  try {
    secrets = SiteSecrets.parse(
      JSON.parse(open(sealing.privateKey, enrolled.secrets).toString('utf8')),
    );
  } catch {
    return {
      ok: false,
      problem: 'invalid-answer',
      detail: "the sealed site secrets do not open with this kiosk's key",
    };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, IDENTITY_KEY_FILE), pem(identity.privateKey), { mode: 0o600 });
  writeFileSync(join(dir, SEALING_KEY_FILE), pem(sealing.privateKey), { mode: 0o600 });
  const keptSecrets: string[] = [];
  for (const [name, file] of Object.entries(SECRET_FILES) as [keyof SiteSecrets, string][]) {
    const value = Buffer.from(secrets[name], 'base64');
    const path = join(options.dataDir, file);
    if (existsSync(path)) {
      if (!readFileSync(path).equals(value)) keptSecrets.push(file);
      continue;
    }
    writeFileSync(path, value, { mode: 0o600, flag: 'wx' });
  }
  // Written last: a kiosk is enrolled only once everything else is in place.
  writeFileSync(
    join(dir, IDENTITY_FILE),
    JSON.stringify(
      {
        serverUrl: options.serverUrl,
        kioskId: enrolled.kioskId,
        siteId: enrolled.siteId,
        siteName: enrolled.siteName,
        configKey: enrolled.configKey,
        enrolledAt: new Date().toISOString(),
      },
      null,
      2,
    ),
    { mode: 0o600 },
  );
  return {
    ok: true,
    kioskId: enrolled.kioskId,
    siteId: enrolled.siteId,
    siteName: enrolled.siteName,
    keptSecrets,
  };
}
