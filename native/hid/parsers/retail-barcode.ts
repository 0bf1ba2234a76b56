/**
 * Retail barcodes read by scanners: EAN-13, EAN-8 and UPC-A (12 digits),
 * told apart by length, with their check digit (weights 3-1 from the right).
 */
import { type DecodeResult, ResultBuilder } from './decode-result.js';

export type RetailSymbology = 'ean13' | 'ean8' | 'upca';

const BY_LENGTH: Record<number, RetailSymbology> = { 13: 'ean13', 8: 'ean8', 12: 'upca' };

/** GS1 check digit of the digits before it. */
export function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    const digit = payload.charCodeAt(payload.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function parseRetailBarcode(input: string): DecodeResult {
  const builder = new ResultBuilder('barcode');
  const digits = String(input).trim();
  const symbology = /^\d+$/.test(digits) ? BY_LENGTH[digits.length] : undefined;
  if (!symbology) {
    return builder
      .error('not a retail barcode: EAN-13 (13 digits), UPC-A (12) or EAN-8 (8)')
      .result();
  }
  const expected = gs1CheckDigit(digits.slice(0, -1));
  return builder
    .field('symbology', symbology)
    .field(
      'digits',
      digits,
      String(expected) === digits.slice(-1),
      `check digit ${digits.slice(-1)} does not match (expected ${expected})`,
    )
    .result();
}
