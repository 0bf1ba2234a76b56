/**
 * What leaves the reader module (DESIGN §3: privacy by construction): the
 * kind of read, whether it checked out, and either a pseudonym (member
 * cards, staff badges: HMAC-SHA256 under the site secret, never the number)
 * or, for an ID card, the parsed fields, which the app keeps in the visitor
 * session's memory only. Raw reads are never in an event.
 */
import { createHmac } from 'node:crypto';
import { memberCardIdentity } from './parsers/member-card.js';
import { parseMrz } from './parsers/mrz.js';
import { parseRetailBarcode } from './parsers/retail-barcode.js';

/** What a reader is used for at this site. */
export type ReaderRole = 'member-card' | 'staff-badge' | 'id-card' | 'product';

/** What the read looked like on the wire. */
export type ReadSource =
  | { type: 'barcode'; text: string }
  | { type: 'tracks'; text: string }
  | { type: 'badge'; text: string };

export type ReaderEvent =
  | {
      kind: 'member-card' | 'staff-badge';
      valid: boolean;
      /** Stable for one card at one site, meaningless elsewhere. */
      pseudonym: string | null;
      errors: string[];
    }
  | {
      kind: 'id-card';
      valid: boolean;
      fields: Record<string, string>;
      fieldValidity: Record<string, boolean>;
      errors: string[];
    }
  | { kind: 'product'; valid: boolean; symbology: string; digits: string; errors: string[] };

/** HMAC-SHA256 under the site secret, 128 bits in base64url. */
export function pseudonymize(secret: Uint8Array, kind: string, identifier: string): string {
  return createHmac('sha256', secret)
    .update(`${kind}\u0000${identifier}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function readerEvent(role: ReaderRole, source: ReadSource, secret: Uint8Array): ReaderEvent {
  if (role === 'id-card') {
    const mrz = parseMrz(source.text);
    return {
      kind: 'id-card',
      valid: mrz.valid,
      fields: mrz.fields,
      fieldValidity: mrz.fieldValidity,
      errors: mrz.errors,
    };
  }
  if (role === 'product') {
    const code = parseRetailBarcode(source.text.trim());
    return {
      kind: 'product',
      valid: code.valid,
      symbology: code.fields.symbology ?? '',
      digits: code.fields.digits ?? '',
      errors: code.errors,
    };
  }
  // Member cards and badges are identifiers, not bank cards (parsers/member-card).
  const read = memberCardIdentity(source.type, source.text);
  return read.ok
    ? { kind: role, valid: true, pseudonym: pseudonymize(secret, role, read.id), errors: [] }
    : { kind: role, valid: false, pseudonym: null, errors: [read.error] };
}
