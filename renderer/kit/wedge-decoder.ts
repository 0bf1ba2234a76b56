/**
 * Keyboard-wedge readers type what they read, faster than any person. This
 * decoder tells a scanner burst from typing by timing, and decodes by
 * physical key (KeyboardEvent.code) with the layout the *reader* emulates, so
 * a QWERTY reader on a French AZERTY kiosk still gives "123" (it sends the
 * keys that are "&é"" here) and an AZERTY reader gives digits with Shift.
 *
 * The caller holds each character key back while it may belong to a scan
 * (at most `maxGapMs`), then either gets a scan, or the keys to type after
 * all. Pure: time comes in with the keys and through `tick`.
 */

export type ReaderLayout = 'qwerty' | 'azerty';

export interface WedgeKey {
  code: string;
  shift: boolean;
  /** Milliseconds, any monotonic clock. */
  time: number;
  /** Auto-repeat from a held key: always a person. */
  repeat?: boolean;
}

export interface WedgeOptions {
  layout: ReaderLayout;
  /** Longest pause between two keys of a scan. */
  maxGapMs: number;
  /** Fewest characters in a scan (prefix and suffix not counted). */
  minLength: number;
  /** Characters the reader sends first, if it is set to (e.g. "%" or "]"). */
  prefix: string;
  /** The key that ends a scan. */
  suffix: 'Enter' | 'Tab';
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  layout: 'qwerty',
  maxGapMs: 30,
  minLength: 6,
  prefix: '',
  suffix: 'Enter',
};

export type WedgeOutput =
  | { type: 'scan'; text: string; durationMs: number }
  /** Keys held back that a person typed after all: give them to the page. */
  | { type: 'typing'; keys: WedgeKey[] };

