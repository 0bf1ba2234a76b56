/**
 * SIGKILL at random points of real sales, in a child process, then a
 * restart: every code stays in exactly one state, no PIN is lost, printed
 * twice without an audited reprint, or readable anywhere but on paper.
 * (`npm run bench -- ledger` runs 500 of these.)
 */
import { describe, expect, it } from 'vitest';
import { runLedgerFaults } from '../../support/ledger-faults.js';

const RUNS = 60;

describe('voucher ledger under SIGKILL', () => {
  it(`keeps every code accounted for over ${RUNS} killed and restarted runs`, async () => {
    const report = await runLedgerFaults({ runs: RUNS });
    expect(report.violations).toEqual([]);
    expect(report).toMatchObject({ runs: RUNS, lost: 0, duplicated: 0, invariantViolations: 0 });
    // Each kind of kill happened, and sales went through between them.
    for (const point of ['before-reserve', 'after-reserve', 'mid-print', 'after-print'] as const) {
      expect(report.byPoint[point], point).toBeGreaterThan(0);
    }
    expect(report.sold).toBeGreaterThan(RUNS / 2);
    expect(report.finalStates.RESERVED).toBe(0);
  }, 120_000);
});
