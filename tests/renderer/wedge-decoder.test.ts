/**
 * Keyboard-wedge decoding: scanner bursts by timing, characters by physical
 * key and the reader's layout (a QWERTY reader on a French kiosk, an AZERTY
 * reader with Shift for digits), people's typing given back untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEDGE_OPTIONS,
  keysFor,
  type ReaderLayout,
  WedgeDecoder,
  type WedgeKey,
  type WedgeOutput,
} from '../../renderer/kit/wedge-decoder.js';

/** Presses `text` then Enter with the given gaps; returns every output, timer included. */
function run(
  text: string,
  layout: ReaderLayout,
  gaps: number[] | number,
  options = {},
): WedgeOutput[] {
  const decoder = new WedgeDecoder({ ...DEFAULT_WEDGE_OPTIONS, layout, ...options });
  const keys = [...keysFor(text, layout), { code: 'Enter', shift: false }];
  const out: WedgeOutput[] = [];
  let time = 1000;
  keys.forEach((key, index) => {
    time += Array.isArray(gaps) ? (gaps[index % gaps.length] ?? 0) : gaps;
    out.push(...decoder.key({ ...key, time }));
  });
  out.push(...decoder.tick(time + 1000));
  return out;
}

const scans = (outputs: WedgeOutput[]) =>
  outputs.filter((o) => o.type === 'scan').map((o) => o.type === 'scan' && o.text);
const typedCodes = (outputs: WedgeOutput[]) =>
  outputs.flatMap((o) => (o.type === 'typing' ? o.keys.map((k: WedgeKey) => k.code) : []));

describe('keyboard-wedge decoder', () => {
  it('reads a QWERTY reader on an AZERTY kiosk: the keys of "&é"" mean 1 2 3', () => {
    expect(keysFor('123', 'qwerty')).toEqual([
      { code: 'Digit1', shift: false },
      { code: 'Digit2', shift: false },
      { code: 'Digit3', shift: false },
    ]);
    expect(run('4006381333931', 'qwerty', 8)).toEqual([
      { type: 'scan', text: '4006381333931', durationMs: 104 },
    ]);
  });

  it('reads an AZERTY reader, which needs Shift for digits', () => {
    expect(keysFor('12', 'azerty')).toEqual([
      { code: 'Digit1', shift: true },
      { code: 'Digit2', shift: true },
    ]);
    expect(scans(run('4006381333931', 'azerty', 12))).toEqual(['4006381333931']);
  });

  it('reads an MRZ line and a magnetic track through either layout ("<", "%", "^", ";", "=", "?")', () => {
    const mrz = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
    const track = '%B4970100000000063^DUPONT/MARIE^2712101?';
    for (const layout of ['qwerty', 'azerty'] as const) {
      if (layout === 'qwerty') expect(scans(run(track, layout, 5))).toEqual([track]);
      expect(scans(run(mrz, layout, 5))).toEqual([mrz]);
    }
  });

  it('gives a person’s typing back, key by key, Enter included', () => {
    const outputs = run('bonjour', 'azerty', 110);
    expect(scans(outputs)).toEqual([]);
    expect(typedCodes(outputs)).toEqual([
      ...keysFor('bonjour', 'azerty').map((k) => k.code),
      'Enter',
    ]);
  });

  it('treats a short burst, a missing prefix or auto-repeat as typing', () => {
    expect(scans(run('12345', 'qwerty', 5))).toEqual([]);
    expect(scans(run('%123456', 'qwerty', 5, { prefix: '%' }))).toEqual(['123456']);
    expect(scans(run('123456', 'qwerty', 5, { prefix: '%' }))).toEqual([]);
    const decoder = new WedgeDecoder();
    const repeated = [1, 2, 3, 4, 5, 6, 7].flatMap((n) =>
      decoder.key({ code: 'KeyA', shift: false, time: n * 30, repeat: n > 1 }),
    );
    expect(repeated.every((o) => o.type === 'typing')).toBe(true);
  });

  it('splits at a pause longer than the gap: what came before is typing, what follows may be a scan', () => {
    const outputs = run('1234567890', 'qwerty', [5, 5, 5, 80, 5, 5, 5, 5, 5, 5, 5]);
    expect(typedCodes(outputs)).toEqual(['Digit1', 'Digit2', 'Digit3']);
    expect(scans(outputs)).toEqual(['4567890']);
  });

  it('lets the Shift presses of an AZERTY reader by without breaking the burst', () => {
    const decoder = new WedgeDecoder({ ...DEFAULT_WEDGE_OPTIONS, layout: 'azerty' });
    const outputs = keysFor('123456', 'azerty').flatMap((key, index) => [
      ...decoder.key({ code: 'ShiftLeft', shift: true, time: index * 10 }),
      ...decoder.key({ ...key, time: index * 10 + 3 }),
    ]);
    outputs.push(...decoder.key({ code: 'Enter', shift: false, time: 62 }));
    expect(scans(outputs)).toEqual(['123456']);
  });

  it('releases held keys when the timer passes the deadline', () => {
    const decoder = new WedgeDecoder();
    expect(decoder.key({ code: 'KeyB', shift: false, time: 0 })).toEqual([]);
    expect(decoder.deadline()).toBe(30);
    expect(decoder.tick(20)).toEqual([]);
    expect(decoder.tick(31)).toEqual([
      { type: 'typing', keys: [{ code: 'KeyB', shift: false, time: 0 }] },
    ]);
  });

  it('decodes any scanner-speed burst exactly, and never a person-speed one (property)', () => {
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'];
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...alphabet), minLength: 6, maxLength: 90 }),
        fc.constantFrom('qwerty' as const, 'azerty' as const),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 45, max: 400 }), { minLength: 1, maxLength: 20 }),
        (text, layout, fast, slow) => {
          expect(scans(run(text, layout, fast))).toEqual([text]);
          expect(scans(run(text, layout, slow))).toEqual([]);
        },
      ),
    );
  });
});
