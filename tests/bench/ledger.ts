/**
 * The voucher ledger. In the same run:
 * - import of 100,000 codes from an operator CSV (read, detect, validate,
 *   seal each PIN with AES-256-GCM, one transaction);
 * - the sale transaction (reserve a code + sale row + chained journal entry,
 *   BEGIN IMMEDIATE, synchronous=FULL), p50/p99 over 2,000 sales, beside a
 *   bare reserve-and-journal transaction on a two-table file (the baseline:
 *   the same fsyncs, none of our checks), and their ratio;
 * - fault injection: `runs` child processes (default 500) killed with
 *   SIGKILL at random points of real sales, invariants checked after each.
 * Usage: npm run bench -- ledger [runs]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KioskConfig } from '../../main/config/config-schema.js';
import { importStockFile, openLedger } from '../../main/vouchers/stock-import.js';
import { openSqliteFile } from '../../native/sqlite-file.js';
import { runLedgerFaults } from '../support/ledger-faults.js';
import { makeCodes, ORANGE, SFR, stockCsv, TEST_PRODUCTS } from '../support/voucher-stock.js';
import { percentile, round } from './stats.js';

const RUNS = Number(process.argv[2] ?? 500);
const CODES = 100_000;
const SALES = 2_000;

const dir = mkdtempSync(join(tmpdir(), 'borne-bench-ledger-'));
try {
  const config = KioskConfig.parse({ vouchers: { products: TEST_PRODUCTS } });
  const file = join(dir, 'stock.csv');
  writeFileSync(file, stockCsv([...makeCodes(CODES / 2, ORANGE), ...makeCodes(CODES / 2, SFR)]));
  const dataDir = join(dir, 'data');
  const importStart = performance.now();
  const imported = importStockFile(file, { config, dataDir, dryRun: false, by: 'bench' });
  const importSec = (performance.now() - importStart) / 1000;
  if (!imported.ok || !imported.committed) throw new Error('import failed');
  console.log(
    `import: ${CODES} codes (${round(statSync(file).size / 1e6)} MB CSV) in ${round(importSec, 2)} s`,
  );

  const ledger = openLedger(dataDir);
  const sale = {
    productId: 'orange-10',
    label: 'Recharge Orange 10 €',
    priceCents: 500,
    payment: 'cash',
    member: 'kq3V0c2mJ8oTn6Xr1bYpZw',
    staff: 'bench',
  };
  const saleMs: number[] = [];
  for (let i = 0; i < SALES; i += 1) {
    const start = performance.now();
    ledger.reserve(sale);
    saleMs.push(performance.now() - start);
  }
  ledger.close();

  // The baseline: the same two writes, bare.
  const bare = openSqliteFile(join(dir, 'bare.sqlite'), {
    synchronous: 'FULL',
    migrations: [
      `CREATE TABLE codes (id INTEGER PRIMARY KEY, state TEXT NOT NULL);
       CREATE TABLE journal (seq INTEGER PRIMARY KEY, detail TEXT NOT NULL);`,
    ],
  });
  const insert = bare.prepare("INSERT INTO codes (state) VALUES ('IN_STOCK')");
  bare.transaction(() => {
    for (let i = 0; i < SALES; i += 1) insert.run();
  })();
  const reserve = bare.prepare(
    "UPDATE codes SET state = 'RESERVED' WHERE id = (SELECT id FROM codes WHERE state = 'IN_STOCK' LIMIT 1)",
  );
  const journal = bare.prepare('INSERT INTO journal (detail) VALUES (?)');
  const bareSale = bare.transaction(() => {
    reserve.run();
    journal.run('{"sale":1}');
  });
  const bareMs: number[] = [];
  for (let i = 0; i < SALES; i += 1) {
    const start = performance.now();
    bareSale.immediate();
    bareMs.push(performance.now() - start);
  }
  bare.close();
  const saleP50Ms = round(percentile(saleMs, 50), 3);
  const saleP99Ms = round(percentile(saleMs, 99), 3);
  const bareP50Ms = round(percentile(bareMs, 50), 3);
  console.log(
    `sale (reserve + sale row + chained journal, FULL): p50 ${saleP50Ms} ms, p99 ${saleP99Ms} ms`,
  );
  console.log(
    `bare reserve + journal transaction (FULL): p50 ${bareP50Ms} ms, p99 ${round(percentile(bareMs, 99), 3)} ms; ratio ${round(saleP50Ms / bareP50Ms, 2)}`,
  );

  const faultStart = performance.now();
  const faults = await runLedgerFaults({ runs: RUNS, codes: RUNS * 3 + 50 });
  console.log(
    `fault injection: ${faults.runs} runs in ${round((performance.now() - faultStart) / 1000, 1)} s, kills ${JSON.stringify(faults.byPoint)}, ${faults.sold} codes sold`,
  );
  console.log(`final states: ${JSON.stringify(faults.finalStates)}`);
  for (const line of faults.violations) console.log(`VIOLATION ${line}`);
  console.log(
    JSON.stringify({
      bench: 'ledger',
      importSec: round(importSec, 2),
      saleP50Ms,
      saleP99Ms,
      bareP50Ms,
      saleToBareRatio: round(saleP50Ms / bareP50Ms, 2),
      faultRuns: faults.runs,
      lost: faults.lost,
      duplicated: faults.duplicated,
      invariantViolations: faults.invariantViolations,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
