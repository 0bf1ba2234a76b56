/**
 * Operators' stock files, as they come: CSV with a header row, comma,
 * semicolon or tab, UTF-8 or Windows-1252, amounts as "10,00 €" or "10.00",
 * days as 2027-11-30 or 30/11/2027. Papaparse finds the delimiter, chardet
 * the encoding (a file that decodes as strict UTF-8 is UTF-8). Every bad row
 * is reported by its line number and reason — never with its PIN — and the
 * caller commits nothing of a file with one bad row.
 */
import chardet from 'chardet';
import Papa from 'papaparse';
import type { VoucherProduct } from '../config/config-schema.js';

export interface StockRow {
  /** Line in the file (the header is line 1). */
  line: number;
  serial: string;
  pin: string;
  productId: string;
  faceValueCents: number;
  expiresOn: string | null;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export type StockFile =
  | {
      ok: true;
      encoding: string;
      delimiter: string;
      rows: StockRow[];
      problems: RowProblem[];
    }
  | { ok: false; error: string };

const COLUMNS = {
  serial: ['serial', 'serie', 'numeroserie', 'numerodeserie', 'nserie', 'sn', 'serialnumber'],
  pin: ['pin', 'code', 'codepin', 'pincode', 'coderecharge', 'secret'],
  product: ['product', 'produit', 'offre', 'article', 'libelle', 'designation'],
  faceValue: ['facevalue', 'valeur', 'valeurfaciale', 'montant', 'value', 'amount'],
  expiry: [
    'expiry',
    'expiration',
    'expirydate',
    'dateexpiration',
    'datedexpiration',
    'validite',
    'validuntil',
    'finvalidite',
  ],
} as const;
type Column = keyof typeof COLUMNS;
const COLUMN_NAMES: Record<Column, string> = {
  serial: 'serial',
  pin: 'PIN',
  product: 'product',
  faceValue: 'face value',
  expiry: 'expiry',
};
const DELIMITERS = [';', ',', '\t', '|'];

/**
 * The header names the columns and holds no amounts: the delimiter it uses
 * most is the file's (data rows would mislead, "10,00" has a comma).
 */
function headerDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((delimiter) => header.split(delimiter).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  return DELIMITERS[best] ?? ',';
}
const REQUIRED: Column[] = ['serial', 'pin', 'product', 'faceValue'];

export const MAX_STOCK_FILE_BYTES = 32 * 1024 * 1024;
const PIN_FORMAT = /^[0-9A-Z]{4,32}$/;
const SERIAL_FORMAT = /^[\x21-\x7e]{1,40}$/;

/** "Numéro de série" → "numerodeserie": headers compared without case, accents or punctuation. */
const normalizePin = (text: string) => text.trim().replace(/[\s-]/g, '').toUpperCase();

const headerKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function decodeStockBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return {
      text: new TextDecoder(label).decode(bytes.subarray(2)),
      encoding: label.toUpperCase(),
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: the spreadsheets operators export are Windows-1252 (ISO-8859-1 plus €).
    const guess = chardet.detect(bytes) ?? 'windows-1252';
    const label = /^UTF-16/i.test(guess) ? guess.toLowerCase() : 'windows-1252';
    return { text: new TextDecoder(label).decode(bytes), encoding: label.toUpperCase() };
  }
}

/** "10,00 €", "10.00", "10" (euros) → 1000 cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const value = text
    .replace(/€|eur(os?)?/gi, '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "2027-11-30", "30/11/2027", "30.11.2027", "11/2027" (end of month) → "2027-11-30". */
export function parseExpiry(text: string): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value))) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value))) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.-](\d{4})$/.exec(value))) {
    [month, year] = [Number(match[1]), Number(match[2])];
    day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return date.toISOString().slice(0, 10);
}

function productFinder(products: readonly VoucherProduct[]) {
  const names = new Map<string, VoucherProduct>();
  for (const product of products) {
    for (const name of [product.id, product.label, ...product.csvNames]) {
      names.set(headerKey(name), product);
    }
  }
  return (text: string) => names.get(headerKey(text));
}

