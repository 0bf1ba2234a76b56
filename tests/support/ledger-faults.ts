/**
 * Fault injection for the voucher ledger (the test and `npm run bench --
 * ledger`): a child process runs the real desk against the virtual printer
 * and is killed with SIGKILL at random points (before reserve, after
 * reserve, mid-print, after print before "Remis"); the next run recovers.
 * After every run the invariants are checked:
 *   - every code in exactly one state, the states adding up to what was imported;
 *   - the journal's hash chain verifies;
 *   - every PIN the printer received belongs to a code in PRINTING,
 *     DELIVERED or UNCERTAIN, or to one voided by staff afterwards (never
 *     IN_STOCK or RESERVED: it could be sold again);
 *   - no PIN printed more often than the journal says it was sent
 *     (first print plus audited reprints);
 *   - no PIN in any file of the data folder or in the child's output.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KioskConfig } from '../../main/config/config-schema.js';
import { importStockFile, openLedger } from '../../main/vouchers/stock-import.js';
import { interpretEscPos } from '../../native/printer/escpos-interpreter.js';
import { groupDigits } from '../../native/printer/templates/receipt-format.js';
import { startVirtualPrinter } from '../../native/printer/virtual-printer.js';
import { bundleChild, runChild } from './fault-child.js';
import { makeCodes, ORANGE, SFR, stockCsv, TEST_PRODUCTS } from './voucher-stock.js';

export const FAULT_POINTS = [
  'before-reserve',
  'after-reserve',
  'mid-print',
  'after-print',
  'none',
] as const;
type FaultPoint = (typeof FAULT_POINTS)[number];

export interface FaultReport {
  runs: number;
  byPoint: Record<FaultPoint, number>;
  sold: number;
  /** Codes unaccounted for: imported minus every state, plus any left RESERVED at the end. */
  lost: number;
  /** PINs printed more often than journaled, or seen on paper while back in stock. */
  duplicated: number;
  invariantViolations: number;
  /** What broke, first ones only (never a PIN). */
  violations: string[];
  finalStates: Record<string, number>;
}

