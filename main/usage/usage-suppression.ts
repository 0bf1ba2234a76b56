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
import { addDays } from '../members/membership-period.js';
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
  const nextMonth = (month: string) => {
    const [year, index] = month.split('-').map(Number) as [number, number];
    return index === 12 ? `${year + 1}-01-01` : `${year}-${String(index + 1).padStart(2, '0')}-01`;
  };
  return { from: `${from.slice(0, 7)}-01`, to: addDays(nextMonth(to.slice(0, 7)), -1) };
}

const SPLITS = new Set(METRICS.filter((metric) => metric.splitsVisits).map((m) => m.name));

interface Summed {
  period: string;
  metric: MetricName;
  key: string;
  count: number;
  visits: number;
}

/** The cells of the days given, summed per period and published with suppression. */
export function publishCells(days: readonly DailyCell[], bin: PeriodBin): PublishedCell[] {
  const summed = new Map<string, Summed>();
  for (const cell of days) {
    const period = periodOf(cell.day, bin);
    const id = `${period}\u0000${cell.metric}\u0000${cell.key}`;
    const sum = summed.get(id) ?? {
      period,
      metric: cell.metric,
      key: cell.key,
      count: 0,
      visits: 0,
    };
    sum.count += cell.count;
    sum.visits += cell.visits;
    summed.set(id, sum);
  }
  const byGroup = new Map<string, Summed[]>();
  for (const sum of summed.values()) {
    const group = `${sum.period}\u0000${sum.metric}`;
    byGroup.set(group, [...(byGroup.get(group) ?? []), sum]);
  }
  const published: PublishedCell[] = [];
  for (const cells of byGroup.values()) {
    const first = cells[0] as Summed;
    const visitsCell = summed.get(`${first.period}\u0000visits\u0000`);
    const total = visitsCell && visitsCell.visits >= MIN_VISITS ? visitsCell.count : null;
    published.push(...publishGroup(cells, SPLITS.has(first.metric) ? { total } : undefined));
  }
  return published.sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      a.metric.localeCompare(b.metric) ||
      a.key.localeCompare(b.key),
  );
}

/** One period's cells of one metric; `split` when they add up to the period's visits. */
function publishGroup(cells: Summed[], split?: { total: number | null }): PublishedCell[] {
  const shown = new Set(cells.filter((cell) => cell.visits >= MIN_VISITS));
  if (split) {
    if (split.total === null) shown.clear();
    // The smallest cells go first until what is hidden is nothing or 10 visits and more.
    const ascending = [...shown].sort((a, b) => a.count - b.count);
    const hidden = () =>
      Math.abs((split.total ?? 0) - [...shown].reduce((sum, cell) => sum + cell.count, 0));
    while (shown.size > 0 && hidden() > 0 && hidden() < MIN_VISITS) {
      shown.delete(ascending.shift() as Summed);
    }
  }
  return cells.map((cell) => ({
    period: cell.period,
    metric: cell.metric,
    key: cell.key,
    value: shown.has(cell) ? cell.count : null,
  }));
}
