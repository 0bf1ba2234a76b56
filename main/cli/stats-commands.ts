/**
 * `borne stats export` and `borne stats purge`: the usage statistics from a
 * technician's terminal. Exports are meant to leave the kiosk: cells of
 * fewer than 10 visits are suppressed (main/usage/usage-suppression.ts).
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { dataDir } from '../app/paths.js';
import { retentionCutoffs, USAGE_FILE } from '../app/usage-service.js';
import { loadConfigFile } from '../config/config-file.js';
import { resolveConfigPath } from '../config/config-path.js';
import { dayOf } from '../members/membership-period.js';
import { buildExport, type ExportFormat, formatExport } from '../usage/usage-export.js';
import { UsageStore } from '../usage/usage-store.js';
import type { PeriodBin } from '../usage/usage-suppression.js';
import type { CliIo, SetExitCode } from './cli-io.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function withStore<T>(use: (store: UsageStore) => T): T {
  const store = new UsageStore(join(dataDir(), USAGE_FILE));
  try {
    return use(store);
  } finally {
    store.close();
  }
}

export function addStatsCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const stats = program.command('stats').description('anonymised usage statistics');
  stats
    .command('export')
    .description('counts per day or per whole month; cells under 10 visits suppressed')
    .requiredOption('--from <YYYY-MM-DD>', 'first day')
    .requiredOption('--to <YYYY-MM-DD>', 'last day')
    .option('--format <csv|json>', 'CSV with semicolons, or JSON', 'csv')
    .option('--by <day|month>', 'one cell per day, or per whole month', 'day')
    .action((options: { from: string; to: string; format: string; by: string }) => {
      const problems = [
        ...(['from', 'to'] as const)
          .filter((name) => !DAY.test(options[name]))
          .map((name) => `--${name} must be YYYY-MM-DD, not "${options[name]}"`),
        ...(options.from > options.to ? ['--from must not be after --to'] : []),
        ...(['csv', 'json'].includes(options.format) ? [] : ['--format must be csv or json']),
        ...(['day', 'month'].includes(options.by) ? [] : ['--by must be day or month']),
      ];
      if (problems.length > 0) {
        io.err(`${problems.join('\n')}\n`);
        return setExitCode(2);
      }
      const config = loadConfigFile(resolveConfigPath()).config;
      const range = { from: options.from, to: options.to, by: options.by as PeriodBin };
      const text = withStore((store) => {
        store.aggregatePending(dayOf(new Date()));
        const result = buildExport(config.kiosk.id, range, (from, to, bin) =>
          store.periodCells(from, to, bin),
        );
        return formatExport(result, options.format as ExportFormat);
      });
      io.out(text);
      return setExitCode(0);
    });
  stats
    .command('purge')
    .description('delete raw events past 13 months and counts past 25 (or the configured limits)')
    .option('--dry-run', 'say what would be deleted: nothing is')
    .action((options: { dryRun?: boolean }) => {
      const config = loadConfigFile(resolveConfigPath()).config;
      const today = dayOf(new Date());
      const { rawBefore, aggregatesBefore } = retentionCutoffs(today, config.usage);
      const plan = withStore((store) => {
        // The days about to lose their events are counted first.
        if (!options.dryRun) store.aggregatePending(today);
        return store.purge(rawBefore, aggregatesBefore, !options.dryRun);
      });
      io.out(`${JSON.stringify({ ...plan, deleted: !options.dryRun }, null, 2)}\n`);
      return setExitCode(0);
    });
}
