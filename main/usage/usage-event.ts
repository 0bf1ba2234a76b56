/**
 * The usage events the guide and the visitor aids emit, in a closed schema: no free text, no
 * URL, no name or number of a person; the local day and hour, nothing finer.
 * The SQLite usage log and its statistics come later (issue 14); until then
 * events go to a log kept in memory behind the same interface.
 */
import { z } from 'zod';
import { AIDS, LanguageCode } from '../contract/ipc-contract.js';

export const USAGE_KINDS = [
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
] as const;

/** Coarse durations: a wait is never recorded to the second. */
export const DURATION_BUCKETS = [
  'under-1-min',
  '1-3-min',
  '3-5-min',
  '5-10-min',
  'over-10-min',
] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];

export function durationBucket(ms: number): DurationBucket {
  const minutes = ms / 60_000;
  if (minutes < 1) return 'under-1-min';
  if (minutes < 3) return '1-3-min';
  if (minutes < 5) return '3-5-min';
  if (minutes < 10) return '5-10-min';
  return 'over-10-min';
}

const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);

export const UsageEvent = z
  .object({
    kind: z.enum(USAGE_KINDS),
    procedureId: Slug.optional(),
    stepId: Slug.optional(),
    language: LanguageCode.optional(),
    /** How a help request was answered: the step's problems, or a volunteer called. */
    outcome: z.enum(['problems', 'volunteer', 'visitor', 'visit-ended']).optional(),
    aid: z.enum(AIDS).optional(),
    duration: z.enum(DURATION_BUCKETS).optional(),
    day: z.iso.date(),
    hour: z.number().int().min(0).max(23),
  })
  .strict();
export type UsageEvent = z.infer<typeof UsageEvent>;

export interface UsageLog {
  /** Records an event; one outside the schema is refused (see the implementation). */
  record(event: UsageEvent): void;
}

/** The local day and hour of a moment, the finest time a usage event carries. */
export function usageTime(at: Date): { day: string; hour: number } {
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    day: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
    hour: at.getHours(),
  };
}
