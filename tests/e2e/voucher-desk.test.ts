/**
 * The voucher desk as Awa uses it, in Chromium through the browser host:
 * the stock is already there; she signs in with her badge and PIN, swipes a
 * member's card on the magnetic-stripe reader (a recorded report through the
 * real HID decoding), sells a recharge paid in cash, sees the voucher and
 * the receipt reach the virtual printer, hands it over ("Remis"). A printer
 * out of paper refuses before anything is consumed; a cable pulled
 * mid-voucher leaves the code for her to check; the end-of-day report adds
 * up. Every desk screen is saved, and the tickets as PNG rendered from the
 * bytes the printer received.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskConfig } from '../../main/config/config-schema.js';
import { importStockFile } from '../../main/vouchers/stock-import.js';
import { interpretEscPos } from '../../native/printer/escpos-interpreter.js';
import { previewPng } from '../../native/printer/receipt-preview.js';
import { groupDigits } from '../../native/printer/templates/receipt-format.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../native/printer/virtual-printer.js';
import { axeViolations } from '../support/axe.js';
import { DESK_READERS, deskReader, MEMBER_CARD_NUMBER } from '../support/desk-reader.js';
import { useKioskPages } from '../support/kiosk-pages.js';
import { saveScreen } from '../support/screenshots.js';
import { enrolAwa, signInAwa } from '../support/staff-sign-in.js';
import { makeCodes, nth, ORANGE, SFR, stockCsv, TEST_PRODUCTS } from '../support/voucher-stock.js';

const kiosk = useKioskPages();
const RECEIPTS_DIR = join(process.cwd(), 'tests', '.output', 'receipts');
let printer: VirtualPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

/** Screen text without the narrow spaces Intl puts before € and the bidi isolates. */
const plain = (text: string | null) =>
  (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2068\u2069]/g, '');

const linesOf = (job: Buffer | undefined) =>
  interpretEscPos(job ?? Buffer.alloc(0)).elements.flatMap((element) =>
    element.kind === 'line' ? [element.text.trim()] : [],
  );

/** The ticket as it came out, for people to look at. */
function saveTicket(job: Buffer | undefined, name: string): void {
  mkdirSync(RECEIPTS_DIR, { recursive: true });
  writeFileSync(join(RECEIPTS_DIR, `${name}.png`), previewPng(job ?? Buffer.alloc(0), 576));
}

async function openDesk(language?: string) {
  printer = await startVirtualPrinter();
  const config = {
    kiosk: { id: 'paris-18-accueil-1', siteName: 'Point d’accueil numérique — Paris 18e' },
    readers: DESK_READERS,
    membership: { validityMonths: 6 },
    printing: {
      printers: [{ id: 'desk', uri: `tcp://127.0.0.1:${printer.port}`, profile: 'generic-80' }],
      receipt: {
        organisation: 'Association Connexions Solidaires',
        address: ['12 rue des Poissonniers', '75018 Paris'],
        siret: '12345678900012',
      },
    },
    vouchers: { products: TEST_PRODUCTS },
  };
  const reader = deskReader();
  const { page } = await kiosk.open(config, undefined, reader.backend);
  const host = kiosk.state.host;
  if (!host) throw new Error('no host');
  const dataDir = join(dirname(host.configPath), 'data');
  // The stock is already there: delivered last week, imported by the site manager.
  const codes = [...makeCodes(6, ORANGE), ...makeCodes(3, SFR)];
  const stockFile = join(dirname(host.configPath), 'livraison.csv');
  writeFileSync(stockFile, stockCsv(codes));
  const imported = importStockFile(stockFile, {
    config: KioskConfig.parse(config),
    dataDir,
    dryRun: false,
    by: 'Fatou',
  });
  expect(imported).toMatchObject({ ok: true, committed: true, codes: 9 });
  await enrolAwa(host, config);
  if (language) {
    await page.getByRole('button', { name: language }).tap();
    await page.locator('[data-screen="home"]').waitFor();
  }
  await signInAwa(page);
  await expect
    .poll(() => host.services.readers.statuses().cartes?.state, { timeout: 5000 })
    .toBe('connected');
  return { page, swipe: reader.swipe, dataDir, codes, host };
}

