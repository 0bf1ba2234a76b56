import { describe, expect, it } from 'vitest';
import { LANGUAGE_SCRIPTS } from '../support/scripts.js';
import { LANGUAGE_CODES } from '../../main/contract/ipc-contract.js';
import { LANGUAGE_NAMES } from '../../renderer/kit/languages.js';
import { catalogues } from '../../renderer/kit/i18n.js';
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

describe('translation catalogues', () => {
  it('covers every visitor language', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it.each(Object.entries(catalogues) as [string, Tree][])(
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
    for (const code of LANGUAGE_CODES)
      expect(LANGUAGE_NAMES[code], code).toMatch(LANGUAGE_SCRIPTS[code]);
  });

  it.each(Object.keys(LANGUAGE_SCRIPTS) as (keyof typeof LANGUAGE_SCRIPTS)[])(
    '%s really translates: every text in its own script, none left in French',
    (code) => {
      const french = flatten(fr);
      for (const [key, text] of flatten(catalogues[code] as Tree)) {
        const words = text.replace(/\{\{\w+\}\}/g, '');
        // Staff status lines carry Latin codes; "{{time}}: {{outcome}}" has no words of its own.
        if (key.startsWith('status.') || !/\p{L}/u.test(words)) continue;
        expect(text, key).toMatch(LANGUAGE_SCRIPTS[code]);
        if (code !== 'fr' && text.length > 12)
          expect(text, `${code} ${key}`).not.toBe(french.get(key));
      }
    },
  );
});
