import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBorne } from '../../support/run-borne.js';
import { dayOf } from '../../../main/members/membership-period.js';
import { openLedger } from '../../../main/vouchers/stock-import.js';
import {
  makeCode,
  makeCodes,
  ORANGE,
  SFR,
  stockCsv,
  TEST_PRODUCTS,
} from '../../support/voucher-stock.js';

let dir: string;
const saved: Record<string, string | undefined> = {};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-stock-cli-'));
  for (const name of ['BORNE_DATA_DIR', 'BORNE_CONFIG']) saved[name] = process.env[name];
  process.env.BORNE_DATA_DIR = join(dir, 'data');
  process.env.BORNE_CONFIG = join(dir, 'config.json');
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ vouchers: { products: TEST_PRODUCTS } }),
  );
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

const cli = runBorne;

describe('borne stock, ledger and report', () => {
  it('imports after a dry run, refuses a file with one bad row whole, and never prints a PIN', async () => {
    const codes = [...makeCodes(3, ORANGE), ...makeCodes(2, SFR)];
    const file = join(dir, 'livraison-orange.csv');
    writeFileSync(file, stockCsv(codes));

    const dry = await cli(['stock', 'import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({
      ok: true,
      dryRun: true,
      codes: 5,
      committed: false,
      byProduct: { 'orange-10': 3, 'sfr-20': 2 },
    });
    const status = JSON.parse((await cli(['stock', 'status'])).out) as { products: unknown[] };
    expect(status.products).toEqual([]);

    const real = await cli(['stock', 'import', file, '--by', 'Awa']);
    expect(JSON.parse(real.out)).toMatchObject({ committed: true, codes: 5 });
    const after = JSON.parse((await cli(['stock', 'status'])).out) as {
      products: { productId: string; inStock: number; low: boolean }[];
    };
    expect(after.products.map((p) => [p.productId, p.inStock, p.low])).toEqual([
      ['orange-10', 3, true],
      ['sfr-20', 2, true],
    ]);

    const bad = join(dir, 'bad.csv');
    const badCodes = [...makeCodes(2, ORANGE), { ...makeCode(ORANGE), faceValue: 'dix' }];
    writeFileSync(bad, stockCsv(badCodes));
    const refused = await cli(['stock', 'import', bad]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      committed: false,
      problems: [{ line: 4, reason: 'face value "dix" is not an amount' }],
    });
    const again = await cli(['stock', 'import', file]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out).problems).toHaveLength(5);
    const printed = dry.out + real.out + refused.out + again.out;
    for (const code of [...codes, ...badCodes]) expect(printed).not.toContain(code.pin);
    // The key beside the ledger, nothing else: no export, no log of the rows.
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(['voucher-pin.key', 'vouchers.sqlite']);
  });

  it('verifies the journal, and names the entry someone rewrote', async () => {
    writeFileSync(join(dir, 'stock.csv'), stockCsv(makeCodes(2, ORANGE)));
    await cli(['stock', 'import', join(dir, 'stock.csv')]);
    const ledger = openLedger(join(dir, 'data'));
    ledger.reserve({
      productId: 'orange-10',
      label: 'Recharge Orange 10 €',
      priceCents: 500,
      payment: 'cash',
      member: null,
      staff: 'Awa',
    });
    ledger.close();
    expect(await cli(['ledger', 'verify'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^journal intact: 2 entries, last hash [0-9a-f]{64}\n$/),
    });
    const raw = new Database(join(dir, 'data', 'vouchers.sqlite'));
    raw.exec('DROP TRIGGER journal_no_update');
    raw.prepare("UPDATE journal SET staff = 'Quelqu’un' WHERE seq = 2").run();
    raw.close();
    expect(await cli(['ledger', 'verify'])).toMatchObject({
      code: 1,
      err: 'journal broken at entry 2: its content does not match its hash\n',
    });
  });

  it('gives the day’s totals as JSON and as CSV for the accounts', async () => {
    writeFileSync(join(dir, 'stock.csv'), stockCsv(makeCodes(3, ORANGE)));
    await cli(['stock', 'import', join(dir, 'stock.csv')]);
    const ledger = openLedger(join(dir, 'data'));
    for (const payment of ['cash', 'card']) {
      const { code } = ledger.reserve({
        productId: 'orange-10',
        label: 'Recharge Orange 10 €',
        priceCents: 500,
        payment,
        member: null,
        staff: 'Awa',
      });
      ledger.startPrinting(code.id, 'Awa');
      ledger.printed(code.id);
      ledger.delivered(code.id, 'Awa');
    }
    ledger.closeDay(dayOf(new Date()), 'Awa');
    ledger.close();
    const today = dayOf(new Date());
    const report = JSON.parse((await cli(['report', 'day'])).out);
    expect(report).toMatchObject({
      day: today,
      products: [{ productId: 'orange-10', count: 2, faceValueCents: 2000, paidCents: 1000 }],
      payments: [
        { method: 'card', count: 1, cents: 500 },
        { method: 'cash', count: 1, cents: 500 },
      ],
      closingHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const csv = (await cli(['report', 'day', '--date', today, '--csv'])).out.split('\r\n');
    expect(csv[0]).toBe('jour;borne;rubrique;libellé;nombre;valeur faciale (€);encaissé (€)');
    expect(csv).toContain(`${today};borne-dev;produit;Recharge Orange 10 €;2;20,00;10,00`);
    expect(csv).toContain(`${today};borne-dev;paiement;carte bancaire;1;;5,00`);
    expect(csv).toContain(`${today};borne-dev;total;Total de la journée;2;20,00;10,00`);
    expect(csv).toContain(`${today};borne-dev;clôture;${String(report.closingHash)};;;`);
    expect((await cli(['report', 'day', '--date', '2/12/2026'])).code).toBe(2);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toContain('orange-10');
  });
});
