/**
 * French text on a printer's code page: known substitutions that keep the
 * meaning (œ → oe on CP858, typographic quotes and dashes), then a visible
 * "?" and a warning for anything the page cannot print. Never garbage.
 */
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { CodePage } from './printer-profiles.js';

/** Substitutions that keep the meaning, tried before giving up on a character. */
const FALLBACKS: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};

/**
 * Code point → byte for each page, from codepage-encoder's own tables.
 * Looked up here because its encode() scans the table for every character
 * (32 µs for a 45-character line, 30 times this).
 */
const tables = new Map<string, Map<number, number>>();

function tableOf(codePage: CodePage | 'cp437'): Map<number, number> {
  let table = tables.get(codePage);
  if (!table) {
    table = new Map();
    const codePoints = CodepageEncoder.getCodepoints(codePage, true);
    for (let byte = 0x20; byte < 0x100; byte += 1) {
      const codePoint = byte < 0x7f ? byte : codePoints[byte];
      if (codePoint !== undefined && !table.has(codePoint)) table.set(codePoint, byte);
    }
    tables.set(codePage, table);
  }
  return table;
}

export function canPrint(char: string, codePage: CodePage | 'cp437'): boolean {
  return tableOf(codePage).has(char.codePointAt(0) as number) && char.length <= 2;
}

/** The bytes of text already fitted to the page ("?" for anything else). */
export function encodeText(text: string, codePage: CodePage | 'cp437'): Uint8Array {
  const table = tableOf(codePage);
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (const char of text) bytes[length++] = table.get(char.codePointAt(0) as number) ?? 0x3f;
  return bytes.subarray(0, length);
}

/** The text as the code page can print it, and what could not be printed. */
export function fitToCodePage(
  text: string,
  codePage: CodePage,
): { text: string; missing: string[] } {
  let out = '';
  const missing: string[] = [];
  for (const char of text) {
    if (canPrint(char, codePage)) {
      out += char;
      continue;
    }
    const fallback = FALLBACKS[char];
    if (fallback !== undefined && [...fallback].every((c) => canPrint(c, codePage))) {
      out += fallback;
      continue;
    }
    out += '?';
    missing.push(char);
  }
  return { text: out, missing };
}
