/**
 * Filling the field the visitor touched on a site, for the ID card helper.
 * Both hosts run the same page script; only the last step differs (Chromium:
 * the keyboard's insertText through the DevTools protocol; Electron:
 * `webContents.insertText`). Text is typed in, not set, so the site sees
 * what a person typing would give it (input events, its own checks).
 *
 * The script refuses what the kiosk must not fill: a password field, a
 * disabled or read-only one, and any field inside another site's frame (a
 * third party's widget embedded in the page never gets the visitor's card).
 */
import type { CopyValue } from '../app/id-card-values.js';

/** What the page script found, and did for a date picker. */
export type FieldProbe = 'type-it' | 'filled' | 'no-field' | 'refused';

/** How a copy ended, as the visitor is told. */
export type FillOutcome = 'copied' | 'no-site' | 'no-field' | 'refused';

/** The visitor's current site page, as the ID card helper sees it. */
export interface VisitorSiteInput {
  /** Whether a site page is open to copy into. */
  hasPage(): boolean;
  fillFocusedField(value: CopyValue): Promise<FillOutcome>;
}

/**
 * A function expression, run in the page with a CopyValue. It selects the
 * focused field's content (the copy replaces it: touching a filled field and
 * copying twice must not give "DUPONTDUPONT") and returns a FieldProbe; date
 * pickers are set here, with the events a picker fires.
 */
export const FILL_FOCUSED_FIELD_SCRIPT = `(value) => {
  let doc = document;
  let el = doc.activeElement;
  while (el && (el.tagName === 'IFRAME' || el.tagName === 'FRAME')) {
    let inner = null;
    try { inner = el.contentDocument; } catch { inner = null; }
    if (!inner) return 'refused';
    doc = inner;
    el = doc.activeElement;
  }
  if (!el || el === doc.body || el === doc.documentElement) return 'no-field';
  if (el.isContentEditable) {
    const range = doc.createRange();
    range.selectNodeContents(el);
    const selection = doc.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return 'type-it';
  }
  const typing = ['text', 'search', 'tel', 'email', 'url'];
  if (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && typing.includes(el.type))) {
    if (el.disabled || el.readOnly) return 'no-field';
    el.select();
    return 'type-it';
  }
  if (el.tagName !== 'INPUT' || el.disabled || el.readOnly) return 'no-field';
  if (el.type === 'date') {
    if (!value.isoDate) return 'refused';
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    setter.call(el, value.isoDate);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return el.value === value.isoDate ? 'filled' : 'refused';
  }
  return 'refused';
}`;

/** Runs the page script, then types when it says so: the part both hosts share. */
export async function fillFocusedField(
  value: CopyValue,
  page: {
    /** Evaluates an expression in the page's main frame. */
    evaluate: (expression: string) => Promise<unknown>;
    insertText: (text: string) => Promise<void>;
  },
): Promise<FillOutcome> {
  let probe: unknown;
  try {
    probe = await page.evaluate(`(${FILL_FOCUSED_FIELD_SCRIPT})(${JSON.stringify(value)})`);
  } catch {
    return 'no-field'; // the page is navigating or gone: nothing is focused any more
  }
  if (probe === 'filled') return 'copied';
  if (probe !== 'type-it') return probe === 'refused' ? 'refused' : 'no-field';
  await page.insertText(value.text);
  return 'copied';
}
