import { describe, expect, it } from 'vitest';
import { isolateLtrRuns } from '../../renderer/kit/bidi.js';

const iso = (text: string) => `\u2068${text}\u2069`;

describe('left-to-right runs inside Arabic and Persian', () => {
  it.each([
    ['المس «Poursuivre».', `المس «${iso('Poursuivre')}».`],
    [
      'المس «Identifiant oublié ?». أو اتصل بالرقم 39 49',
      `المس «${iso('Identifiant oublié ?')}». أو اتصل بالرقم ${iso('39 49')}`,
    ],
    ['اكتب name@example.com هنا', `اكتب ${iso('name@example.com')} هنا`],
    ['موقعها ameli.fr.', `موقعها ${iso('ameli.fr.')}`],
    [
      'دکمهٔ «S’identifier avec FranceConnect» را لمس کنید',
      `دکمهٔ «${iso('S’identifier avec FranceConnect')}» را لمس کنید`,
    ],
    ['بدون حروف لاتینی', 'بدون حروف لاتینی'],
  ])('%s', (text, expected) => {
    expect(isolateLtrRuns(text)).toBe(expected);
  });

  it('leaves text already isolated as it is', () => {
    const once = isolateLtrRuns('رقم 13');
    expect(isolateLtrRuns(once)).toBe(once);
  });
});
