/**
 * Which on-screen keyboard a text field wants, decided from what the field
 * says of itself (type, inputmode, autocomplete), as phones do. Pure: the
 * kiosk's own fields and the official site's (described by a page script in
 * an isolated world) go through the same decision.
 */
import type { FieldKeyboard } from './aids-contract.js';

/** What a page script reads of the focused element. */
export interface FieldFacts {
  tag: string;
  type?: string;
  inputMode?: string;
  autocomplete?: string;
  editable?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);
const DIGIT_INPUT_MODES = new Set(['numeric', 'decimal', 'tel']);
/** autocomplete tokens that are digits in France: phones, codes, postal codes, card numbers. */
const DIGIT_AUTOCOMPLETE =
  /^(tel(-national|-local|-area-code|-local-prefix|-local-suffix)?|one-time-code|postal-code|cc-number|cc-csc|cc-exp(-month|-year)?|bday-(day|month|year))$/;

/** The keyboard for a focused element, or null when it takes no typed text. */
export function keyboardForField(field: FieldFacts): FieldKeyboard | null {
  const tag = field.tag.toLowerCase();
  if (field.disabled || field.readOnly) return null;
  const type = (field.type ?? 'text').toLowerCase();
  const isTextInput = tag === 'input' && TEXT_INPUTS.has(type);
  if (!isTextInput && tag !== 'textarea' && !field.editable) return null;
  const secret = type === 'password';
  const inputMode = (field.inputMode ?? '').toLowerCase();
  // The last token names the field ("section-x shipping tel" → tel).
  const autocomplete = (field.autocomplete ?? '').toLowerCase().trim().split(/\s+/).at(-1) ?? '';
  // "none": the page draws its own keypad (some sites' password grids); it is left to it.
  if (inputMode === 'none') return null;
  if (inputMode === 'text') return { mode: 'letters', secret };
  if (
    type === 'number' ||
    type === 'tel' ||
    DIGIT_INPUT_MODES.has(inputMode) ||
    DIGIT_AUTOCOMPLETE.test(autocomplete)
  ) {
    return { mode: 'digits', secret };
  }
  if (type === 'email' || type === 'url' || inputMode === 'email' || inputMode === 'url') {
    return { mode: 'email', secret };
  }
  // Identifiers and passwords are typed in Latin letters, whatever the visitor's script.
  if (autocomplete === 'email' || autocomplete === 'username' || secret) {
    return { mode: 'email', secret };
  }
  return { mode: 'letters', secret };
}
