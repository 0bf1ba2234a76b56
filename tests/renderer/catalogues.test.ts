import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../main/contract/ipc-contract.js';
import { LANGUAGE_NAMES } from '../../renderer/kit/languages.js';
import ar from '../../renderer/locales/ar.json';
import en from '../../renderer/locales/en.json';
import fr from '../../renderer/locales/fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const reference = flatten(fr);
const catalogues = { fr, en, ar } satisfies Record<(typeof LANGUAGE_CODES)[number], Tree>;

describe('translation catalogues', () => {
  it.each(Object.entries(catalogues))(
    '%s has every French key, no extra, none empty',
    (_code, tree) => {
      const flat = flatten(tree);
      expect([...flat.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of flat) {
        expect(text.trim(), key).not.toBe('');
        expect(variables(text), key).toEqual(variables(reference.get(key) ?? ''));
      }
    },
  );

  it('names every supported language in its own script', () => {
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGE_CODES].sort());
    expect(LANGUAGE_NAMES.ar).toMatch(/^[\u0600-\u06FF]+$/);
  });

  it('really translates (Arabic text is in Arabic script)', () => {
    for (const [key, text] of flatten(ar)) {
      if (key.startsWith('status.')) continue; // staff line, carries Latin codes
      expect(text, key).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
