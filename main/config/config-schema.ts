/**
 * The kiosk configuration: one schema, with defaults embedded so a kiosk runs
 * with no file and no fleet server. Unknown keys are refused so that a typo in
 * a hand-edited file is reported instead of silently ignored.
 */
import { z } from 'zod';
import { LanguageCode } from '../contract/ipc-contract.js';

export const KioskSection = z
  .object({
    /** Stable identifier of this kiosk in the fleet: lowercase letters, digits and dashes. */
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,62}$/,
        'lowercase letters, digits and dashes, 2 to 63 characters',
      )
      .default('borne-dev'),
    /** Name of the welcome point, shown to visitors. */
    siteName: z.string().trim().min(1).max(80).default('Point d’accueil numérique'),
  })
  .strict();

export const LanguagesSection = z
  .object({
    default: LanguageCode.default('fr'),
    enabled: z
      .array(LanguageCode)
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'each language may appear once')
      .default(['fr', 'en', 'ar']),
  })
  .strict()
  .refine((section) => section.enabled.includes(section.default), {
    message: 'the default language must be one of the enabled languages',
    path: ['default'],
  });

export const SessionSection = z
  .object({
    /** Seconds without input before the "are you still there?" warning. */
    idleSeconds: z.number().int().min(30).max(3600).default(180),
    /** Length of the warning countdown before everything is erased. */
    warningSeconds: z.number().int().min(10).max(120).default(30),
  })
  .strict();

export const KioskConfig = z
  .object({
    /** Optional pointer to a JSON schema for editors; ignored by the kiosk. */
    $schema: z.string().optional(),
    kiosk: KioskSection.prefault({}),
    languages: LanguagesSection.prefault({}),
    session: SessionSection.prefault({}),
  })
  .strict();

export type KioskConfig = z.infer<typeof KioskConfig>;

/** The configuration a kiosk runs on when it has no valid file. */
export function defaultConfig(): KioskConfig {
  return KioskConfig.parse({});
}
