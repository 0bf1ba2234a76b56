/**
 * Luhn (ISO/IEC 7812-1): the check digit of payment card numbers and of
 * many member cards.
 */
import { type DecodeResult, ResultBuilder } from './decode-result.js';

export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The digit to append to `payload` so that the whole number passes Luhn. */
export function luhnCheckDigit(payload: string): number {
  for (let digit = 0; digit < 10; digit += 1) if (luhnValid(`${payload}${digit}`)) return digit;
  return 0;
}

export function parseLuhn(input: string): DecodeResult {
  const builder = new ResultBuilder('luhn');
  const digits = String(input).replace(/[\s-]/g, '');
  if (!/^\d{2,}$/.test(digits)) {
    return builder.error('not a number: digits only (spaces and dashes are ignored)').result();
  }
  return builder
    .field('digits', digits, luhnValid(digits), 'the Luhn check digit does not match')
    .result();
}
