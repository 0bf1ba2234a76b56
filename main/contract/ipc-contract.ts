/**
 * The one contract between the renderer and the services, whatever carries it
 * (Electron IPC through the preload, or the browser host's WebSocket).
 *
 * Every message crossing the boundary is validated with these schemas on both
 * sides: requests and events by the receiver, responses by the caller.
 * This file must stay free of Node and DOM APIs: both sides import it.
 */
import { z } from 'zod';

import { DOCUMENTS_METHODS, DocumentsView } from './documents-contract.js';
import { AIDS, Display, EditKey, HelpCallRecord, HelpView, KeyboardView } from './aids-contract.js';
import { CatalogueView, GuideView } from './guide-contract.js';
import { DESK_METHODS, DeskView } from './desk-contract.js';
import { STATS_METHODS, UsageHealthView } from './stats-contract.js';

export * from './aids-contract.js';
export * from './channels.js';
export * from './desk-contract.js';
export * from './guide-contract.js';

/**
 * The visitor languages the kiosk has catalogues for. French is the reference
 * language; Arabic and Persian (Dari) are written right to left.
 */
export const LANGUAGE_CODES = ['fr', 'en', 'ar', 'es', 'pt', 'ro', 'uk', 'fa'] as const;
export const LanguageCode = z.enum(LANGUAGE_CODES);
export type LanguageCode = z.infer<typeof LanguageCode>;

export const RTL_LANGUAGES: readonly LanguageCode[] = ['ar', 'fa'];

/** The direction a language is written in: the split view and every screen mirror for it. */
export function languageDirection(language: LanguageCode): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

export const HostKind = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKind>;

export const ConfigStatus = z.object({
  /** Where the running configuration came from (fleet: signed bundles from the fleet server). */
  source: z.enum(['file', 'defaults', 'fleet']),
  /** The file that was read, or would have been read. */
  path: z.string(),
  /** Why the file was not used (empty when it was used or simply absent). */
  problems: z.array(z.string()),
});
export type ConfigStatus = z.infer<typeof ConfigStatus>;

/** How the renderer tells a keyboard-wedge reader from typing (see renderer/kit/wedge-decoder). */
export const WedgeSettings = z.object({
  enabled: z.boolean(),
  layout: z.enum(['qwerty', 'azerty']),
  prefix: z.string().max(8),
  suffix: z.enum(['Enter', 'Tab']),
  minLength: z.number().int().min(1).max(64),
  maxGapMs: z.number().int().min(5).max(200),
});
export type WedgeSettings = z.infer<typeof WedgeSettings>;

/** The ID card fields a visitor sees and may copy into a site, in this order. */
export const ID_CARD_FIELDS = [
  'lastName',
  'firstNames',
  'birthDate',
  'documentNumber',
  'nationality',
  'expiryDate',
] as const;
export const IdCardField = z.enum(ID_CARD_FIELDS);
export type IdCardField = z.infer<typeof IdCardField>;

/** An ID card read, shown to the visitor who presented it only. */
export const IdCardView = z.object({
  kind: z.literal('id-card'),
  valid: z.boolean(),
  fields: z.record(z.string(), z.string()),
  fieldValidity: z.record(z.string(), z.boolean()),
  /** Fields that can be copied into the visitor's site now (none when no site is open). */
  copyable: z.array(IdCardField),
});
export type IdCardView = z.infer<typeof IdCardView>;

/**
 * A card or code read, as the screen may show it: never a card number or a
 * pseudonym; an ID card's fields only to the visitor who presented it.
 */
export const ReaderEventView = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['member-card', 'staff-badge']), valid: z.boolean() }),
  IdCardView,
  z.object({ kind: z.literal('product'), valid: z.boolean(), digits: z.string() }),
]);
export type ReaderEventView = z.infer<typeof ReaderEventView>;

/** How copying an ID card field into the site's focused field ended. */
export const CopyOutcome = z.enum([
  'copied',
  /** No site page is open. */
  'no-site',
  /** Nothing that takes text has the focus on the site. */
  'no-field',
  /** A password field, another site's frame, a date picker for a name… */
  'refused',
  /** The card was forgotten or gave nothing usable for this field. */
  'no-value',
]);
export type CopyOutcome = z.infer<typeof CopyOutcome>;

