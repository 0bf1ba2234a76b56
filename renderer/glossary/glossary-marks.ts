import type { GlossaryEntry } from '../../main/contract/glossary-contract';
import type { LanguageCode } from '../../main/contract/ipc-contract';

export type Segment = { text: string; entry?: GlossaryEntry };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Cuts a step text into plain runs and glossary words (whole words, any
 * case, the longest form first: "numéro fiscal" before "numéro"). Pure: the
 * guide panel marks what it returns.
 */
export function markGlossaryWords(
  text: string,
  language: LanguageCode,
  entries: readonly GlossaryEntry[],
): Segment[] {
  const byForm = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    for (const form of entry.forms[language]) byForm.set(form.toLocaleLowerCase(language), entry);
  }
  if (byForm.size === 0) return [{ text }];
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${forms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const word = match[0];
    const entry = byForm.get(word.toLocaleLowerCase(language));
    if (!entry) continue;
    if (start > last) segments.push({ text: text.slice(last, start) });
    segments.push({ text: word, entry });
    last = start + word.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** The entries a text names, each once, in reading order. */
export function entriesIn(segments: readonly Segment[]): GlossaryEntry[] {
  const found: GlossaryEntry[] = [];
  for (const segment of segments) {
    if (segment.entry && !found.includes(segment.entry)) found.push(segment.entry);
  }
  return found;
}
