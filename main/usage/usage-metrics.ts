/**
 * What the daily aggregates count: one metric per question staff and
 * funders ask (how many visits, at what hour, in which language, which
 * procedures are finished, where visitors give up, how long they wait for a
 * volunteer…). Each metric is one GROUP BY over a day's events.
 */
import type { UsageKind } from './usage-event.js';

export const METRIC_NAMES = [
  'visits',
  'visits-by-hour',
  'visits-by-language',
  'visit-length',
  'visit-end',
  'procedure-started',
  'procedure-completed',
  'procedure-abandoned',
  'step-reached',
  'help-asked',
  'help-called',
  'help-answered',
  'help-cancelled',
  'aid-used',
  'voucher-sold',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export interface Metric {
  name: MetricName;
  kinds: readonly UsageKind[];
  /** The cell's key, an SQL expression over the event_rows view ('' for a single cell). */
  key: string;
  /** 'events' counts rows; 'visits' counts each visit once (a language chosen twice is one visit). */
  count: 'events' | 'visits';
  /**
   * The cells split the day's visits (each visit in exactly one): their sum is
   * the visits total, so a suppressed cell could be found by subtraction
   * unless more cells are suppressed with it (see usage-suppression.ts).
   */
  splitsVisits?: boolean;
}

export const METRICS: readonly Metric[] = [
  { name: 'visits', kinds: ['session-started'], key: "''", count: 'events' },
  {
    name: 'visits-by-hour',
    kinds: ['session-started'],
    key: "printf('%02d', hour)",
    count: 'events',
    splitsVisits: true,
  },
  /** The language the visit ended in (the one the visitor settled on). */
  {
    name: 'visits-by-language',
    kinds: ['session-ended'],
    key: 'language',
    count: 'events',
    splitsVisits: true,
  },
  {
    name: 'visit-length',
    kinds: ['session-ended'],
    key: 'duration',
    count: 'events',
    splitsVisits: true,
  },
  {
    name: 'visit-end',
    kinds: ['session-ended'],
    key: 'outcome',
    count: 'events',
    splitsVisits: true,
  },
  { name: 'procedure-started', kinds: ['procedure-started'], key: 'procedure', count: 'events' },
  {
    name: 'procedure-completed',
    kinds: ['procedure-completed'],
    key: 'procedure',
    count: 'events',
  },
  {
    name: 'procedure-abandoned',
    kinds: ['procedure-abandoned'],
    key: "procedure || '/' || coalesce(step, '')",
    count: 'events',
  },
  {
    name: 'step-reached',
    kinds: ['step-reached'],
    key: "procedure || '/' || step",
    count: 'visits',
  },
  { name: 'help-asked', kinds: ['help-asked'], key: 'outcome', count: 'events' },
  { name: 'help-called', kinds: ['help-called'], key: "''", count: 'events' },
  { name: 'help-answered', kinds: ['help-answered'], key: 'duration', count: 'events' },
  { name: 'help-cancelled', kinds: ['help-cancelled'], key: 'duration', count: 'events' },
  { name: 'aid-used', kinds: ['aid-used'], key: 'aid', count: 'visits' },
  { name: 'voucher-sold', kinds: ['voucher-sold'], key: 'product', count: 'events' },
];

/** One aggregate cell: a day, a metric, a key; how many, and how many visits behind it. */
export interface DailyCell {
  day: string;
  metric: MetricName;
  key: string;
  count: number;
  /** Distinct visits behind the count; for staff events outside any visit, the events. */
  visits: number;
}