export function readStockFile(
  bytes: Uint8Array,
  products: readonly VoucherProduct[],
  today: string,
): StockFile {
  if (bytes.length === 0) return { ok: false, error: 'the file is empty' };
  if (bytes.length > MAX_STOCK_FILE_BYTES) {
    return { ok: false, error: `the file is over ${MAX_STOCK_FILE_BYTES / 1024 / 1024} MB` };
  }
  const { text, encoding } = decodeStockBytes(bytes);
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: headerDelimiter(text),
  });
  const table = parsed.data;
  const header = table[0] ?? [];
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    index[column] = header.findIndex((cell) =>
      (COLUMNS[column] as readonly string[]).includes(headerKey(cell)),
    );
  }
  const missing = REQUIRED.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    return {
      ok: false,
      error: `no ${missing.map((column) => COLUMN_NAMES[column]).join(', ')} column in the header (found: ${header.map((cell) => cell.trim()).join(' | ') || 'nothing'})`,
    };
  }

  const findProduct = productFinder(products);
  const rows: StockRow[] = [];
  const problems: RowProblem[] = parsed.errors
    .filter((error) => error.type !== 'Delimiter' && error.row !== undefined)
    .map((error) => ({ line: (error.row ?? 0) + 1, reason: `malformed CSV: ${error.message}` }));
  // A shifted column can put a PIN where a product name was: no cell that
  // could be one of this file's PINs is ever repeated in a reason.
  const pinCells = new Set(table.slice(1).map((cells) => normalizePin(cells[index.pin] ?? '')));
  const quote = (value: string) =>
    pinCells.has(normalizePin(value)) ? '(hidden: it could be a PIN)' : `"${value}"`;
  const serialLines = new Map<string, number>();
  const pinLines = new Map<string, number>();
  table.slice(1).forEach((cells, offset) => {
    const line = offset + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const cell = (column: Column) =>
      (index[column] >= 0 ? (cells[index[column]] ?? '') : '').trim();
    const reasons: string[] = [];
    const serial = cell('serial');
    const pin = normalizePin(cell('pin'));
    if (!SERIAL_FORMAT.test(serial))
      reasons.push('serial missing or not 1 to 40 printable characters');
    if (!PIN_FORMAT.test(pin)) reasons.push('PIN missing or not 4 to 32 digits or letters');
    const product = findProduct(cell('product'));
    if (!product)
      reasons.push(`unknown product ${quote(cell('product'))} (add it to vouchers.products)`);
    const faceValueCents = parseEuros(cell('faceValue'));
    if (faceValueCents === null)
      reasons.push(`face value ${quote(cell('faceValue'))} is not an amount`);
    else if (product && faceValueCents !== product.faceValueCents) {
      reasons.push(
        `face value ${quote(cell('faceValue'))} differs from ${product.id}'s ${(product.faceValueCents / 100).toFixed(2)} €`,
      );
    }
    const expiryText = cell('expiry');
    const expiresOn = expiryText === '' ? null : parseExpiry(expiryText);
    if (expiryText !== '' && expiresOn === null)
      reasons.push(`expiry ${quote(expiryText)} is not a day`);
    else if (expiresOn !== null && expiresOn < today) reasons.push(`expired on ${expiresOn}`);
    if (SERIAL_FORMAT.test(serial)) {
      const first = serialLines.get(serial);
      if (first) reasons.push(`serial ${quote(serial)} already on line ${first}`);
      else serialLines.set(serial, line);
    }
    if (PIN_FORMAT.test(pin)) {
      const first = pinLines.get(pin);
      if (first) reasons.push(`same PIN as line ${first}`);
      else pinLines.set(pin, line);
    }
    if (reasons.length > 0 || !product || faceValueCents === null) {
      problems.push({ line, reason: reasons.join('; ') });
      return;
    }
    rows.push({ line, serial, pin, productId: product.id, faceValueCents, expiresOn });
  });
  return { ok: true, encoding, delimiter: parsed.meta.delimiter, rows, problems };
}
