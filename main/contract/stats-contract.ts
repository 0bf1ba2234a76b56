/**
 * The usage statistics as the staff screen sees them: counts of this kiosk
 * (the staff space is on the kiosk: nothing here leaves it), and the health
 * of the usage log. Exports that leave the kiosk go through the suppression
 * of small cells (main/usage/usage-suppression.ts).
 */
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Count = z.number().int().min(0);

export const STATS_PERIODS = [7, 30, 365] as const;

export const UsageHealthView = z.object({
  state: z.enum(['ok', 'disk-full', 'read-only', 'failed']),
  /** Events not recorded since the kiosk started (faults, events outside the schema). */
  dropped: Count,
});
export type UsageHealthView = z.infer<typeof UsageHealthView>;

export const StatsView = z.object({
  from: Day,
  to: Day,
  health: UsageHealthView,
  visits: Count,
  perDay: z.array(z.object({ day: Day, visits: Count })),
  hours: z.array(z.object({ hour: z.number().int().min(0).max(23), visits: Count })),
  procedures: z.array(
    z.object({ procedureId: z.string(), title: z.string(), started: Count, completed: Count }),
  ),
  /** Where visitors gave up, most first. */
  abandons: z.array(
    z.object({
      procedureId: z.string(),
      title: z.string(),
      /** 1-based; null when the procedure was left before its first step. */
      step: z.number().int().min(1).nullable(),
      count: Count,
    }),
  ),
  languages: z.array(z.object({ language: z.string(), visits: Count })),
  aids: z.array(z.object({ aid: z.string(), visits: Count })),
  help: z.object({
    called: Count,
    answered: Count,
    cancelled: Count,
    /** Answered calls by wait. */
    waits: z.array(z.object({ duration: z.string(), count: Count })),
  }),
  vouchers: z.array(z.object({ productId: z.string(), label: z.string(), count: Count })),
});
export type StatsView = z.infer<typeof StatsView>;

export const StatsExportResult = z.object({
  /** Where the file was written (the data folder's exports). */
  file: z.string(),
  cells: Count,
  suppressed: Count,
});
export type StatsExportResult = z.infer<typeof StatsExportResult>;

export const STATS_METHODS = {
  /** The last 7, 30 or 365 days, today included. */
  'stats.get': {
    params: z.object({ days: z.union(STATS_PERIODS.map((days) => z.literal(days))) }).strict(),
    result: StatsView,
  },
  /** The same days as CSV, by day (or by month over a year), small cells suppressed. */
  'stats.export': {
    params: z.object({ days: z.union(STATS_PERIODS.map((days) => z.literal(days))) }).strict(),
    result: StatsExportResult,
  },
} as const;
