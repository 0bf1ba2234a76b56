/**
 * `borne stock` and `borne ledger` and `borne report day`: the voucher
 * stock and its ledger from a technician's or a manager's terminal. Nothing
 * here ever prints a PIN: bad rows are named by line and reason.
 */
import type { Command } from 'commander';
import { dataDir } from '../app/paths.js';
import { loadConfigFile } from '../config/config-file.js';
import { resolveConfigPath } from '../config/config-path.js';
import { dayOf } from '../members/membership-period.js';
import { dayReportCsv } from '../vouchers/day-report-csv.js';
import { importStockFile, openLedger } from '../vouchers/stock-import.js';
import type { VoucherLedger } from '../vouchers/voucher-ledger.js';
import type { CliIo, SetExitCode } from './cli-io.js';

function withLedger<T>(use: (ledger: VoucherLedger) => T): T {
  const ledger = openLedger(dataDir());
  try {
    return use(ledger);
  } finally {
    ledger.close();
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function addVoucherCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const stock = program.command('stock').description('recharge codes in stock');
  stock
    .command('import')
    .description(
      'import an operator CSV file (serial, PIN, product, face value, expiry); all rows or none',
    )
    .argument('<file>', 'CSV file, any delimiter, UTF-8 or Windows-1252')
    .option('--dry-run', 'check and report only: nothing is imported')
    .option('--by <name>', 'who imports, kept in the journal', 'import')
    .action((file: string, options: { dryRun?: boolean; by: string }) => {
      const config = loadConfigFile(resolveConfigPath()).config;
      if (config.vouchers.products.length === 0) {
        io.err('no vouchers.products in the configuration: add the products first\n');
        return setExitCode(2);
      }
      const report = importStockFile(file, {
        config,
        dataDir: dataDir(),
        dryRun: options.dryRun === true,
        by: options.by.trim() || 'import',
      });
      io.out(json(report));
      return setExitCode(report.ok && report.problems.length === 0 ? 0 : 1);
    });
  stock
    .command('status')
    .description('codes per product and state, and which products run low (JSON)')
    .action(() => {
      const config = loadConfigFile(resolveConfigPath()).config;
      const products = withLedger((ledger) => ledger.stock());
      io.out(
        json({
          products: products.map((entry) => {
            const product = config.vouchers.products.find((p) => p.id === entry.productId);
            return {
              ...entry,
              label: product?.label ?? null,
              low: product ? entry.inStock <= product.lowStock : false,
            };
          }),
        }),
      );
      setExitCode(0);
    });

  program
    .command('ledger')
    .description('the sales journal')
    .command('verify')
    .description('check the journal hash chain; names the first broken entry')
    .action(() => {
      const check = withLedger((ledger) => ledger.verify());
      if (check.ok) {
        io.out(`journal intact: ${check.entries} entries, last hash ${check.lastHash}\n`);
        return setExitCode(0);
      }
      io.err(`journal broken at entry ${check.brokenAt}: ${check.reason}\n`);
      return setExitCode(1);
    });

  program
    .command('report')
    .description('sales reports')
    .command('day')
    .description('the totals of one day (JSON, or CSV for the accounts)')
    .option('--date <YYYY-MM-DD>', 'the day (default: today)')
    .option('--csv', 'CSV with semicolons, as French spreadsheets open it')
    .action((options: { date?: string; csv?: boolean }) => {
      const day = options.date ?? dayOf(new Date());
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
        io.err(`--date must be YYYY-MM-DD, not "${day}"\n`);
        return setExitCode(2);
      }
      const config = loadConfigFile(resolveConfigPath()).config;
      const totals = withLedger((ledger) => ledger.dayTotals(day));
      io.out(options.csv ? dayReportCsv(totals, config.kiosk.id) : json(totals));
      return setExitCode(0);
    });
}
