/**
 * The visitor aids' part of the contract: the volunteer call, the on-screen
 * keyboard for the official site's fields, and the display (text size,
 * contrast) the site view follows. Free of Node and DOM APIs: both sides
 * import it.
 */
import { z } from 'zod';

/** The volunteer call as the visitor's screen shows it. */
export const HelpView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  /** `calledAt`: epoch milliseconds, so the screen counts the wait. */
  z.object({ state: z.literal('calling'), calledAt: z.number().int().nonnegative() }),
]);
export type HelpView = z.infer<typeof HelpView>;

/** One of the day's calls in the staff space: when, how long, how it ended. Nothing of the visitor. */
export const HelpCallRecord = z.object({
  calledAt: z.number().int().nonnegative(),
  outcome: z.enum(['open', 'answered', 'cancelled', 'visit-ended']),
  waitedSeconds: z.number().int().nonnegative().optional(),
});
export type HelpCallRecord = z.infer<typeof HelpCallRecord>;

/**
 * Which keys a field wants: letters (with the e-mail row), digits (number,
 * phone, code fields), and whether what is typed is secret (a password: keys
 * neither enlarge nor echo).
 */
export const KEYBOARD_MODES = ['letters', 'email', 'digits'] as const;
export const KeyboardMode = z.enum(KEYBOARD_MODES);
export type KeyboardMode = z.infer<typeof KeyboardMode>;

export const FieldKeyboard = z.object({ mode: KeyboardMode, secret: z.boolean() });
export type FieldKeyboard = z.infer<typeof FieldKeyboard>;

/**
 * The field that has the focus on the official site, if it takes text.
 * `touch` counts the visitor's touches on it: touching the field again opens
 * a keyboard they had closed.
 */
export const KeyboardView = z.object({
  siteField: FieldKeyboard.nullable(),
  touch: z.number().int().nonnegative(),
});
export type KeyboardView = z.infer<typeof KeyboardView>;

/** Keys that edit rather than type. "Tab" is the keyboard's "Case suivante". */
export const EditKey = z.enum(['Backspace', 'Enter', 'Tab']);
export type EditKey = z.infer<typeof EditKey>;

/** Three text sizes: the screens' own and two larger; the site's zoom follows. */
export const TEXT_SIZES = [1, 1.25, 1.5] as const;
export const Display = z.object({
  textSize: z.union([z.literal(1), z.literal(1.25), z.literal(1.5)]),
  highContrast: z.boolean(),
});
export type Display = z.infer<typeof Display>;
export const NORMAL_DISPLAY: Display = { textSize: 1, highContrast: false };

/** Visitor aids whose use is counted (once per visit and aid). */
export const AIDS = ['keyboard', 'read-aloud', 'glossary', 'large-text', 'high-contrast'] as const;
export type Aid = (typeof AIDS)[number];
