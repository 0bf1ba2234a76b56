/**
 * Member and loyalty cards are identifiers, not bank cards: their stripes
 * break ISO/IEC 7813's payment rules (no Luhn digit, no valid YYMM expiry,
 * no service code), readers are often set to strip the start and end
 * sentinels or to send track 2 alone, and the same number is printed with
 * spaces under a barcode. RFID readers give an EM4100 tag in one of several
 * forms. This module finds the one identifier the card carries, the same
 * whatever reader and format delivered it, so that its pseudonym is too:
 *   - a number on a stripe or printed: its digits (track 2's PAN, or
 *     track 1's, or the digits under the barcode);
 *   - any other printed code: as printed (ADH-001234);
 *   - an RFID badge: its 32-bit number in 10 decimal digits, from any form
 *     (10 or 8 hex digits, 10-digit decimal, the 40-bit decimal of 11 to 13
 *     digits some readers print, Wiegand-26 facility,card).
 * Never an exception, whatever the input.
 */
import { parseEm4100 } from './em4100.js';

export type CardIdentity =
  | {
      ok: true;
      id: string;
      /** How it was read: for the technician's `borne decode`, never shown to staff. */
      form: 'track1' | 'track2' | 'digits' | 'printed' | 'rfid';
    }
  | { ok: false; error: string };

/** Track 1 (%B<PAN>^<NAME>^…?), the sentinel optional: the PAN may carry spaces. */
const TRACK1 = /%?B(\d[\d ]{0,24}\d)\^/;
/** Track 2 (;<PAN>=…?), sentinels optional; D is the separator some encoders write. */
const TRACK2 = /(?:^|;|\n)(\d{1,19})[=D]/;
/** Track 2 with sentinels around the number only (no separator, no expiry). */
const TRACK2_BARE = /(?:^|\n);(\d{1,19})\?/;
const DIGITS = /^\d[\d \u00a0-]*\d$/;
const PRINTED = /^[\x21-\x7e]{4,64}$/;

export function memberCardIdentity(
  type: 'tracks' | 'barcode' | 'badge',
  input: string,
): CardIdentity {
  const text = String(input).trim();
  if (text === '') return { ok: false, error: 'nothing was read' };
  if (type === 'badge') return badgeIdentity(text);

  const one = TRACK1.exec(text)?.[1]?.replace(/ /g, '');
  const two = (TRACK2.exec(text) ?? TRACK2_BARE.exec(text))?.[1];
  if (one !== undefined && two !== undefined && one !== two) {
    return { ok: false, error: 'track 1 and track 2 give different numbers: swipe again' };
  }
  if (two !== undefined) return { ok: true, id: two, form: 'track2' };
  if (one !== undefined) return { ok: true, id: one, form: 'track1' };

  const bare = text.replace(/^[;%]/, '').replace(/\?$/, '');
  if (DIGITS.test(bare)) {
    const digits = bare.replace(/\D/g, '');
    if (digits.length >= 4 && digits.length <= 19) return { ok: true, id: digits, form: 'digits' };
  }
  if (type === 'tracks') {
    return { ok: false, error: 'no card number on the stripe: swipe again' };
  }
  return PRINTED.test(text)
    ? { ok: true, id: text, form: 'printed' }
    : { ok: false, error: 'empty or unreadable code' };
}

function badgeIdentity(text: string): CardIdentity {
  // The 40-bit decimal: the version byte and the 32-bit number, which is what identifies the tag.
  if (/^\d{11,13}$/.test(text)) {
    const value = Number(text);
    if (value > 0xff_ffff_ffff) return { ok: false, error: 'more than 40 bits: not an EM4100 tag' };
    const low = value % 2 ** 32;
    return { ok: true, id: String(low).padStart(10, '0'), form: 'rfid' };
  }
  const read = parseEm4100(text);
  const decimal = read.fields.decimal;
  return read.valid && decimal
    ? { ok: true, id: decimal, form: 'rfid' }
    : { ok: false, error: read.errors[0] ?? 'not an RFID tag' };
}
