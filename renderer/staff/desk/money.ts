import { isolate } from '../../kit/bidi';

/**
 * 500 → "5,00 €" in the screen's language (money is integer cents until
 * shown), isolated so that an amount keeps its order in right-to-left text.
 */
export function formatMoney(cents: number, language: string): string {
  return isolate(
    new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(cents / 100),
  );
}
