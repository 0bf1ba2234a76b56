/**
 * Guided procedures as the renderer sees them: the catalogue resolved in one
 * language, and where the visitor is in the procedure they chose. Shared by
 * both sides like the rest of the contract: no Node, no DOM here.
 */
import { z } from 'zod';

/** The procedure categories, in the order the visitor sees them. */
export const CATEGORIES = [
  'emploi',
  'famille-aides',
  'sante',
  'impots',
  'titre-sejour',
  'identite-numerique',
  'email-documents',
] as const;
export const ProcedureCategory = z.enum(CATEGORIES);
export type ProcedureCategory = z.infer<typeof ProcedureCategory>;

/**
 * The pictograms a catalogue may name. The renderer maps each to a drawing
 * (renderer/kit/pictograms.ts, checked complete by the type system).
 */
export const PICTOGRAMS = [
  'job',
  'family',
  'health',
  'tax',
  'residence-permit',
  'digital-id',
  'email',
  'login',
  'password',
  'code-sms',
  'code-email',
  'phone',
  'calendar',
  'money',
  'bank',
  'document',
  'upload',
  'download',
  'print',
  'form',
  'person',
  'id-card',
  'key',
  'home',
  'search',
  'touch',
  'next',
  'check',
  'done',
  'inbox',
  'attachment',
  'send',
  'reply',
  'write',
  'warning',
  'clock',
  'folder',
  'shield',
  'new-account',
  'language',
] as const;
export const Pictogram = z.enum(PICTOGRAMS);
export type Pictogram = z.infer<typeof Pictogram>;

const Text = z.string().min(1);

export const ProblemView = z.object({ title: Text, solution: Text });
export type ProblemView = z.infer<typeof ProblemView>;

export const StepView = z.object({
  id: Text,
  text: Text,
  readAloud: Text,
  pictogram: Pictogram,
  tips: z.array(Text),
  problems: z.array(ProblemView),
});
export type StepView = z.infer<typeof StepView>;

/** A procedure in one language (French when it lacks the one asked for). */
export const ProcedureView = z.object({
  id: Text,
  category: ProcedureCategory,
  pictogram: Pictogram,
  /** The language of every text below: the one asked for, or French. */
  language: z.string().min(2).max(3),
  /** The site's own name, never translated: "France Travail", "caf.fr". */
  siteName: Text,
  title: Text,
  summary: Text,
  bring: z.array(z.object({ pictogram: Pictogram, text: Text })),
  steps: z.array(StepView).min(1),
  end: z.object({ done: z.array(Text), next: z.array(Text) }),
});
export type ProcedureView = z.infer<typeof ProcedureView>;

export const CatalogueView = z.object({ procedures: z.array(ProcedureView) });
export type CatalogueView = z.infer<typeof CatalogueView>;

/** Where the visitor is in the procedure they chose. */
export const GuideView = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({
    state: z.literal('guiding'),
    procedureId: Text,
    stepIndex: z.number().int().nonnegative(),
    stepCount: z.number().int().positive(),
    /** False when the site shows a page the catalogue does not know: the guide stays on the last known step. */
    recognised: z.boolean(),
    site: z.enum(['opening', 'open', 'unreachable']),
    help: z.enum(['none', 'problems', 'volunteer']),
  }),
  z.object({
    state: z.literal('finished'),
    procedureId: Text,
    /** The summary ticket: whether a printer is there, and how the print went. */
    ticket: z.enum(['unavailable', 'ready', 'printing', 'printed', 'failed']),
  }),
]);
export type GuideView = z.infer<typeof GuideView>;
