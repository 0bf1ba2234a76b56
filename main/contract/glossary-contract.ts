/**
 * The glossary of administrative words: each entry with its pictogram, the
 * forms it takes in step texts (to mark them), and one plain sentence, in
 * the eight visitor languages. Shared by the renderer (which shows it) and
 * the tests (which hold it complete). Free of Node and DOM APIs.
 */
import { z } from 'zod';
import { LANGUAGE_CODES } from './ipc-contract.js';
import { Pictogram } from './guide-contract.js';

const PerLanguage = <T extends z.ZodType>(value: T) =>
  z.object(
    Object.fromEntries(LANGUAGE_CODES.map((code) => [code, value])) as Record<
      (typeof LANGUAGE_CODES)[number],
      T
    >,
  );

export const GlossaryEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    pictogram: Pictogram,
    /** The word as the list shows it. */
    term: PerLanguage(z.string().trim().min(1).max(60)),
    /** Forms found in step texts (singular, plural…), matched whole and case-insensitively. */
    forms: PerLanguage(z.array(z.string().trim().min(2).max(60)).min(1)),
    /** One plain sentence (FALC), read aloud with the language's voice. */
    meaning: PerLanguage(z.string().trim().min(10).max(220)),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const Glossary = z
  .object({
    /** When the entries were last checked against the official help pages. */
    checked: z.iso.date(),
    entries: z.array(GlossaryEntry).min(40),
  })
  .strict()
  .superRefine((glossary, context) => {
    const seen = new Set<string>();
    glossary.entries.forEach((entry, index) => {
      if (seen.has(entry.id))
        context.addIssue({
          code: 'custom',
          message: `"${entry.id}" twice`,
          path: ['entries', index, 'id'],
        });
      seen.add(entry.id);
    });
  });
export type Glossary = z.infer<typeof Glossary>;
