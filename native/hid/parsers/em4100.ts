/**
 * EM4100 (125 kHz) badges as USB readers type them. One tag, several
 * renderings, depending on the reader's setting:
 *   10 hex   the whole 40-bit id: version byte + 32-bit number (1A00BC614E)
 *   10 dec   the 32-bit number in decimal, zero-padded (0012345678)
 *    8 hex   the 32-bit number in hex (00BC614E)
 *   W26      facility (0–255) and card (0–65535), "123,45678" or "123:45678"
 *             (the low 24 bits, as a Wiegand-26 controller sees them)
 * Ten digits are read as decimal (most readers' default); a result always
 * says which rendering it took.
 */
import { type DecodeResult, ResultBuilder } from './decode-result.js';

const hex = (value: number, width: number) => value.toString(16).toUpperCase().padStart(width, '0');
const dec = (value: number) => String(value).padStart(10, '0');

export function parseEm4100(input: string): DecodeResult {
  const builder = new ResultBuilder('em4100');
  const text = String(input).trim().toUpperCase();
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,3})[,:/-](\d{1,5})$/.exec(text))) {
    const facility = Number(match[1]);
    const card = Number(match[2]);
    const ok = facility <= 255 && card <= 65535;
    const value = ((facility << 16) | card) >>> 0;
    return builder
      .field('form', 'wiegand26')
      .field('facility', String(facility), facility <= 255, 'a facility code is 0 to 255')
      .field('card', String(card), card <= 65535, 'a card number is 0 to 65535')
      .field('hex', ok ? hex(value, 6) : '')
      .field('decimal', ok ? dec(value) : '')
      .result();
  }
  if (/^\d{10}$/.test(text)) {
    const value = Number(text);
    const ok = value <= 0xffffffff;
    return builder
      .field('form', 'decimal10')
      .field('decimal', text, ok, 'more than 32 bits: not an EM4100 number')
      .field('hex', ok ? hex(value, 8) : '')
      .result();
  }
  if (/^[0-9A-F]{10}$/.test(text)) {
    const value = parseInt(text.slice(2), 16);
    return builder
      .field('form', 'hex10')
      .field('hex', text)
      .field('version', text.slice(0, 2))
      .field('decimal', dec(value))
      .result();
  }
  if (/^[0-9A-F]{8}$/.test(text)) {
    return builder
      .field('form', 'hex8')
      .field('hex', text)
      .field('decimal', dec(parseInt(text, 16)))
      .result();
  }
  return builder
    .error('not an EM4100 id: 10 hex, 10 decimal or 8 hex characters, or facility,card')
    .result();
}
