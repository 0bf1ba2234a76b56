/** 500 → "5,00 €" in the screen's language (money is integer cents until shown). */
export function formatMoney(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}
