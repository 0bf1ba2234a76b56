import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FieldFacts, keyboardForField } from '../../../main/contract/field-keyboard.js';
import { parseFieldReport } from '../../../main/shell/site-field-watch.js';

const input = (facts: Partial<FieldFacts>): FieldFacts => ({ tag: 'INPUT', ...facts });

describe('which keyboard a field wants', () => {
  it.each([
    ['a name', input({ type: 'text' }), { mode: 'letters', secret: false }],
    ['a search box', input({ type: 'search' }), { mode: 'letters', secret: false }],
    ['a text area', { tag: 'TEXTAREA' }, { mode: 'letters', secret: false }],
    ['an editable block', { tag: 'DIV', editable: true }, { mode: 'letters', secret: false }],
    ['an e-mail', input({ type: 'email' }), { mode: 'email', secret: false }],
    ['an address box', input({ type: 'url' }), { mode: 'email', secret: false }],
    ['inputmode email', input({ inputMode: 'email' }), { mode: 'email', secret: false }],
    ['an identifier', input({ autocomplete: 'username' }), { mode: 'email', secret: false }],
    ['a password', input({ type: 'password' }), { mode: 'email', secret: true }],
    [
      'a PIN password',
      input({ type: 'password', inputMode: 'numeric' }),
      { mode: 'digits', secret: true },
    ],
    ['a phone', input({ type: 'tel' }), { mode: 'digits', secret: false }],
    ['a number', input({ type: 'number' }), { mode: 'digits', secret: false }],
    ['inputmode numeric (NIR)', input({ inputMode: 'numeric' }), { mode: 'digits', secret: false }],
    ['inputmode decimal', input({ inputMode: 'decimal' }), { mode: 'digits', secret: false }],
    [
      'a code received',
      input({ autocomplete: 'one-time-code' }),
      { mode: 'digits', secret: false },
    ],
    [
      'a postal code',
      input({ autocomplete: 'shipping postal-code' }),
      { mode: 'digits', secret: false },
    ],
    [
      'a phone by autocomplete',
      input({ autocomplete: 'tel-national' }),
      { mode: 'digits', secret: false },
    ],
    [
      'inputmode text wins',
      input({ type: 'tel', inputMode: 'text' }),
      { mode: 'letters', secret: false },
    ],
  ] as const)('%s', (_name, facts, expected) => {
    expect(keyboardForField(facts)).toEqual(expected);
  });

  it.each([
    ['a button', { tag: 'BUTTON' }],
    ['a check box', input({ type: 'checkbox' })],
    ['a radio button', input({ type: 'radio' })],
    ['a date picker', input({ type: 'date' })],
    ['a file input', input({ type: 'file' })],
    ['a disabled field', input({ type: 'text', disabled: true })],
    ['a read-only field', input({ type: 'text', readOnly: true })],
    ['a field with its own keypad', input({ type: 'password', inputMode: 'none' })],
    ['a link', { tag: 'A' }],
  ] as const)('opens no keyboard for %s', (_name, facts) => {
    expect(keyboardForField(facts)).toBeNull();
  });

  it('reads a site report; anything malformed closes the keyboard', () => {
    expect(
      parseFieldReport(JSON.stringify({ facts: { tag: 'INPUT', type: 'tel' }, touch: 2 })),
    ).toEqual({ field: { mode: 'digits', secret: false }, touch: 2 });
    expect(parseFieldReport(JSON.stringify({ facts: null, touch: 0 }))).toEqual({
      field: null,
      touch: 0,
    });
    fc.assert(
      fc.property(fc.string(), (payload) => {
        const report = parseFieldReport(payload);
        expect(report.touch).toBeGreaterThanOrEqual(0);
      }),
    );
    expect(parseFieldReport('{"facts":{"tag":1},"touch":0}')).toEqual({ field: null, touch: 0 });
  });
});