async function shoot(page: Page, name: string, testId = 'desk'): Promise<void> {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  expect(await axeViolations(page), name).toEqual([]);
  await saveScreen(page, name);
}

describe('the voucher desk', () => {
  it('sells a recharge to a member, prints voucher and receipt, and refuses on paper out', async () => {
    const { page, swipe, dataDir, codes, host } = await openDesk();
    const desk = page.getByTestId('desk');
    const orange = desk.locator('[data-product="orange-10"]');
    await expect.poll(() => orange.textContent()).toContain('En stock : 6');
    expect(plain(await orange.textContent())).toContain('Prix : 5,00 €');
    await shoot(page, 'desk-products-fr');

    // The member's card, enrolled at the member panel below.
    swipe();
    const enrol = page.getByTestId('member-panel').getByRole('button', { name: /Inscrire/ });
    await enrol.tap();
    await orange.tap();
    const sale = page.getByTestId('desk-sale');
    await expect
      .poll(() => sale.getByTestId('desk-member').textContent())
      .toBe('Carte adhérent : droits valables.Ce mois-ci : 0 sur 2.');
    expect(plain(await sale.textContent())).toContain('À payer : 5,00 €');
    await shoot(page, 'desk-sale-fr');

    await sale.locator('[data-payment="cash"]').tap();
    await page.locator('[data-step="printed"]').waitFor();
    await shoot(page, 'desk-printed-fr');
    await expect.poll(() => printer?.jobs.length).toBe(2);
    const voucher = linesOf(printer?.jobs[0]);
    const sold = nth(codes, 0);
    expect(voucher).toContain(groupDigits(sold.pin));
    expect(voucher).toContain('Recharge Orange 10 €');
    // The printer's code page has no curly apostrophe: the encoder writes a straight one.
    expect(voucher).toContain("Gardez ce ticket : ce code vaut de l'argent.");
    const receipt = linesOf(printer?.jobs[1]).join('\n');
    expect(receipt).toMatch(/Reçu n° R-\d{4}-000001/);
    expect(receipt).toMatch(/TOTAL PAYÉ\s+5,00 €/);
    expect(receipt).toContain('Payé par : espèces');
    saveTicket(printer?.jobs[0], 'desk-voucher');
    saveTicket(printer?.jobs[1], 'desk-sale-receipt');
    // The PIN reached the paper, never the screen.
    expect(await page.content()).not.toContain(sold.pin);
    expect(await page.content()).not.toContain(groupDigits(sold.pin));

    await page.getByTestId('desk-delivered').tap();
    await page.getByTestId('desk-done').waitFor();
    expect(plain(await page.getByTestId('desk-done').textContent())).toMatch(
      /^Vente R-\d{4}-000001 terminée : Recharge Orange 10 €\.$/,
    );
    await expect.poll(() => orange.textContent()).toContain('En stock : 5');
    await shoot(page, 'desk-done-fr');

    // Paper out: refused before anything is reserved; the stock does not move.
    printer?.setState('paper-out');
    await desk.locator('[data-product="sfr-20"]').tap();
    await sale.locator('[data-payment="card"]').tap();
    await page.getByTestId('desk-refused').waitFor();
    expect(plain(await page.getByTestId('desk-refused').textContent())).toBe(
      'Rien n’a été vendu. Plus de papier : changez le rouleau',
    );
    await shoot(page, 'desk-refused-fr');
    expect(printer?.jobs).toHaveLength(2);
    printer?.setState('ready');
    await page.getByTestId('desk-cancel').tap();
    await expect
      .poll(() => desk.locator('[data-product="sfr-20"]').textContent())
      .toContain('En stock : 3');

    // The end of the day adds up, closes the journal and prints.
    await page.getByTestId('desk-report-open').tap();
    const report = page.getByTestId('desk-report');
    await expect
      .poll(async () => plain(await report.getByTestId('report-total').textContent()))
      .toBe('Total encaissé : 5,00 €');
    await page.getByTestId('report-print').tap();
    await expect.poll(() => report.textContent()).toContain('Rapport imprimé.');
    expect(plain(await report.textContent())).toMatch(
      /Journée clôturée \(empreinte [0-9a-f]{16}…\)/,
    );
    await shoot(page, 'desk-report-fr', 'desk-report');
    const day = linesOf(printer?.jobs[2]).join('\n');
    expect(day).toMatch(/1 × Recharge Orange 10 €\s+5,00 €/);
    expect(day).toMatch(/TOTAL ENCAISSÉ\s+5,00 €/);
    expect(day).toMatch(/dont espèces\s+5,00 €/);
    expect(day).toContain('Clôture du journal (SHA-256)');
    saveTicket(printer?.jobs[2], 'desk-day-report');
    await page.getByTestId('report-close').tap();

    // Nothing on disk holds a PIN or the card number in clear.
    for (const name of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, name));
      expect(bytes.includes(MEMBER_CARD_NUMBER), name).toBe(false);
      for (const code of codes) expect(bytes.includes(code.pin), name).toBe(false);
    }

    // The usage log counts the recharge by product, outside any visit: Awa's
    // badge and the member's card are staff work, not visits, and the card's
    // pseudonym is nowhere in the usage files.
    const usage = host.services.usage.recorded();
    expect(usage.filter((event) => event.kind === 'voucher-sold')).toEqual([
      {
        kind: 'voucher-sold',
        productId: 'orange-10',
        day: expect.any(String) as string,
        hour: expect.any(Number) as number,
        kioskId: 'paris-18-accueil-1',
      },
    ]);
    expect(usage.filter((event) => event.kind === 'session-started')).toEqual([]);
    const members = new Database(join(dataDir, 'members.sqlite'), { readonly: true });
    const pseudonyms = members.prepare('SELECT pseudonym FROM members').pluck().all() as string[];
    members.close();
    expect(pseudonyms).toHaveLength(1);
    for (const name of readdirSync(dataDir).filter((file) => file.startsWith('usage.sqlite'))) {
      const bytes = readFileSync(join(dataDir, name));
      for (const pseudonym of pseudonyms) expect(bytes.includes(pseudonym), name).toBe(false);
    }
  });

  it('keeps a voucher the printer could not confirm for Awa to check, then prints a DUPLICATA', async () => {
    const { page } = await openDesk();
    printer?.setFaults({ dropAfterBytes: 300 });
    await page.getByTestId('desk').locator('[data-product="orange-10"]').tap();
    await page.getByTestId('desk-sale').locator('[data-payment="cash"]').tap();
    await page.locator('[data-step="uncertain"]').waitFor();
    await shoot(page, 'desk-uncertain-fr');
    await page.getByRole('button', { name: 'Voir plus tard' }).tap();
    const pending = page.getByTestId('desk-pending');
    await pending.waitFor();
    expect(await pending.textContent()).toContain('Impression incertaine :');
    await shoot(page, 'desk-pending-fr');

    printer?.setFaults({ dropAfterBytes: undefined });
    await pending.getByTestId('pending-reprint').tap();
    await page.getByTestId('desk-reason').waitFor();
    await shoot(page, 'desk-reason-fr', 'desk-reason');
    await page.locator('[data-reason="not-printed"]').tap();
    await expect.poll(() => pending.textContent()).toContain('Imprimé, pas encore remis :');
    const duplicate = linesOf(printer?.jobs.at(-1));
    expect(duplicate).toContain('DUPLICATA n° 2');
    saveTicket(printer?.jobs.at(-1), 'desk-voucher-duplicata');
    await pending.getByTestId('pending-delivered').tap();
    await pending.waitFor({ state: 'detached' });

    await page.getByTestId('desk-sales-open').tap();
    const sales = page.getByTestId('desk-sales');
    await expect
      .poll(async () => plain(await sales.textContent()))
      .toContain('remis — 2 impressions');
    await shoot(page, 'desk-sales-fr', 'desk-sales');
  });

  it('reads right to left for staff who chose Arabic', async () => {
    const { page } = await openDesk('العربية');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByTestId('desk').locator('[data-product="orange-10"]').tap();
    await page.getByTestId('desk-sale').waitFor();
    expect(await page.getByTestId('desk-sale').textContent()).toContain('المبلغ المطلوب');
    await shoot(page, 'desk-sale-ar');
  });
});
