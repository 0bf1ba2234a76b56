/**
 * The kiosk's usage log as a service: the writer and its database in the
 * data folder, the visit's pseudonym, the daily counting and the retention
 * (at start, then whenever the day has changed), the statistics screen and
 * its CSV export (written to the data folder's exports/, small cells
 * suppressed since the file is meant to leave the kiosk).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskConfig } from '../config/config-schema.js';
import type { LanguageCode } from '../contract/ipc-contract.js';
import type { STATS_METHODS, StatsView, UsageHealthView } from '../contract/stats-contract.js';
import type { Handlers } from '../ipc/dispatcher.js';
import { addDays, addMonths, dayOf } from '../members/membership-period.js';
import type { ResetReason } from '../session/session-machine.js';
import { buildExport, formatExport } from '../usage/usage-export.js';
import type { DailyCell } from '../usage/usage-metrics.js';
import { buildStatsView, type StatsNames } from '../usage/usage-stats.js';
import { type PurgePlan, UsageStore } from '../usage/usage-store.js';
import { UsageWriter } from '../usage/usage-writer.js';
import { VisitUsage } from '../usage/visit-usage.js';

export const USAGE_FILE = 'usage.sqlite';
const MAINTENANCE_EVERY_MS = 60 * 60_000;

export interface UsageServiceOptions {
  dataDir: string;
  config: () => KioskConfig;
  /** Events outside the schema throw (development, tests) or are dropped and counted. */
  strict: boolean;
  names: StatsNames;
  now?: () => number;
  log?: (line: string) => void;
}

/** The days before which raw events and aggregates go, for a kiosk's limits. */
export function retentionCutoffs(
  today: string,
  limits: KioskConfig['usage'],
): { rawBefore: string; aggregatesBefore: string } {
  return {
    rawBefore: addMonths(today, -limits.rawMonths),
    aggregatesBefore: addMonths(today, -limits.aggregateMonths),
  };
}

export type UsageService = ReturnType<typeof createUsageService>;

export function createUsageService(options: UsageServiceOptions) {
  const now = options.now ?? Date.now;
  const today = () => dayOf(new Date(now()));
  const writer = new UsageWriter({
    open: () => {
      mkdirSync(options.dataDir, { recursive: true });
      return new UsageStore(join(options.dataDir, USAGE_FILE), {
        maxMegabytes: options.config().usage.maxMegabytes,
      });
    },
    strict: options.strict,
    today,
    log: options.log,
  });
  const visit = new VisitUsage({ writer, kioskId: () => options.config().kiosk.id, now });
  let maintainedOn: string | undefined;

  /** Counts the days that are over, then deletes what is past its keeping time. */
  function maintain(apply = true): PurgePlan {
    writer.flush();
    return writer.withStore((store) => {
      store.aggregatePending(today());
      const { rawBefore, aggregatesBefore } = retentionCutoffs(today(), options.config().usage);
      const plan = store.purge(rawBefore, aggregatesBefore, apply);
      if (apply && (plan.rawEvents > 0 || plan.aggregateDays > 0)) {
        options.log?.(
          `usage: ${plan.rawEvents} events before ${rawBefore} and ${plan.aggregateDays} days of counts before ${aggregatesBefore} deleted`,
        );
      }
      maintainedOn = today();
      return plan;
    });
  }

  const tryMaintain = () => {
    try {
      if (maintainedOn !== today()) maintain();
    } catch {
      // Reported by the writer's health; tried again at the next check.
    }
  };
  // Not on the start-up path: the first counting and purge run once the kiosk is up.
  const first = setTimeout(tryMaintain, 10_000);
  first.unref();
  const timer = setInterval(tryMaintain, MAINTENANCE_EVERY_MS);
  timer.unref();

  const health = (): UsageHealthView => {
    const { state, dropped } = writer.health();
    return { state, dropped };
  };

  const rangeOf = (days: number) => ({ from: addDays(today(), 1 - days), to: today() });

  function stats(days: number): StatsView {
    writer.flush();
    const range = rangeOf(days);
    try {
      const cells = writer.withStore((store) => {
        store.aggregatePending(today());
        return store.daily(range.from, range.to);
      });
      return buildStatsView(cells, range, options.names, health());
    } catch {
      // The screen still opens, empty, and says why.
      return buildStatsView([], range, options.names, health());
    }
  }

  function exportFile(days: number) {
    const range = rangeOf(days);
    writer.flush();
    const by = days > 31 ? 'month' : 'day';
    const stats = buildExport(options.config().kiosk.id, { ...range, by }, (from, to, bin) =>
      writer.withStore((store) => {
        store.aggregatePending(today());
        return store.periodCells(from, to, bin);
      }),
    );
    const folder = join(options.dataDir, 'exports');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `statistiques-${stats.from}-${stats.to}.csv`);
    writeFileSync(file, formatExport(stats, 'csv'));
    return {
      file,
      cells: stats.cells.length,
      suppressed: stats.cells.filter((cell) => cell.value === null).length,
    };
  }

  /** The last days' aggregates, for the fleet server (never a raw event). */
  function aggregates(days: number): DailyCell[] {
    writer.flush();
    const range = rangeOf(days);
    return writer.withStore((store) => {
      store.aggregatePending(today());
      return store.daily(range.from, range.to);
    });
  }

  const handlers: Pick<Handlers, keyof typeof STATS_METHODS> = {
    'stats.get': ({ days }) => stats(days),
    'stats.export': ({ days }) => exportFile(days),
  };

  return {
    /** Where the guide, the aids and the desk record their events. */
    log: visit,
    handlers,
    health,
    maintain,
    aggregates,
    /** The first touch of a visit. */
    visitStarted: () => visit.started(),
    /** The visit's reset: its end is recorded and everything queued is written. */
    visitEnded: (reason: ResetReason, language: LanguageCode) => visit.ended(reason, language),
    flush: () => writer.flush(),
    /** The database, for checks and tests. */
    store: () => writer.store(),
    /** Every event recorded so far, written first (for checks and tests). */
    recorded: () => {
      writer.flush();
      return writer.store().events('2000-01-01', '2999-12-31');
    },
    dispose: () => {
      clearTimeout(first);
      clearInterval(timer);
      writer.close();
    },
  };
}