export async function runLedgerFaults(options: {
  runs: number;
  seed?: number;
  codes?: number;
  onRun?: (run: number, point: FaultPoint) => void;
}): Promise<FaultReport> {
  const dir = mkdtempSync(join(tmpdir(), 'borne-ledger-faults-'));
  const dataDir = join(dir, 'data');
  const printer = await startVirtualPrinter({ drainDelayMs: 2 });
  const bundle = await bundleChild('ledger-fault-child');
  let seed = options.seed ?? 20_261_202;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  const perProduct = Math.ceil((options.codes ?? options.runs * 3 + 20) / 2);
  const codes = [...makeCodes(perProduct, ORANGE), ...makeCodes(perProduct, SFR)];
  const stock = join(dir, 'stock.csv');
  writeFileSync(stock, stockCsv(codes));
  const config = KioskConfig.parse({ vouchers: { products: TEST_PRODUCTS } });
  const imported = importStockFile(stock, { config, dataDir, dryRun: false, by: 'Fatou' });
  if (!imported.ok || !imported.committed) throw new Error('the fault run could not import stock');
  rmSync(stock);

  const printed = new Map(codes.map((code) => [groupDigits(code.pin), code]));
  const report: FaultReport = {
    runs: 0,
    byPoint: Object.fromEntries(FAULT_POINTS.map((point) => [point, 0])) as FaultReport['byPoint'],
    sold: 0,
    lost: 0,
    duplicated: 0,
    invariantViolations: 0,
    violations: [],
    finalStates: {},
  };
  const violation = (text: string, kind: 'lost' | 'duplicated' | 'other' = 'other') => {
    report.invariantViolations += 1;
    if (kind === 'lost') report.lost += 1;
    if (kind === 'duplicated') report.duplicated += 1;
    if (report.violations.length < 20) report.violations.push(text);
  };
  let outputs = '';

  const check = (run: number) => {
    const ledger = openLedger(dataDir);
    try {
      const states = ledger.stateCounts();
      const total = Object.values(states).reduce((sum, count) => sum + count, 0);
      if (total !== ledger.importedCount()) {
        violation(
          `run ${run}: states add up to ${total}, ${ledger.importedCount()} imported`,
          'lost',
        );
      }
      const chain = ledger.verify();
      if (!chain.ok) violation(`run ${run}: journal broken at ${chain.brokenAt}: ${chain.reason}`);
      // Every PIN on paper so far, with how many times it came out.
      const seen = new Map<string, number>();
      for (const job of [...printer.jobs, printer.openJobBytes()]) {
        for (const element of interpretEscPos(job).elements) {
          if (element.kind !== 'line') continue;
          const code = printed.get(element.text.trim());
          if (code) seen.set(code.serial, (seen.get(code.serial) ?? 0) + 1);
        }
      }
      const sends = new Map<string, number>();
      const voided = new Set<string>();
      for (const entry of ledger.journal()) {
        if (!entry.serial) continue;
        if (entry.kind === 'printing' || entry.kind === 'reprint') {
          sends.set(entry.serial, (sends.get(entry.serial) ?? 0) + 1);
        }
        if (entry.kind === 'void') voided.add(entry.serial);
      }
      for (const [serial, times] of seen) {
        const code = ledger.findBySerial(serial);
        const state = code?.state;
        const onPaperOk =
          state === 'PRINTING' ||
          state === 'DELIVERED' ||
          state === 'UNCERTAIN' ||
          (state === 'VOID' && voided.has(serial));
        if (!onPaperOk) violation(`run ${run}: ${serial} is on paper but ${state}`, 'duplicated');
        if (times > (sends.get(serial) ?? 0)) {
          violation(
            `run ${run}: ${serial} printed ${times} times, journaled ${sends.get(serial) ?? 0}`,
            'duplicated',
          );
        }
      }
      report.finalStates = states;
      report.sold = states.DELIVERED + states.PRINTING + states.UNCERTAIN;
    } finally {
      ledger.close();
    }
  };

  const scanForPins = () => {
    const texts = readdirSync(dataDir).map((name) => ({
      name,
      text: readFileSync(join(dataDir, name)).toString('latin1'),
    }));
    texts.push({ name: 'child output', text: outputs });
    for (const { name, text } of texts) {
      for (const code of codes) {
        if (text.includes(code.pin) || text.includes(groupDigits(code.pin))) {
          violation(`a PIN (serial ${code.serial}) is readable in ${name}`);
        }
      }
    }
  };

  try {
    for (let run = 1; run <= options.runs; run += 1) {
      const last = run === options.runs;
      const point: FaultPoint = last
        ? 'none'
        : (FAULT_POINTS[Math.floor(random() * (FAULT_POINTS.length - 1))] ?? 'none');
      options.onRun?.(run, point);
      let armed = false;
      const result = await runChild(
        bundle,
        {
          dataDir,
          port: printer.port,
          products: TEST_PRODUCTS,
          sales: Math.floor(random() * 3),
          point,
          seed: Math.floor(random() * 2 ** 30),
        },
        (line, kill) => {
          if (line !== 'armed' || point !== 'mid-print') return;
          armed = true;
          // Killed as the printer receives the voucher's first bytes.
          const before = printer.openJobBytes().length + printer.jobs.length;
          const poll = setInterval(() => {
            if (printer.openJobBytes().length + printer.jobs.length !== before) {
              kill();
              clearInterval(poll);
            }
          }, 1);
          setTimeout(() => clearInterval(poll), 5000);
        },
      );
      outputs += result.output;
      report.runs += 1;
      report.byPoint[point] += 1;
      const expectedKill = point !== 'none';
      if (expectedKill !== (result.signal === 'SIGKILL') || (!expectedKill && result.code !== 0)) {
        violation(
          `run ${run} (${point}${armed ? ', armed' : ''}): ended ${result.signal ?? `with ${result.code}`}: ${result.output.trim().split('\n').at(-1) ?? ''}`,
        );
      }
      check(run);
    }
    // The last run recovered everything: nothing may stay reserved or half printed.
    const ledger = openLedger(dataDir);
    const states = ledger.stateCounts();
    const open = ledger.pending().filter((code) => code.state === 'RESERVED');
    ledger.close();
    if (open.length > 0) violation(`${open.length} codes still RESERVED after recovery`, 'lost');
    report.finalStates = states;
    scanForPins();
    return report;
  } finally {
    await printer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
