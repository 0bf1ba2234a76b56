/**
 * A guided procedure file: one JSON file per procedure, every text in each
 * visitor language (French required, the others optional), its official
 * sites, and its steps with how Borne recognises the page of each. Welcome
 * points write their own in the same format (README "Procedure files").
 */
import { z } from 'zod';
import { LANGUAGE_CODES, type LanguageCode } from '../contract/ipc-contract.js';
import { Pictogram, ProcedureCategory } from '../contract/guide-contract.js';
import { SiteRuleSchema } from '../config/config-schema.js';
import { hostMatches, matchesRule } from '../shell/navigation-policy.js';

/** FALC: a step says one thing, in at most this many French words. */
export const MAX_STEP_WORDS = 20;

/** Words a person reads: tokens with a letter or digit (« », :, — do not count). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** A text in each visitor language; French is the reference and always there. */
export const LocalizedText = z
  .partialRecord(z.enum(LANGUAGE_CODES), z.string().trim().min(1).max(600))
  .refine((text) => text.fr !== undefined, { message: 'the French text (fr) is required' });
export type LocalizedText = Partial<Record<LanguageCode, string>>;

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes, such as caf-rsa')
  .max(80);

/** An exact host name (no wildcard: a step is on one known host). */
const ExactHost = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'an exact host name, such as wwwd.caf.fr');

/**
 * How Borne knows the visitor is on a step's page: every criterion given must
 * hold. `path`, `query` values and `hash` are patterns where `*` stands for
 * any characters (`hash` for single-page sites that route by `#…`); `title`
 * is a part of the page title (any case); `element` is a CSS selector whose
 * visible presence Borne checks in an isolated world, never in the site's own
 * scripts. When a page matches several steps, the step with the more precise
 * rule wins: an element outranks a title, a title outranks the address.
 */
export const MatchRule = z
  .object({
    host: ExactHost,
    path: z.string().startsWith('/').max(300).optional(),
    query: z
      .record(z.string().regex(/^[\w.-]{1,64}$/, 'a query parameter name'), z.string().max(200))
      .optional(),
    hash: z.string().startsWith('#').max(200).optional(),
    title: z.string().trim().min(2).max(160).optional(),
    element: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type MatchRule = z.infer<typeof MatchRule>;

export const Problem = z
  .object({
    title: LocalizedText,
    solution: LocalizedText,
  })
  .strict();

export const Step = z
  .object({
    id: Id,
    text: LocalizedText.refine((text) => countWords(text.fr ?? '') <= MAX_STEP_WORDS, {
      message: `at most ${MAX_STEP_WORDS} words in French (one idea per step)`,
    }),
    readAloud: LocalizedText,
    pictogram: Pictogram,
    /** Any rule recognises the page; none means the visitor moves on by hand. */
    match: z.array(MatchRule).max(12).default([]),
    tips: z.array(LocalizedText).max(6).default([]),
    problems: z.array(Problem).max(8).default([]),
  })
  .strict();
export type Step = z.infer<typeof Step>;

const Day = z.iso.date();

export const Procedure = z
  .object({
    /** Optional pointer to a JSON schema for editors; ignored. */
    $schema: z.string().optional(),
    id: Id,
    /** When the content was last checked against the official pages. */
    reviewed: Day,
    category: ProcedureCategory,
    pictogram: Pictogram,
    siteName: z.string().trim().min(1).max(40),
    title: LocalizedText,
    summary: LocalizedText,
    bring: z
      .array(z.object({ pictogram: Pictogram, text: LocalizedText }).strict())
      .max(10)
      .default([]),
    /** Allowed while the procedure is open (FranceConnect hops included). */
    sites: z.array(SiteRuleSchema).min(1).max(40),
    startUrl: z.url({ protocol: /^https?$/ }).max(500),
    steps: z.array(Step).min(1).max(30),
    end: z
      .object({
        done: z.array(LocalizedText).max(8).default([]),
        next: z.array(LocalizedText).max(8).default([]),
      })
      .strict(),
    /** The official pages the content comes from. */
    sources: z
      .array(z.url({ protocol: /^https$/ }))
      .min(1)
      .max(20),
  })
  .strict()
  .superRefine((procedure, context) => {
    const allowed = (url: URL) => procedure.sites.some((rule) => matchesRule(url, rule));
    if (!allowed(new URL(procedure.startUrl))) {
      context.addIssue({
        code: 'custom',
        path: ['startUrl'],
        message: 'the start page must be on one of the procedure’s sites',
      });
    }
    const seen = new Set<string>();
    procedure.steps.forEach((step, stepIndex) => {
      if (seen.has(step.id)) {
        context.addIssue({
          code: 'custom',
          path: ['steps', stepIndex, 'id'],
          message: `step id "${step.id}" is used twice`,
        });
      }
      seen.add(step.id);
      step.match.forEach((rule, ruleIndex) => {
        if (!procedure.sites.some((site) => hostMatches(rule.host, site.host))) {
          context.addIssue({
            code: 'custom',
            path: ['steps', stepIndex, 'match', ruleIndex, 'host'],
            message: `${rule.host} is not one of the procedure’s sites`,
          });
        }
      });
    });
  });
export type Procedure = z.infer<typeof Procedure>;
