/**
 * What may leave the kiosk: counts per fixed calendar period (a day, or a
 * whole month), each cell published only when at least 10 visits are behind
 * it. Because a period's cells do not depend on the range asked, two exports
 * over overlapping ranges show the same cells for the periods they share: no
 * subtraction of one from the other can single out a smaller group. Months
 * are always whole (a range is widened to the months it touches), and no
 * total over a range is published.
 *
 * Within a period, cells that split the visits (by hour, by length, by how
 * the visit ended) sum to the published visits: when the suppressed cells
 * would add up to fewer than 10 visits, more cells are suppressed (the
 * smallest first), so the remainder never reveals a small group either.
 */
import { addDays, addMonths } from '../members/membership-period.js';
import { type DailyCell, METRICS, type MetricName } from './usage-metrics.js';

/** The fewest visits a published cell may count. */
export const MIN_VISITS = 10;

export type PeriodBin = 'day' | 'month';

export interface PublishedCell {
  /** YYYY-MM-DD, or YYYY-MM for a month. */
  period: string;
  metric: MetricName;
  key: string;
  /** null: fewer than 10 visits behind it (or it would let one be found). */
  value: number | null;
}

export function periodOf(day: string, bin: PeriodBin): string {
  return bin === 'day' ? day : day.slice(0, 7);
}

/** The days an export covers: the range asked, widened to whole months by month. */
export function exportRange(
  from: string,
  to: string,
  bin: PeriodBin,
): { from: string; to: string } {
  if (bin === 'day') return { from, to };
  const lastMonth = `${to.slice(0, 7)}-01`;
  return { from: `${from.slice(0, 7)}-01`, to: addDays(addMonths(lastMonth, 1), -1) };
}

const SPLITS = new Set(METRICS.filter((metric) => metric.splitsVisits).map((m) => m.name));

/** A metric's cell over one period: the days' counts added up. */
export interface PeriodCell {
  period: string;
  metric: MetricName;
  key: string;
  count: number;
  visits: number;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byCell = (a: PeriodCell, b: PeriodCell) =>
  order(a.period, b.period) || order(a.metric, b.metric) || order(a.key, b.key);

/** Daily cells added up per period (the store does this in SQL; this is its plain twin). */
export function sumByPeriod(days: readonly DailyCell[], bin: PeriodBin): PeriodCell[] {
  const summed = new Map<string, PeriodCell>();
  for (const cell of days) {
    const period = periodOf(cell.day, bin);
    const id = `${period} ${cell.metric} ${cell.key}`;
    const sum = summed.get(id);
    if (sum) {
      sum.count += cell.count;
      sum.visits += cell.visits;
    } else {
      summed.set(id, {
        period,
        metric: cell.metric,
        key: cell.key,
        count: cell.count,
        visits: cell.visits,
      });
    }
  }
  return [...summed.values()].sort(byCell);
}

/** The cells of whole periods, published with suppression, in period, metric, key order. */
export function publishCells(cells: readonly PeriodCell[]): PublishedCell[] {
  const sorted = cells.every(
    (cell, index) => index === 0 || byCell(cells[index - 1] as PeriodCell, cell) <= 0,
  )
    ? cells
    : [...cells].sort(byCell);
  const published: PublishedCell[] = [];
  // A period at a time: its visits cell decides for the cells that split the visits.
  for (const period of runs(sorted, (cell) => cell.period)) {
    const visitsCell = period.find((cell) => cell.metric === 'visits' && cell.key === '');
    const total = visitsCell && visitsCell.visits >= MIN_VISITS ? visitsCell.count : null;
    for (const group of runs(period, (cell) => cell.metric)) {
      const split = SPLITS.has((group[0] as PeriodCell).metric) ? { total } : undefined;
      published.push(...publishGroup(group, split));
    }
  }
  return published;
}

/** A sorted list cut where `key` changes. */
function runs<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const cut: T[][] = [];
  for (const item of items) {
    const last = cut.at(-1);
    if (last && key(last[0] as T) === key(item)) last.push(item);
    else cut.push([item]);
  }
  return cut;
}

/** One period's cells of one metric; `split` when they add up to the period's visits. */
function publishGroup(cells: PeriodCell[], split?: { total: number | null }): PublishedCell[] {
  const shown = new Set(cells.filter((cell) => cell.visits >= MIN_VISITS));
  if (split) {
    if (split.total === null) shown.clear();
    // The smallest cells go first until what is hidden is nothing or 10 visits and more.
    const ascending = [...shown].sort((a, b) => a.count - b.count);
    const hidden = () =>
      Math.abs((split.total ?? 0) - [...shown].reduce((sum, cell) => sum + cell.count, 0));
    while (shown.size > 0 && hidden() > 0 && hidden() < MIN_VISITS) {
      shown.delete(ascending.shift() as PeriodCell);
    }
  }
  return cells.map((cell) => ({
    period: cell.period,
    metric: cell.metric,
    key: cell.key,
    value: shown.has(cell) ? cell.count : null,
  }));
}
