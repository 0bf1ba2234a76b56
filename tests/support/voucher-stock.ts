/**
 * Voucher stock as operators send it, for tests and benches: realistic
 * products, serials and 14-digit PINs, written as the CSV an operator's
 * back office exports (semicolons, French headers, "10,00 €").
 */
import { randomInt } from 'node:crypto';
import { KioskConfig, type VoucherProduct } from '../../main/config/config-schema.js';

export const TEST_PRODUCTS: VoucherProduct[] = KioskConfig.parse({
  vouchers: {
    products: [
      {
        id: 'orange-10',
        label: 'Recharge Orange 10 €',
        operator: 'Orange',
        faceValueCents: 1000,
        priceCents: 500,
        monthlyQuota: 2,
        lowStock: 5,
        instructions: ['Appelez le 224 depuis votre mobile Orange.', 'Tapez le code, puis #.'],
        csvNames: ['Mobicarte 10 EUR'],
      },
      {
        id: 'sfr-20',
        label: 'Recharge SFR 20 €',
        operator: 'SFR',
        faceValueCents: 2000,
        priceCents: 1000,
        monthlyQuota: 1,
        lowStock: 3,
        instructions: ['Appelez le 950 depuis votre mobile SFR.', 'Tapez le code.'],
        csvNames: ['Recharge SFR 20E'],
      },
    ],
  },
}).vouchers.products;

export interface StockCode {
  serial: string;
  pin: string;
  product: string;
  faceValue: string;
  expiry: string;
}

let serialBase = 0;

/** `count` fresh codes of one product (unique serials and PINs in this process). */
export function makeCodes(
  count: number,
  product: { csvName: string; faceValue: string; prefix: string },
  expiry = '30/11/2027',
): StockCode[] {
  return Array.from({ length: count }, () => {
    serialBase += 1;
    const pin = `${randomInt(1e6, 1e7)}${String(serialBase).padStart(7, '0')}`;
    return {
      serial: `${product.prefix}-2026-${String(serialBase).padStart(7, '0')}`,
      pin,
      product: product.csvName,
      faceValue: product.faceValue,
      expiry,
    };
  });
}

export const ORANGE = { csvName: 'Mobicarte 10 EUR', faceValue: '10,00 €', prefix: 'OR10' };
export const SFR = { csvName: 'Recharge SFR 20E', faceValue: '20,00 €', prefix: 'SF20' };

/** The CSV text, header first: `Numéro de série;Code PIN;Produit;Valeur;Date d'expiration`. */
export function stockCsv(codes: readonly StockCode[], delimiter = ';'): string {
  const lines = [
    ['Numéro de série', 'Code PIN', 'Produit', 'Valeur', 'Date d’expiration'],
    ...codes.map((code) => [code.serial, code.pin, code.product, code.faceValue, code.expiry]),
  ];
  return `${lines.map((cells) => cells.join(delimiter)).join('\r\n')}\r\n`;
}

/** One fresh code. */
export function makeCode(product: typeof ORANGE, expiry?: string): StockCode {
  return nth(makeCodes(1, product, expiry), 0);
}

/** The item at `index`, which the test knows is there. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`);
  return item;
}
