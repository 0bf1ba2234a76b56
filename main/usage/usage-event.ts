/**
 * The usage events the guide emits, in a closed schema: no free text, no
 * URL, no name or number of a person; the local day and hour, nothing finer.
 * The SQLite usage log and its statistics come later (issue 14); until then
 * events go to a log kept in memory behind the same interface.
 */
import { z } from 'zod';
import { LanguageCode } from '../contract/ipc-contract.js';

export const USAGE_KINDS = [
  'procedure-started',
  'step-reached',
  'help-asked',
  'procedure-completed',
  'procedure-abandoned',
] as const;

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
    outcome: z.enum(['problems', 'volunteer']).optional(),
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
