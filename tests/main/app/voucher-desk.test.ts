/**
 * The voucher desk as staff use it, down to the bytes the virtual printer
 * receives and the rows of the ledger: a sale to a member, a printer out of
 * paper, a cable pulled mid-voucher, the monthly quota and a manager's
 * override, the day's report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemberDesk, type MemberDesk } from '../../../main/app/member-desk.js';
import { createPrintingService, type PrintingService } from '../../../main/app/printing-service.js';
import { createVoucherDesk, type VoucherDesk } from '../../../main/app/voucher-desk.js';
import { KioskConfig } from '../../../main/config/config-schema.js';
import { openLedger } from '../../../main/vouchers/stock-import.js';
import { readStockFile } from '../../../main/vouchers/stock-file.js';
import { interpretEscPos } from '../../../native/printer/escpos-interpreter.js';
import { groupDigits } from '../../../native/printer/templates/receipt-format.js';
import {
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../native/printer/virtual-printer.js';
import { makeCodes, nth, ORANGE, stockCsv, TEST_PRODUCTS } from '../../support/voucher-stock.js';

const CARD = 'kq3V0c2mJ8oTn6Xr1bYpZw';
let dir: string;
let printer: VirtualPrinter;
let printing: PrintingService;
let members: MemberDesk;
let desk: VoucherDesk;
let staff = { name: 'Awa', manager: false };
let codes: ReturnType<typeof makeCodes>;

function configFor(port: number, extra: Record<string, unknown> = {}) {
  return KioskConfig.parse({
    kiosk: { id: 'paris-18-accueil-1', siteName: 'Point d’accueil numérique — Paris 18e' },
    printing: { printers: [{ id: 'desk', uri: `tcp://127.0.0.1:${port}`, profile: 'generic-80' }] },
    vouchers: { products: TEST_PRODUCTS, ...extra },
  });
}

function start(config: KioskConfig) {
  printing = createPrintingService({ config, baseDir: process.cwd(), dataDir: dir, log: () => {} });
  members = createMemberDesk({ dataDir: dir, validityMonths: () => 6, onChange: () => {} });
  desk = createVoucherDesk({
    config: () => config,
    dataDir: dir,
    printing,
    members,
    staff: () => staff,
    onChange: () => {},
    log: () => {},
  });
}

const linesOf = (job: Buffer | undefined) =>
  interpretEscPos(job ?? Buffer.alloc(0)).elements.flatMap((e) =>
    e.kind === 'line' ? [e.text.trim()] : [],
  );

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'borne-desk-'));
  printer = await startVirtualPrinter();
  codes = makeCodes(4, ORANGE);
  const read = readStockFile(
    new TextEncoder().encode(stockCsv(codes)),
    TEST_PRODUCTS,
    '2026-01-01',
  );
  const ledger = openLedger(dir);
  if (read.ok)
    ledger.importStock(read.rows, { fileName: 'stock.csv', fileSha256: '0', by: 'Awa' }, false);
  ledger.close();
  staff = { name: 'Awa', manager: false };
  start(configFor(printer.port));
});
afterEach(async () => {
  await desk.idle();
  desk.dispose();
  members.dispose();
  printing.dispose();
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('voucher desk', () => {
  it('sells a recharge to a member: the voucher with its PIN, the receipt, then "Remis"', async () => {
    members.registry().enrol(CARD, 6, 'Awa');
    members.cardRead(CARD);
    const chosen = await desk.handlers['desk.choose']({ productId: 'orange-10' });
    expect(chosen.sale).toMatchObject({
      step: 'ready',
      priceCents: 500,
      member: { card: 'active', used: 0, quota: 2 },
    });
    expect(chosen.sale?.member.blocked).toBeUndefined();
    const paid = await desk.handlers['desk.pay']({ payment: 'cash' });
    expect(paid.sale).toMatchObject({
      step: 'printed',
      receiptNumber: 'R-2026-000001',
      payment: 'cash',
    });
    await printing.statuses(); // the receipt follows the voucher in the same queue
    await expect.poll(() => printer.jobs.length).toBe(2);
    const voucher = linesOf(printer.jobs[0]);
    expect(voucher).toContain(groupDigits(nth(codes, 0).pin));
    expect(voucher).toContain(`N° de série : ${nth(codes, 0).serial}`);
    const receipt = linesOf(printer.jobs[1]);
    expect(receipt.join('\n')).toMatch(/Reçu n° R-2026-000001/);
    expect(receipt.join('\n')).not.toContain(groupDigits(nth(codes, 0).pin));
    // The screen never gets the PIN.
    expect(JSON.stringify(paid)).not.toContain(nth(codes, 0).pin);

    const handed = await desk.handlers['desk.delivered']({});
    expect(handed).toMatchObject({ sale: null, done: { receiptNumber: 'R-2026-000001' } });
    expect(handed.products[0]).toMatchObject({ id: 'orange-10', inStock: 3, low: true });
    // The card left the desk with the sale; passed again, it counts one this month.
    members.cardRead(CARD);
    const again = await desk.handlers['desk.choose']({ productId: 'orange-10' });
    expect(again.sale?.member).toMatchObject({ used: 1, quota: 2 });
  });

  it('asks the printer first: out of paper, nothing is reserved and staff read why', async () => {
    printer.setState('paper-out');
    await desk.handlers['desk.choose']({ productId: 'orange-10' });
    const refused = await desk.handlers['desk.pay']({ payment: 'cash' });
    expect(refused.sale).toMatchObject({
      step: 'refused',
      message: 'Plus de papier : changez le rouleau',
    });
    expect(refused.products[0]?.inStock).toBe(4);
    expect(printer.jobs).toEqual([]);
    // Paper back: the same sale goes on.
    printer.setState('ready');
    expect((await desk.handlers['desk.pay']({ payment: 'card' })).sale?.step).toBe('printed');
    const ledger = openLedger(dir);
    expect([...ledger.journal()].map((e) => e.kind)).toEqual([
      'stock-import',
      'sale',
      'printing',
      'printed',
    ]);
    ledger.close();
  });

  it('a cable pulled mid-voucher leaves the code UNCERTAIN until staff print a DUPLICATA with a reason', async () => {
    printer.setFaults({ dropAfterBytes: 200 });
    await desk.handlers['desk.choose']({ productId: 'orange-10' });
    const unsure = await desk.handlers['desk.pay']({ payment: 'cash' });
    expect(unsure.sale).toMatchObject({ step: 'uncertain', serial: nth(codes, 0).serial });
    const left = await desk.handlers['desk.cancel']({});
    expect(left.sale).toBeNull();
    expect(left.pending).toEqual([
      expect.objectContaining({ serial: nth(codes, 0).serial, state: 'uncertain', copies: 1 }),
    ]);
    const codeId = nth(left.pending, 0).codeId;
    await expect(desk.handlers['desk.settle']({ codeId, outcome: 'reprint' })).rejects.toThrow(
      /needs a reason/,
    );
    printer.setFaults({ dropAfterBytes: undefined });
    const reprinted = await desk.handlers['desk.settle']({
      codeId,
      outcome: 'reprint',
      reason: 'not-printed',
    });
    expect(reprinted.pending).toEqual([expect.objectContaining({ state: 'printed', copies: 2 })]);
    expect(linesOf(printer.jobs.at(-1))).toContain('DUPLICATA n° 2');
    const settled = await desk.handlers['desk.settle']({ codeId, outcome: 'delivered' });
    expect(settled.pending).toEqual([]);
    const report = await desk.handlers['desk.report']({});
    expect(report).toMatchObject({ reprints: 1, uncertain: 1, totalCents: 500 });
  });

  it('counts the monthly quota per card; only a site manager may sell past it, with a reason kept', async () => {
    members.registry().enrol(CARD, 6, 'Awa');
    members.cardRead(CARD);
    for (let i = 0; i < 2; i += 1) {
      await desk.handlers['desk.choose']({ productId: 'orange-10' });
      await desk.handlers['desk.pay']({ payment: 'cash' });
      await desk.handlers['desk.delivered']({});
      members.cardRead(CARD);
    }
    const third = await desk.handlers['desk.choose']({ productId: 'orange-10' });
    expect(third.sale?.member).toMatchObject({ used: 2, quota: 2, blocked: 'quota' });
    expect(third.sale?.canOverride).toBe(false);
    const still = await desk.handlers['desk.pay']({ payment: 'cash', override: 'Urgence' });
    expect(still.sale?.step).toBe('ready');
    expect(still.products[0]?.inStock).toBe(2);

    staff = { name: 'Fatou', manager: true };
    await desk.handlers['desk.choose']({ productId: 'orange-10' });
    const sold = await desk.handlers['desk.pay']({ payment: 'free', override: 'Urgence logement' });
    expect(sold.sale).toMatchObject({ step: 'printed', priceCents: 0 });
    const ledger = openLedger(dir);
    const sale = [...ledger.journal()].filter((e) => e.kind === 'sale').at(-1);
    expect(sale?.staff).toBe('Fatou');
    expect(JSON.parse(sale?.detail ?? '{}')).toMatchObject({
      override: 'quota: Urgence logement',
      priceCents: 0,
    });
    ledger.close();
  });

  it('tells staff a card without rights, or no card where the site requires one', async () => {
    members.cardRead(CARD); // never enrolled
    expect((await desk.handlers['desk.choose']({ productId: 'orange-10' })).sale?.member).toEqual({
      card: 'unknown',
      used: 0,
      quota: 2,
      blocked: 'no-rights',
    });
    await desk.idle();
    desk.dispose();
    members.dispose();
    printing.dispose();
    start(configFor(printer.port, { memberCard: 'required' }));
    expect((await desk.handlers['desk.choose']({ productId: 'orange-10' })).sale?.member).toEqual({
      card: 'none',
      blocked: 'card-required',
    });
  });

  it('is for signed-in staff only', () => {
    desk.dispose();
    desk = createVoucherDesk({
      config: () => configFor(printer.port),
      dataDir: dir,
      printing,
      members,
      staff: () => {
        throw new Error('staff only');
      },
      onChange: () => {},
      log: () => {},
    });
    expect(() => desk.handlers['desk.get']({})).toThrow('staff only');
    expect(() => desk.handlers['desk.sales']({})).toThrow('staff only');
  });
});