/** [unshifted, shifted] character of each physical key, per reader layout. */
const SHARED: Record<string, [string, string]> = {
  Space: [' ', ' '],
  Numpad0: ['0', '0'],
  Numpad1: ['1', '1'],
  Numpad2: ['2', '2'],
  Numpad3: ['3', '3'],
  Numpad4: ['4', '4'],
  Numpad5: ['5', '5'],
  Numpad6: ['6', '6'],
  Numpad7: ['7', '7'],
  Numpad8: ['8', '8'],
  Numpad9: ['9', '9'],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

function lettersExcept(swaps: Record<string, string>): Record<string, [string, string]> {
  const table: Record<string, [string, string]> = {};
  for (let c = 65; c <= 90; c += 1) {
    const letter = (swaps[String.fromCharCode(c)] ?? String.fromCharCode(c)).toLowerCase();
    table[`Key${String.fromCharCode(c)}`] = [letter, letter.toUpperCase()];
  }
  return table;
}

const LAYOUTS: Record<ReaderLayout, Record<string, [string, string]>> = {
  qwerty: {
    ...SHARED,
    ...lettersExcept({}),
    ...Object.fromEntries(
      [...'1234567890'].map((digit, i) => [`Digit${digit}`, [digit, '!@#$%^&*()'[i] as string]]),
    ),
    Minus: ['-', '_'],
    Equal: ['=', '+'],
    BracketLeft: ['[', '{'],
    BracketRight: [']', '}'],
    Backslash: ['\\', '|'],
    Semicolon: [';', ':'],
    Quote: ["'", '"'],
    Backquote: ['`', '~'],
    Comma: [',', '<'],
    Period: ['.', '>'],
    Slash: ['/', '?'],
  },
  // French AZERTY: digits need Shift, A/Q and Z/W swapped, M where ";" is.
  azerty: {
    ...SHARED,
    ...lettersExcept({ A: 'Q', Q: 'A', Z: 'W', W: 'Z', M: ',' }),
    KeyM: [',', '?'],
    ...Object.fromEntries(
      [...'1234567890'].map((digit, i) => [`Digit${digit}`, ['&é"\'(-è_çà'[i] as string, digit]]),
    ),
    Minus: [')', '°'],
    Equal: ['=', '+'],
    BracketRight: ['$', '£'],
    Backslash: ['*', 'µ'],
    Semicolon: ['m', 'M'],
    Quote: ['ù', '%'],
    Comma: [';', '.'],
    Period: [':', '/'],
    Slash: ['!', '§'],
    IntlBackslash: ['<', '>'],
  },
};

/** The character a reader meant by this key, or undefined for keys that type nothing. */
export function wedgeChar(
  key: Pick<WedgeKey, 'code' | 'shift'>,
  layout: ReaderLayout,
): string | undefined {
  return LAYOUTS[layout][key.code]?.[key.shift ? 1 : 0];
}

const MODIFIERS = new Set([
  'ShiftLeft',
  'ShiftRight',
  'ControlLeft',
  'ControlRight',
  'AltLeft',
  'AltRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'NumLock',
]);

/** The longest a scan may be: anything longer is a person leaning on the keyboard. */
const MAX_SCAN_LENGTH = 512;

export class WedgeDecoder {
  private held: WedgeKey[] = [];

  constructor(private readonly options: WedgeOptions = DEFAULT_WEDGE_OPTIONS) {}

  /** Whether a key is one the decoder may hold back (it types a character). */
  holds(key: Pick<WedgeKey, 'code' | 'shift'>): boolean {
    return wedgeChar(key, this.options.layout) !== undefined;
  }

  /** When the held keys become typing if nothing else comes (for the caller's timer). */
  deadline(): number | null {
    const last = this.held.at(-1);
    return last ? last.time + this.options.maxGapMs : null;
  }

  /**
   * Feeds a key press. The suffix key and character keys count; modifier
   * keys (a reader presses Shift too) are let by; others release what is held.
   */
  key(key: WedgeKey): WedgeOutput[] {
    const out = this.expire(key.time);
    if (MODIFIERS.has(key.code)) return out;
    const last = this.held.at(-1);
    const inBurst = last !== undefined && key.time - last.time <= this.options.maxGapMs;
    if (
      key.code === this.options.suffix ||
      (key.code === 'NumpadEnter' && this.options.suffix === 'Enter')
    ) {
      const scan = inBurst && !key.repeat ? this.scan(key.time) : null;
      if (scan) {
        this.held = [];
        return [...out, scan];
      }
      return [...out, ...this.release(), { type: 'typing', keys: [key] }];
    }
    if (!this.holds(key) || key.repeat || this.held.length >= MAX_SCAN_LENGTH) {
      return [...out, ...this.release(), { type: 'typing', keys: [key] }];
    }
    this.held.push(key);
    return out;
  }

  /** The timer fired: keys not followed in time were typed by a person. */
  tick(now: number): WedgeOutput[] {
    return this.expire(now);
  }

  private expire(now: number): WedgeOutput[] {
    const deadline = this.deadline();
    return deadline !== null && now > deadline ? this.release() : [];
  }

  private release(): WedgeOutput[] {
    if (this.held.length === 0) return [];
    const keys = this.held;
    this.held = [];
    return [{ type: 'typing', keys }];
  }

  private scan(end: number): WedgeOutput | null {
    const text = this.held.map((key) => wedgeChar(key, this.options.layout) ?? '').join('');
    const { prefix, minLength } = this.options;
    if (!text.startsWith(prefix)) return null;
    const body = text.slice(prefix.length);
    if (body.length < minLength) return null;
    return { type: 'scan', text: body, durationMs: end - (this.held[0]?.time ?? end) };
  }
}

/** The keys a reader with this layout presses to type `text` (for simulators and tests). */
export function keysFor(text: string, layout: ReaderLayout): Pick<WedgeKey, 'code' | 'shift'>[] {
  const table = LAYOUTS[layout];
  return [...text].map((char) => {
    for (const [code, [plain, shifted]] of Object.entries(table)) {
      if (code.startsWith('Numpad')) continue;
      if (plain === char) return { code, shift: false };
      if (shifted === char) return { code, shift: true };
    }
    throw new Error(`a ${layout} reader cannot type "${char}"`);
  });
}
