import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPinKey, PinVault } from '../../../main/vouchers/pin-vault.js';
import { readStockFile, type StockRow } from '../../../main/vouchers/stock-file.js';
import { LedgerError, VoucherLedger } from '../../../main/vouchers/voucher-ledger.js';
import {
  makeCode,
  makeCodes,
  nth,
  ORANGE,
  SFR,
  stockCsv,
  TEST_PRODUCTS,
} from '../../support/voucher-stock.js';

let dir: string;
let clock: number;
const now = () => clock;
const file = () => join(dir, 'vouchers.sqlite');

function vault(): PinVault {
  const key = loadPinKey(dir, { create: true });
  if (!key.ok) throw new Error(key.message);
  return new PinVault(key.key);
}

function rowsOf(codes: ReturnType<typeof makeCodes>): StockRow[] {
  const read = readStockFile(
    new TextEncoder().encode(stockCsv(codes)),
    TEST_PRODUCTS,
    '2026-12-02',
  );
  if (!read.ok || read.problems.length > 0) throw new Error('bad fixture');
  return read.rows;
}

const batch = { fileName: 'orange.csv', fileSha256: 'ab'.repeat(32), by: 'Awa' };
const sale = (member: string | null = 'kq3V0c2mJ8oTn6Xr1bYpZw') => ({
  productId: 'orange-10',
  label: 'Recharge Orange 10 €',
  priceCents: 500,
  payment: 'cash',
  member,
  staff: 'Awa',
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-ledger-'));
  clock = new Date(2026, 11, 2, 10, 0).getTime();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('voucher ledger', () => {
  it('imports a file in one go after a dry run, and keeps the PINs sealed', () => {
    const codes = [...makeCodes(4, ORANGE), ...makeCodes(2, SFR)];
    const ledger = new VoucherLedger(file(), vault(), now);
    const dry = ledger.importStock(rowsOf(codes), batch, true);
    expect(dry).toMatchObject({ codes: 6, committed: false, problems: [] });
    expect(dry.byProduct).toEqual({ 'orange-10': 4, 'sfr-20': 2 });
    expect(ledger.stock()).toEqual([]);

    expect(ledger.importStock(rowsOf(codes), batch, false).committed).toBe(true);
    expect(ledger.stock().map((s) => [s.productId, s.inStock, s.imported])).toEqual([
      ['orange-10', 4, 4],
      ['sfr-20', 2, 2],
    ]);
    ledger.close();
    expect(statSync(join(dir, 'voucher-pin.key')).mode & 0o777).toBe(0o600);
    // Neither the database nor its journal files hold a PIN in clear.
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, name)).toString('latin1');
      for (const code of codes) expect(bytes, name).not.toContain(code.pin);
    }
  });

  it('refuses a file whose serial or PIN is already in stock, committing nothing of it', () => {
    const first = makeCodes(3, ORANGE);
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(first), batch, false);
    const again = [...makeCodes(2, ORANGE), { ...makeCode(ORANGE), pin: nth(first, 1).pin }];
    again.push({ ...makeCode(ORANGE), serial: nth(first, 0).serial });
    const result = ledger.importStock(rowsOf(again), batch, false);
    expect(result.committed).toBe(false);
    expect(result.problems).toEqual([
      { line: 4, reason: 'its PIN is already in stock' },
      { line: 5, reason: `serial "${nth(first, 0).serial}" is already in stock` },
    ]);
    expect(ledger.stock()[0]?.imported).toBe(3);
  });

  it('sells a code: reserved, printing, printed, delivered, each journaled and chained', () => {
    const codes = makeCodes(3, ORANGE, '31/12/2027');
    const soon = makeCodes(1, ORANGE, '15/12/2026');
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf([...codes, ...soon]), batch, false);

    const { sale: sold, code } = ledger.reserve(sale());
    // The code expiring first goes first.
    expect(code).toMatchObject({ serial: nth(soon, 0).serial, state: 'RESERVED', saleId: sold.id });
    expect(sold).toMatchObject({ receiptNumber: 'R-2026-000001', priceCents: 500, state: 'open' });
    const voucher = ledger.startPrinting(code.id, 'Awa');
    expect(voucher).toMatchObject({ pin: nth(soon, 0).pin, copy: 1, code: { state: 'PRINTING' } });
    expect(() => ledger.delivered(code.id, 'Awa')).toThrow(/has not printed yet/);
    expect(ledger.printed(code.id)).toMatchObject({ state: 'PRINTING', printed: true });
    expect(ledger.delivered(code.id, 'Awa')).toMatchObject({ state: 'DELIVERED' });
    expect(ledger.sale(sold.id)?.state).toBe('delivered');
    expect(ledger.quotaUsed('kq3V0c2mJ8oTn6Xr1bYpZw', 'orange-10')).toBe(1);
    expect([...ledger.journal()].map((entry) => entry.kind)).toEqual([
      'stock-import',
      'sale',
      'printing',
      'printed',
      'delivered',
    ]);
    expect(ledger.verify()).toMatchObject({ ok: true, entries: 5 });
    expect(JSON.stringify([...ledger.journal()])).not.toContain(nth(soon, 0).pin);
  });

  it('gives a code back to stock, journaled, when nothing reached the printer', () => {
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(makeCodes(1, ORANGE)), batch, false);
    const { code, sale: sold } = ledger.reserve(sale());
    ledger.startPrinting(code.id, 'Awa');
    expect(ledger.release(code.id, 'Awa', 'Plus de papier')).toMatchObject({
      state: 'IN_STOCK',
      saleId: null,
      copies: 0,
    });
    expect(ledger.sale(sold.id)?.state).toBe('released');
    expect(ledger.quotaUsed('kq3V0c2mJ8oTn6Xr1bYpZw', 'orange-10')).toBe(0);
    const last = [...ledger.journal()].at(-1);
    expect(last).toMatchObject({ kind: 'released', staff: 'Awa' });
    expect(JSON.parse(String(last?.detail))).toEqual({
      reason: 'Plus de papier',
      back: 'IN_STOCK',
    });
    // Out of stock after the next sale.
    ledger.reserve(sale());
    expect(() => ledger.reserve(sale())).toThrow(LedgerError);
  });

  it('leaves an unknown print UNCERTAIN until staff decide: delivered, DUPLICATA with a reason, or void', () => {
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(makeCodes(3, ORANGE)), batch, false);
    const ids = [1, 2, 3].map(() => {
      const { code } = ledger.reserve(sale(null));
      ledger.startPrinting(code.id, 'Awa');
      return ledger.uncertain(code.id, 'coupé pendant l’envoi').id;
    });
    const [handed, reprint, voided] = ids as [number, number, number];
    expect(ledger.pending().map((code) => code.state)).toEqual([
      'UNCERTAIN',
      'UNCERTAIN',
      'UNCERTAIN',
    ]);
    expect(ledger.delivered(handed, 'Awa').state).toBe('DELIVERED');
    expect(() => ledger.startPrinting(reprint, 'Awa')).toThrow(/a reprint needs a reason/);
    const again = ledger.startPrinting(reprint, 'Awa', 'Ticket non sorti');
    expect(again.copy).toBe(2);
    ledger.printed(reprint);
    ledger.delivered(reprint, 'Awa');
    expect(() => ledger.void(voided, 'Awa', ' ')).toThrow(/needs a reason/);
    expect(ledger.void(voided, 'Awa', 'Code refusé par l’opérateur').state).toBe('VOID');
    expect(ledger.stateCounts()).toMatchObject({ DELIVERED: 2, VOID: 1, UNCERTAIN: 0 });
    const totals = ledger.dayTotals('2026-12-02');
    expect(totals).toMatchObject({ voided: 1, reprints: 1, uncertain: 3 });
    expect(totals.products).toEqual([
      {
        productId: 'orange-10',
        label: 'Recharge Orange 10 €',
        count: 2,
        faceValueCents: 2000,
        paidCents: 1000,
      },
    ]);
  });

  it('after a crash: a reserved code goes back to stock, a code caught printing becomes UNCERTAIN', () => {
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(makeCodes(3, ORANGE)), batch, false);
    const reserved = ledger.reserve(sale(null)).code;
    const printing = ledger.reserve(sale(null)).code;
    ledger.startPrinting(printing.id, 'Awa');
    ledger.close();

    const reopened = new VoucherLedger(file(), vault(), now);
    expect(reopened.recover().map((code) => [code.id, code.state])).toEqual([
      [reserved.id, 'IN_STOCK'],
      [printing.id, 'UNCERTAIN'],
    ]);
    expect(reopened.recover()).toEqual([]);
    expect(reopened.verify().ok).toBe(true);
  });

  it('refuses any other state change in the file itself, and any change to the journal', () => {
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(makeCodes(2, ORANGE)), batch, false);
    const { code } = ledger.reserve(sale(null));
    ledger.startPrinting(code.id, 'Awa');
    ledger.printed(code.id);
    ledger.delivered(code.id, 'Awa');
    ledger.close();
    const raw = new Database(file());
    expect(() =>
      raw.prepare("UPDATE codes SET state = 'IN_STOCK' WHERE id = ?").run(code.id),
    ).toThrow(/state change not allowed/);
    expect(() => raw.prepare('DELETE FROM codes').run()).toThrow(/never deleted/);
    expect(() => raw.prepare("UPDATE journal SET staff = 'X'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM journal WHERE seq = 2').run()).toThrow(/append-only/);
    raw.close();
  });

  it('names the first broken entry when someone rewrites or removes the journal behind its triggers', () => {
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(makeCodes(3, ORANGE)), batch, false);
    for (let i = 0; i < 3; i += 1) ledger.reserve(sale(null));
    expect(ledger.verify()).toEqual({ ok: true, entries: 4, lastHash: expect.any(String) });
    ledger.close();

    const raw = new Database(file());
    raw.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
    raw
      .prepare(
        `UPDATE journal SET detail = replace(detail, '"priceCents":500', '"priceCents":0') WHERE seq = 3`,
      )
      .run();
    raw.close();
    const tampered = new VoucherLedger(file(), vault(), now);
    expect(tampered.verify()).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'its content does not match its hash',
    });
    tampered.close();

    const again = new Database(file());
    again.prepare('DELETE FROM journal WHERE seq = 3').run();
    again.close();
    const gap = new VoucherLedger(file(), vault(), now);
    expect(gap.verify()).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: 'entries 3 to 3 are missing',
    });
    gap.close();
  });

  it('closes a day with its totals in the chain, once, and closes forgotten days first', () => {
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(makeCodes(3, ORANGE)), batch, false);
    const { code } = ledger.reserve(sale(null));
    ledger.startPrinting(code.id, 'Awa');
    ledger.printed(code.id);
    ledger.delivered(code.id, 'Awa');
    clock += 24 * 3600_000; // the next morning, nobody printed the report
    expect(ledger.closeEarlierDays('borne').map((entry) => entry.day)).toEqual(['2026-12-02']);
    expect(ledger.closeEarlierDays('borne')).toEqual([]);
    const entries = [...ledger.journal()];
    const closing = nth(entries, entries.length - 1);
    expect(closing.kind).toBe('closing');
    expect(JSON.parse(closing.detail)).toMatchObject({
      day: '2026-12-02',
      sales: 1,
      paidCents: 500,
      payments: { cash: 500 },
    });
    expect(ledger.dayTotals('2026-12-02').closingHash).toBe(closing.hash);
    expect(ledger.verify().ok).toBe(true);
  });

  it('refuses a PIN key other than the one that sealed the stock, and never makes a new one over stock', () => {
    const ledger = new VoucherLedger(file(), vault(), now);
    ledger.importStock(rowsOf(makeCodes(1, ORANGE)), batch, false);
    ledger.close();
    expect(() => new VoucherLedger(file(), new PinVault(Buffer.alloc(32, 7)), now)).toThrow(
      /not the one that sealed this stock/,
    );
    rmSync(join(dir, 'voucher-pin.key'));
    expect(loadPinKey(dir, { create: false })).toMatchObject({ ok: false, error: 'missing' });
  });
});
