/**
 * What kiosks and the fleet server say to each other over HTTP, one zod
 * schema per message: both sides parse with these and nothing else. Also the
 * remote commands, signed by the server like configuration bundles so that a
 * kiosk acts only on what the pinned key signed, for itself, in time, once.
 */
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { SealedBox } from './sealed-box.js';
import { openEnvelope, signEnvelope } from './signed-envelope.js';

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits, -');
const Base64Key = z
  .string()
  .regex(/^[A-Za-z0-9+/]{40,80}={0,2}$/, 'a public key, SPKI DER in base64');

export const EnrollRequest = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/, 'an enrolment code XXXX-XXXX-XXXX-XXXX'),
    /** The kiosk's Ed25519 identity key (it signs every request). */
    identityKey: Base64Key,
    /** The kiosk's X25519 key (the site's secrets are sealed to it). */
    sealingKey: Base64Key,
    name: z.string().min(1).max(80),
    appVersion: z.string().max(40),
  })
  .strict();
export type EnrollRequest = z.infer<typeof EnrollRequest>;

/** The site's secrets, as the kiosk finds them once it opened the sealed box. */
export const SiteSecrets = z.object({ siteSecret: z.base64(), voucherPinKey: z.base64() }).strict();
export type SiteSecrets = z.infer<typeof SiteSecrets>;

export const EnrollResponse = z
  .object({
    kioskId: Id,
    siteId: Id,
    siteName: z.string(),
    /** The configuration-signing public key the kiosk pins. */
    configKey: Base64Key,
    secrets: SealedBox,
  })
  .strict();
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const PrinterStatus = z
  .object({ id: z.string().max(80), state: z.string().max(40), ok: z.boolean() })
  .strict();
export const ReaderStatus = z
  .object({
    id: z.string().max(80),
    state: z.enum(['connected', 'disconnected', 'permission-denied']),
  })
  .strict();

export const BundleReport = z
  .object({
    scope: z.string().max(80),
    version: z.number().int().min(0),
    state: z.enum(['applied', 'waiting', 'refused']),
    reason: z.string().max(40).optional(),
    detail: z.string().max(500).optional(),
    at: z.iso.datetime(),
  })
  .strict();
export type BundleReport = z.infer<typeof BundleReport>;

/** The kiosk's state as the console shows it; nothing about a visitor. */
export const KioskStatus = z
  .object({
    appVersion: z.string().max(40),
    session: z.enum(['attract', 'visit', 'locked', 'closed']),
    lockMessage: z.string().max(200).nullable(),
    printers: z.array(PrinterStatus).max(16),
    readers: z.array(ReaderStatus).max(16),
    /** Version applied per scope key ("fleet", "site:…", "kiosk:…"). */
    applied: z.record(z.string().max(80), z.number().int().min(1)),
    /** What the kiosk last did with bundles it received (most recent last). */
    bundles: z.array(BundleReport).max(10),
    configSource: z.enum(['defaults', 'file', 'fleet']),
    lastError: z.string().max(500).nullable(),
    /** When each open call for a volunteer was made. */
    helpCalls: z.array(z.iso.datetime()).max(20),
  })
  .strict();
export type KioskStatus = z.infer<typeof KioskStatus>;

/** A day's aggregate of the kiosk's usage log (main/usage), never a raw event. */
export const AggregateCell = z
  .object({
    day: z.iso.date(),
    metric: z.string().max(40),
    key: z.string().max(80),
    count: z.number().int().min(0),
    visits: z.number().int().min(0),
  })
  .strict();
export type AggregateCell = z.infer<typeof AggregateCell>;

export const Heartbeat = z
  .object({
    status: KioskStatus,
    /** Sent when they changed (at most hourly): the days they cover are replaced whole. */
    aggregates: z.array(AggregateCell).max(20_000).optional(),
  })
  .strict();
export type Heartbeat = z.infer<typeof Heartbeat>;

export const HeartbeatResponse = z.object({ receivedAt: z.iso.datetime() }).strict();

/** The scopes' versions the kiosk has, so that the server sends only newer bundles. */
export const PollQuery = z
  .object({
    fleet: z.coerce.number().int().min(0).default(0),
    site: z.coerce.number().int().min(0).default(0),
    kiosk: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const PollResponse = z
  .object({
    /** Signed bundle envelopes, newest per scope, fleet then site then kiosk. */
    bundles: z.array(z.string()).max(3),
    /** Signed command envelopes not yet acknowledged, oldest first. */
    commands: z.array(z.string()).max(20),
  })
  .strict();
export type PollResponse = z.infer<typeof PollResponse>;

export const COMMAND_KINDS = ['end-session', 'restart', 'lock', 'unlock'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** A command as signed; `kind` is any text so that an unknown one is refused with a reason. */
export const SignedCommand = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{8,64}$/),
    kioskId: Id,
    kind: z.string().max(40),
    message: z.string().max(200).optional(),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict();
export type SignedCommand = z.infer<typeof SignedCommand>;

export const CommandAck = z
  .object({
    outcome: z.enum(['done', 'refused']),
    detail: z.string().max(500),
  })
  .strict();
export type CommandAck = z.infer<typeof CommandAck>;

export const signCommand = (command: SignedCommand, privateKey: KeyObject) =>
  signEnvelope(JSON.stringify(command), privateKey);

export type CommandCheck =
  | { ok: true; command: SignedCommand & { kind: CommandKind } }
  | { ok: false; id?: string; detail: string };

/** A command the kiosk may carry out: signed by the pinned key, for this kiosk, in time, known. */
export function verifyCommand(
  body: string,
  options: { publicKey: KeyObject; kioskId: string; now: Date },
): CommandCheck {
  const opened = openEnvelope(body, options.publicKey);
  if (!opened.ok) return { ok: false, detail: opened.detail };
  let parsed: ReturnType<typeof SignedCommand.safeParse>;
  try {
    parsed = SignedCommand.safeParse(JSON.parse(opened.signed));
  } catch {
    return { ok: false, detail: "la commande signée n'est pas du JSON" };
  }
  if (!parsed.success) return { ok: false, detail: "ce n'est pas une commande" };
  const command = parsed.data;
  const id = command.id;
  if (command.kioskId !== options.kioskId) {
    return { ok: false, id, detail: `la commande est pour la borne ${command.kioskId}` };
  }
  if (Date.parse(command.expiresAt) <= options.now.getTime()) {
    return { ok: false, id, detail: `la commande a expiré le ${command.expiresAt}` };
  }
  if (!(COMMAND_KINDS as readonly string[]).includes(command.kind)) {
    return { ok: false, id, detail: `commande inconnue : « ${command.kind} »` };
  }
  return { ok: true, command: command as SignedCommand & { kind: CommandKind } };
}
