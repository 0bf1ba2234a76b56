/**
 * The staff screen's statistics from the daily aggregates: visits per day
 * (every day of the range, zeros included), by hour, procedures started and
 * finished, where visitors give up, languages, aids, volunteer calls and
 * vouchers sold. Counts of this kiosk, shown on this kiosk only.
 */
import type { StatsView, UsageHealthView } from '../contract/stats-contract.js';
import { addDays } from '../members/membership-period.js';
import { DURATION_BUCKETS } from './usage-event.js';
import type { DailyCell, MetricName } from './usage-metrics.js';

export interface StatsNames {
  /** A procedure's title and its steps' ids, in order (undefined: no longer offered). */
  procedure(id: string): { title: string; steps: readonly string[] } | undefined;
  /** A voucher product's label. */
  product(id: string): string | undefined;
}

export function buildStatsView(
  cells: readonly DailyCell[],
  range: { from: string; to: string },
  names: StatsNames,
  health: UsageHealthView,
): StatsView {
  const totals = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (const cell of cells) {
    const id = `${cell.metric}\u0000${cell.key}`;
    totals.set(id, (totals.get(id) ?? 0) + cell.count);
    if (cell.metric === 'visits') perDay.set(cell.day, (perDay.get(cell.day) ?? 0) + cell.count);
  }
  /** The keys of a metric with their totals, most first. */
  const of = (metric: MetricName) =>
    [...totals]
      .filter(([id]) => id.startsWith(`${metric}\u0000`))
      .map(([id, count]) => ({ key: id.slice(metric.length + 1), count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const total = (metric: MetricName) => of(metric).reduce((sum, cell) => sum + cell.count, 0);

  const days: StatsView['perDay'] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    days.push({ day, visits: perDay.get(day) ?? 0 });
  }
  const byHour = new Map(of('visits-by-hour').map((cell) => [Number(cell.key), cell.count]));
  const completed = new Map(of('procedure-completed').map((cell) => [cell.key, cell.count]));
  const procedureIds = new Set([
    ...of('procedure-started').map((cell) => cell.key),
    ...completed.keys(),
  ]);
  const title = (id: string) => names.procedure(id)?.title ?? id;
  const started = new Map(of('procedure-started').map((cell) => [cell.key, cell.count]));
  const waits = new Map(of('help-answered').map((cell) => [cell.key, cell.count]));

  return {
    from: range.from,
    to: range.to,
    health,
    visits: total('visits'),
    perDay: days,
    hours: Array.from({ length: 24 }, (_, hour) => ({ hour, visits: byHour.get(hour) ?? 0 })),
    procedures: [...procedureIds]
      .map((procedureId) => ({
        procedureId,
        title: title(procedureId),
        started: started.get(procedureId) ?? 0,
        completed: completed.get(procedureId) ?? 0,
      }))
      .sort((a, b) => b.started - a.started || a.title.localeCompare(b.title)),
    abandons: of('procedure-abandoned')
      .map((cell) => {
        const [procedureId = '', stepId = ''] = cell.key.split('/');
        const index = names.procedure(procedureId)?.steps.indexOf(stepId) ?? -1;
        return {
          procedureId,
          title: title(procedureId),
          step: index >= 0 ? index + 1 : null,
          count: cell.count,
        };
      })
      .slice(0, 8),
    languages: of('visits-by-language').map((cell) => ({ language: cell.key, visits: cell.count })),
    aids: of('aid-used').map((cell) => ({ aid: cell.key, visits: cell.count })),
    help: {
      called: total('help-called'),
      answered: total('help-answered'),
      cancelled: total('help-cancelled'),
      waits: DURATION_BUCKETS.filter((bucket) => waits.has(bucket)).map((duration) => ({
        duration,
        count: waits.get(duration) ?? 0,
      })),
    },
    vouchers: of('voucher-sold').map((cell) => ({
      productId: cell.key,
      label: names.product(cell.key) ?? cell.key,
      count: cell.count,
    })),
  };
}