/** Staff sign-in as the screen shows it. */
export const StaffView = z.object({
  /** 'arrived': a badge read while a visitor is at the kiosk (help them, or open the staff space). */
  state: z.enum(['signed-out', 'arrived', 'pin', 'signed-in']),
  name: z.string().optional(),
  attemptsLeft: z.number().int().nonnegative().optional(),
  /** Why the last step did not sign in. */
  notice: z.enum(['wrong-pin', 'locked-out', 'unknown-badge', 'timed-out']).optional(),
});
export type StaffView = z.infer<typeof StaffView>;

/** A calendar day, YYYY-MM-DD. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * The member card on the staff desk: whether its holder may buy recharges
 * at solidarity prices, and until when. Never the card's number.
 */
export const MemberView = z.object({
  state: z.enum(['none', 'unreadable', 'unknown', 'active', 'expired']),
  /** The last day of the member's rights (active or expired). */
  validUntil: Day.optional(),
  /** The last day "Inscrire" / "Prolonger" would give now. */
  renewalUntil: Day.optional(),
  /** Enrolled or extended at this desk just now: the screen confirms it. */
  saved: z.boolean().optional(),
});
export type MemberView = z.infer<typeof MemberView>;

/** The kiosk's printers and readers as staff see them. */
export const DevicesStatus = z.object({
  printers: z.array(
    z.object({
      id: z.string(),
      /** A printer state (ready, paper-out…) or why it could not be asked (refused, timeout…). */
      state: z.string(),
      ok: z.boolean(),
      message: z.string(),
    }),
  ),
  readers: z.array(
    z.object({
      id: z.string(),
      state: z.enum(['connected', 'disconnected', 'permission-denied']),
      message: z.string().optional(),
    }),
  ),
  /** The usage log: a database that cannot be written is shown here. */
  usage: UsageHealthView,
  /** The site's A4 printer (CUPS), when one is configured: its state as IPP reports it. */
  officePrinter: z
    .object({
      queue: z.string(),
      state: z.enum(['idle', 'printing', 'stopped', 'unreachable']),
      problems: z.array(
        z.enum([
          'paper-out',
          'paper-low',
          'paper-jam',
          'toner-out',
          'toner-low',
          'door-open',
          'offline',
        ]),
      ),
      supplies: z.array(z.object({ name: z.string(), level: z.number() })),
    })
    .nullable(),
  /** The fleet server, when the kiosk is enrolled: whether it answers, what is in service. */
  fleet: z
    .object({
      server: z.string(),
      kioskId: z.string(),
      siteId: z.string(),
      lastContact: z.string().nullable(),
      unreachableSince: z.string().nullable(),
      applied: z.record(z.string(), z.number()),
    })
    .nullable(),
});
export type DevicesStatus = z.infer<typeof DevicesStatus>;

