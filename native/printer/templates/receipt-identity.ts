/**
 * Who prints the receipts: the association's legal identity and the words a
 * site wants at the bottom of its tickets. Part of the kiosk configuration
 * (`printing.receipt`), so a site changes its receipts without code.
 */
import { z } from 'zod';

const Line = z.string().trim().min(1).max(120);

export const ReceiptIdentity = z
  .object({
    /** Legal name of the association that sells the recharges. */
    organisation: Line.default('Association Borne'),
    address: z.array(Line).max(4).default([]),
    /** 14 digits, printed grouped "123 456 789 00012". */
    siret: z
      .string()
      .transform((value) => value.replace(/\s/g, ''))
      .pipe(z.string().regex(/^\d{14}$/, 'a SIRET has 14 digits'))
      .optional(),
    /** Printed on every sale receipt, e.g. "TVA non applicable, art. 293 B du CGI". */
    legalMentions: z.array(Line).max(6).default([]),
    /** Last line of every ticket. */
    footer: Line.default('Merci de votre visite'),
    /** PNG printed at the top of receipts, relative to the configuration file. */
    logo: z.string().min(1).max(500).optional(),
    /** Name of the welcome point, as on the kiosk screen. */
    siteName: Line.default('Point d’accueil numérique'),
  })
  .strict();

export type ReceiptIdentity = z.infer<typeof ReceiptIdentity>;
export type ReceiptIdentityInput = z.input<typeof ReceiptIdentity>;
