/**
 * The usage events of a kiosk, in a closed schema: no free text, no URL, no
 * name or number of a person; the local day and hour, nothing finer. The only
 * identifier a row may carry is the visit's pseudonym, drawn fresh at each
 * visit and forgotten at its reset (see visit-usage.ts).
 */
import { z } from 'zod';
import { AIDS } from '../contract/aids-contract.js';
import { LanguageCode } from '../contract/ipc-contract.js';
import { dayOf } from '../members/membership-period.js';

export const USAGE_KINDS = [
  /** The first touch of a visit. */
  'session-started',
  /** The reset: `outcome` says why (visitor, idle, staff, crash), `duration` how long. */
  'session-ended',
  /** The visitor changed the kiosk's language during the visit. */
  'language-chosen',
  'procedure-started',
  'step-reached',
  'help-asked',
  'procedure-completed',
  'procedure-abandoned',
  /** "Appeler un bénévole", anywhere in the visit. */
  'help-called',
  /** A volunteer badged in and chose "J'aide cette personne": `duration` is the wait. */
  'help-answered',
  /** The visitor cancelled the call, or the visit ended before anyone came: `duration` is the wait. */
  'help-cancelled',
  /** A visitor aid used in this visit (counted once per visit and aid). */
  'aid-used',
  /** A recharge handed over at the desk ("Remis"): staff work, outside any visit. */
  'voucher-sold',
] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** What is counted as an aid: the visitor aids, and what the kiosk did for the visit. */
export const USAGE_AIDS = [...AIDS, 'id-card-copied', 'ticket-printed'] as const;

export const USAGE_OUTCOMES = [
  // help-asked: the step's problems were shown, or a volunteer called
  'problems',
  'volunteer',
  // help-cancelled: by the visitor, or the visit ended first
  'visitor',
  'visit-ended',
  // session-ended: why the visit ended (the visitor is 'visitor')
  'idle',
  'staff',
  'crash',
] as const;

/** Coarse durations: a wait or a visit is never recorded to the second. */
export const DURATION_BUCKETS = [
  'under-1-min',
  '1-3-min',
  '3-5-min',
  '5-10-min',
  '10-30-min',
  'over-30-min',
] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];

export function durationBucket(ms: number): DurationBucket {
  const minutes = ms / 60_000;
  if (minutes < 1) return 'under-1-min';
  if (minutes < 3) return '1-3-min';
  if (minutes < 5) return '3-5-min';
  if (minutes < 10) return '5-10-min';
  if (minutes < 30) return '10-30-min';
  return 'over-30-min';
}

/** Identifiers from the catalogue and the configuration: slugs, never free text. */
const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

/** Which fields each kind must carry (the others are optional). */
const REQUIRED: Partial<Record<UsageKind, readonly string[]>> = {
  'session-ended': ['outcome', 'duration'],
  'language-chosen': ['language'],
  'procedure-started': ['procedureId'],
  'step-reached': ['procedureId', 'stepId'],
  'help-asked': ['procedureId', 'outcome'],
  'procedure-completed': ['procedureId'],
  'procedure-abandoned': ['procedureId'],
  'help-answered': ['duration'],
  'help-cancelled': ['duration', 'outcome'],
  'aid-used': ['aid'],
  'voucher-sold': ['productId'],
};

const EventFields = z
  .object({
    kind: z.enum(USAGE_KINDS),
    procedureId: Slug.optional(),
    stepId: Slug.optional(),
    language: LanguageCode.optional(),
    outcome: z.enum(USAGE_OUTCOMES).optional(),
    aid: z.enum(USAGE_AIDS).optional(),
    duration: z.enum(DURATION_BUCKETS).optional(),
    /** A voucher product's id from the configuration. */
    productId: Slug.optional(),
    day: z.iso.date(),
    hour: z.number().int().min(0).max(23),
  })
  .strict();

/** The fields an event of its kind lacks (none: it is complete). */
export function missingFields(event: { kind: UsageKind }): string[] {
  return (REQUIRED[event.kind] ?? []).filter(
    (field) => (event as Record<string, unknown>)[field] === undefined,
  );
}

const withRequiredFields = <T extends { kind: UsageKind }>(event: T, ctx: z.RefinementCtx) => {
  for (const field of missingFields(event)) {
    ctx.addIssue({ code: 'custom', path: [field], message: `${event.kind} needs ${field}` });
  }
};

/** An event as the guide, the aids and the desk emit it. */
export const UsageEvent = EventFields.superRefine(withRequiredFields);
export type UsageEvent = z.infer<typeof UsageEvent>;

/** A visit's pseudonym: 48 random bits, in hex (see visit-usage.ts). */
export const VisitPseudonym = z.string().regex(/^[0-9a-f]{12}$/);

/** An event as it is stored: stamped with the kiosk and, inside a visit, the visit's pseudonym. */
export const UsageRecordFields = EventFields.extend({
  kioskId: Slug,
  visit: VisitPseudonym.optional(),
});
/** The same with each kind's required fields (the writer checks those apart: it is faster). */
export const UsageRecord = UsageRecordFields.superRefine(withRequiredFields);
export type UsageRecord = z.infer<typeof UsageRecord>;

export interface UsageLog {
  /** Records an event; one outside the schema is refused (see the implementation). */
  record(event: UsageEvent): void;
}

/** The local day and hour of a moment, the finest time a usage event carries. */
export function usageTime(at: Date): { day: string; hour: number } {
  return { day: dayOf(at), hour: at.getHours() };
}