/** What the renderer needs to know to draw the kiosk. No secrets here. */
export const AppInfo = z.object({
  version: z.string(),
  host: HostKind,
  kioskId: z.string(),
  siteName: z.string(),
  languages: z.object({
    default: LanguageCode,
    enabled: z.array(LanguageCode).min(1),
  }),
  /** The languages this kiosk can read aloud: "Écouter" is offered for these only. */
  voices: z.array(LanguageCode),
  config: ConfigStatus,
  wedge: WedgeSettings,
  /** The welcome point's colour (#rrggbb) and the URL of its logo (null: none). */
  branding: z.object({ colour: z.string(), logo: z.string().nullable() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The visitor session as the renderer sees it (main/session has the whole state). */
export const SessionView = z.object({
  kind: z.enum(['attract', 'active', 'idle-warning', 'locked', 'resetting']),
  /** Changes at every reset: the renderer remounts everything on a new id. */
  sessionId: z.string().min(1),
  /** In the idle warning: milliseconds left before everything is erased. */
  warningRemainingMs: z.number().int().nonnegative().optional(),
  idleSeconds: z.number().nonnegative(),
  warningSeconds: z.number().nonnegative(),
  /** Locked "hors service" by an admin, with their message for visitors (absent otherwise). */
  outOfService: z.object({ message: z.string() }).optional(),
  /**
   * Outside the opening hours: the site's date, and when it opens again on its
   * wall clock (null when no opening is planned in the next weeks). Absent when open.
   */
  closed: z
    .object({
      today: z.string(),
      reopens: z.object({ date: z.string(), time: z.string() }).nullable(),
    })
    .optional(),
});
export type SessionView = z.infer<typeof SessionView>;

const NoParams = z.object({}).strict();

/** Request/response pairs, by method name. */
export const methods = {
  'app.info': { params: NoParams, result: AppInfo },
  'session.get': { params: NoParams, result: SessionView },
  /** The visitor touched or typed: starts a session from ATTRACT, postpones the idle warning. */
  'session.activity': { params: NoParams, result: SessionView },
  /** "Continuer" in the idle warning. */
  'session.continue': { params: NoParams, result: SessionView },
  /** "Terminer et effacer mes données": the visitor ends the session now. */
  'session.end': { params: NoParams, result: SessionView },
  /** A keyboard-wedge reader's scan, caught by the renderer before any field got it. */
  'reader.scan': {
    params: z.object({ text: z.string().min(1).max(512) }).strict(),
    result: z.object({}).strict(),
  },
  'staff.get': { params: NoParams, result: StaffView },
  /** The PIN typed on the PIN pad after a staff badge. */
  'staff.pin': {
    params: z.object({ pin: z.string().max(16) }).strict(),
    result: StaffView,
  },
  'staff.cancel': { params: NoParams, result: StaffView },
  'staff.signOut': { params: NoParams, result: StaffView },
  /** Printers and readers, for the staff space (refused unless staff are signed in). */
  'devices.status': { params: NoParams, result: DevicesStatus },
  /** Staff touched the staff screen: keeps their session open. */
  'staff.activity': { params: NoParams, result: StaffView },
  /** The member card on the staff desk (staff only). */
  'member.get': { params: NoParams, result: MemberView },
  /** Enrols the card on the desk, or extends its rights (staff only). */
  'member.enrol': { params: NoParams, result: MemberView },
  /** Takes the card off the desk: the screen forgets it (staff only). */
  'member.clear': { params: NoParams, result: MemberView },
  /** The ID card read in this session, to show again (null when none or forgotten). */
  'reader.card': { params: NoParams, result: z.object({ card: IdCardView.nullable() }).strict() },
  /** "Copier": types one field of the ID card into the field the visitor touched on the site. */
  'reader.copy': {
    params: z.object({ field: IdCardField }).strict(),
    result: z.object({ outcome: CopyOutcome }).strict(),
  },
  /** "Effacer ces informations": forget the ID card read in this session now. */
  'reader.forget': { params: NoParams, result: z.object({}).strict() },
  /** The language the visitor chose (the guide's side of the screen and its usage follow it). */
  'session.language': {
    params: z.object({ language: LanguageCode }).strict(),
    result: z.object({}).strict(),
  },
  /** The guided procedures this kiosk offers, in one language. */
  'procedures.catalogue': {
    params: z.object({ language: LanguageCode }).strict(),
    result: CatalogueView,
  },
  'guide.get': { params: NoParams, result: GuideView },
  /** Opens a procedure: its site beside the guide, at its first step. */
  'guide.start': {
    params: z.object({ procedureId: z.string().min(1).max(80) }).strict(),
    result: GuideView,
  },
  /** Opens the procedure's site again after it did not answer. */
  'guide.retry': { params: NoParams, result: GuideView },
  /** "Étape suivante" / "Étape précédente", chosen by the visitor. */
  'guide.move': {
    params: z.object({ direction: z.enum(['next', 'previous']) }).strict(),
    result: GuideView,
  },
  /** "Je suis bloqué·e": the step's problems, then a volunteer; 'close' goes back to the step. */
  'guide.help': {
    params: z.object({ ask: z.enum(['problems', 'volunteer', 'close']) }).strict(),
    result: GuideView,
  },
  /** "J'ai fini": the end screen. */
  'guide.finish': { params: NoParams, result: GuideView },
  /** Leaves the procedure (unfinished, or after its end screen) for the catalogue. */
  'guide.leave': { params: NoParams, result: GuideView },
  /** Prints the summary ticket of the finished procedure (no personal data on it). */
  'guide.print': { params: NoParams, result: GuideView },
  /** "Appeler un bénévole", on any visitor screen. */
  'help.call': { params: NoParams, result: HelpView },
  /** The visitor cancels the call. */
  'help.cancel': { params: NoParams, result: HelpView },
  'help.get': { params: NoParams, result: HelpView },
  /** The day's volunteer calls, for the staff space (staff only). */
  'help.calls': {
    params: NoParams,
    result: z.object({ calls: z.array(HelpCallRecord) }).strict(),
  },
  /** A volunteer who badged in helps the visitor: the call is answered, nothing opens, nothing is wiped. */
  'staff.help': { params: NoParams, result: StaffView },
  /** A volunteer who badged in opens the staff space (the visitor's session ends once the PIN is right). */
  'staff.proceed': { params: NoParams, result: StaffView },
  /** A visitor aid was used (counted once per visit and aid, nothing else). */
  'session.aid': {
    params: z.object({ aid: z.enum(AIDS) }).strict(),
    result: z.object({}).strict(),
  },
  /** The visit's text size and contrast: the site's zoom follows. */
  'session.display': { params: Display.strict(), result: z.object({}).strict() },
  /** The field focused on the official site, if it takes text. */
  'keyboard.get': { params: NoParams, result: KeyboardView },
  /** On-screen keyboard: types text into the site's focused field (as the ID card's "Copier" does). */
  'keyboard.type': {
    params: z.object({ text: z.string().min(1).max(40) }).strict(),
    result: z.object({ typed: z.boolean() }).strict(),
  },
  /** On-screen keyboard: Backspace, Enter, "Case suivante" into the site. */
  'keyboard.key': {
    params: z.object({ key: EditKey }).strict(),
    result: z.object({ typed: z.boolean() }).strict(),
  },
  /** The on-screen keyboard opened or closed over the site: the screen is shared differently. */
  'guide.keyboard': {
    params: z.object({ open: z.boolean() }).strict(),
    result: z.object({}).strict(),
  },
  /** A dialog covers the guide panel: the kiosk needs the whole screen until it closes. */
  'guide.overlay': {
    params: z.object({ open: z.boolean() }).strict(),
    result: z.object({}).strict(),
  },
  ...DESK_METHODS,
  ...STATS_METHODS,
  ...DOCUMENTS_METHODS,
} as const;

/** Events pushed by the services to the renderer, by name. */
export const events = {
  /** The configuration was reloaded (SIGHUP, or later a signed bundle from the fleet). */
  'app.info.changed': AppInfo,
  'session.changed': SessionView,
  'reader.event': ReaderEventView,
  'staff.changed': StaffView,
  'member.changed': MemberView,
  'guide.changed': GuideView,
  'help.changed': HelpView,
  'keyboard.changed': KeyboardView,
  'desk.changed': DeskView,
  /** The visit's documents or the scan being made changed. */
  'documents.changed': DocumentsView,
  /**
   * The transport reached the services again after losing them (the browser
   * host restarted). Raised by the renderer's transport itself, so state
   * fetched before may be stale.
   */
  'host.reconnected': z.object({}).strict(),
} as const;

export type MethodName = keyof typeof methods;
export type Params<M extends MethodName> = z.infer<(typeof methods)[M]['params']>;
export type Result<M extends MethodName> = z.infer<(typeof methods)[M]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

// Envelopes: the shapes on the wire.

export const RequestEnvelope = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

export const ErrorCode = z.enum(['bad-request', 'unknown-method', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ResponseEnvelope = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int().nonnegative(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    id: z.number().int().nonnegative(),
    ok: z.literal(false),
    error: z.object({ code: ErrorCode, message: z.string() }),
  }),
]);
export type ResponseEnvelope = z.infer<typeof ResponseEnvelope>;

export const EventEnvelope = z.object({
  event: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** Validates a response envelope's result against the method's schema. */
export function parseResult<M extends MethodName>(
  method: M,
  envelope: ResponseEnvelope,
): Result<M> {
  if (!envelope.ok) {
    throw new HostCallError(envelope.error.code, envelope.error.message);
  }
  return methods[method].result.parse(envelope.result) as Result<M>;
}

export class HostCallError extends Error {
  constructor(
    readonly code: ErrorCode | 'disconnected' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'HostCallError';
  }
}

/**
 * What a host exposes to the renderer. The Electron preload puts one on
 * `window.borneHost`; the browser host's WebSocket client implements the same.
 */
export interface HostTransport {
  request(envelope: RequestEnvelope): Promise<unknown>;
  onEvent(listener: (envelope: unknown) => void): () => void;
}
