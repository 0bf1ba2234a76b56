/**
 * The kiosk configuration: one schema, with defaults embedded so a kiosk runs
 * with no file and no fleet server. Unknown keys are refused so that a typo in
 * a hand-edited file is reported instead of silently ignored.
 */
import { z } from 'zod';
import { LANGUAGE_CODES, LanguageCode } from '../contract/ipc-contract.js';
import { PROFILE_NAMES } from '../../native/printer/printer-profiles.js';
import { parsePrinterUri } from '../../native/printer/printer-uri.js';
import { ReceiptIdentity } from '../../native/printer/templates/receipt-identity.js';
import { PaymentMethod } from '../../native/printer/templates/sale-receipt.js';
import { OpeningHoursSection } from '../session/opening-hours.js';
import { BrandingSection } from './branding.js';
import { DocumentsSection } from '../documents/documents-config.js';

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
      .default([...LANGUAGE_CODES]),
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

/** An official site a visitor may browse (DESIGN §5: scheme + host + path prefix, never a string prefix). */
export const SiteRuleSchema = z
  .object({
    scheme: z.enum(['https', 'http']).default('https'),
    /** Exact host, or `*.example.fr` for its subdomains (not the bare domain). */
    host: z
      .string()
      .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a host name such as www.caf.fr or *.ameli.fr'),
    pathPrefix: z.string().startsWith('/').default('/'),
    /** Only for local sites; official sites use the default port. */
    port: z.number().int().min(1).max(65535).optional(),
  })
  .strict();

/**
 * The official sites of the guided procedures, and the FranceConnect hops
 * between them. Anything else is refused with a kind message.
 */
export const DEFAULT_SITES = [
  'www.francetravail.fr',
  'candidat.francetravail.fr',
  'authentification-candidat.francetravail.fr',
  'www.caf.fr',
  'wwwd.caf.fr',
  'www.ameli.fr',
  'assure.ameli.fr',
  'www.impots.gouv.fr',
  'cfspart.impots.gouv.fr',
  'ants.gouv.fr',
  'moncompte.ants.gouv.fr',
  'administration-etrangers-en-france.interieur.gouv.fr',
  'franceconnect.gouv.fr',
  'app.franceconnect.gouv.fr',
  'www.service-public.fr',
].map((host) => ({ scheme: 'https' as const, host, pathPrefix: '/' }));

export const BrowsingSection = z
  .object({
    sites: z.array(SiteRuleSchema).max(500).default(DEFAULT_SITES),
  })
  .strict();

/** A thermal printer of this kiosk, by address and model. */
export const PrinterEntry = z
  .object({
    /** Name in the queue and the staff screen: `desk`, `visitors`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes'),
    uri: z.string().superRefine((text, context) => {
      const parsed = parsePrinterUri(text);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error });
    }),
    profile: z.enum(PROFILE_NAMES).default('epson-tm-t20'),
    /** Overrides the profile's code page (PC850 for printers that lack the others). */
    codePage: z.enum(['windows1252', 'cp858', 'cp850']).optional(),
  })
  .strict();

export const PrintingSection = z
  .object({
    printers: z
      .array(PrinterEntry)
      .max(8)
      .refine(
        (list) => new Set(list.map((p) => p.id)).size === list.length,
        'printer ids must differ',
      )
      .default([]),
    /** Who the receipts come from; the site name is kiosk.siteName. */
    receipt: ReceiptIdentity.omit({ siteName: true }).prefault({}),
  })
  .strict();

const READER_ROLES = ['member-card', 'staff-badge', 'id-card', 'product'] as const;
const HexId = z.number().int().min(0).max(0xffff);

/** A HID reader: found by vendor and product id (and usage page), read with node-hid. */
export const HidReaderEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes'),
    vendorId: HexId,
    productId: HexId,
    usagePage: HexId.optional(),
    decoder: z.enum(['hid-pos-scanner', 'msr']),
    role: z.enum(READER_ROLES),
  })
  .strict();

export const ReadersSection = z
  .object({
    /** A keyboard-wedge reader (it types): told from typing by timing. */
    wedge: z
      .object({
        enabled: z.boolean().default(false),
        role: z.enum(READER_ROLES).default('id-card'),
        /** The layout the reader is set to emulate (most are QWERTY). */
        layout: z.enum(['qwerty', 'azerty']).default('qwerty'),
        prefix: z.string().max(8).default(''),
        suffix: z.enum(['Enter', 'Tab']).default('Enter'),
        minLength: z.number().int().min(1).max(64).default(6),
        maxGapMs: z.number().int().min(5).max(200).default(30),
      })
      .strict()
      .prefault({}),
    hid: z.array(HidReaderEntry).max(8).default([]),
  })
  .strict();

/** Staff who sign in with a badge and a PIN (entries made by `borne staff entry`). */
export const StaffSection = z
  .object({
    members: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(40),
            badge: z
              .string()
              .regex(/^[A-Za-z0-9_-]{22}$/, 'a badge pseudonym, as `borne staff entry` prints it'),
            pin: z
              .string()
              .regex(
                /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/,
                'a PIN hash, as `borne staff entry` prints it (never the PIN itself)',
              ),
            /** A site manager may sell past a member's rights or quota (audited). */
            role: z.enum(['volunteer', 'manager']).default('volunteer'),
          })
          .strict(),
      )
      .max(200)
      .default([]),
    pinAttempts: z.number().int().min(1).max(10).default(3),
    lockoutMinutes: z.number().int().min(1).max(120).default(5),
    idleMinutes: z.number().int().min(1).max(120).default(10),
  })
  .strict();

/** Members' rights to solidarity prices, given at the staff desk with their card. */
export const MembershipSection = z
  .object({
    /** How long an enrolment or a renewal gives, in months. */
    validityMonths: z.number().int().min(1).max(36).default(6),
  })
  .strict();

const PrinterId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a printer id from printing.printers');

/** A recharge sold at the desk: what the operator's code is worth, and its solidarity price. */
export const VoucherProduct = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes'),
    /** As staff and receipts name it: "Recharge Orange 10 €". */
    label: z.string().trim().min(1).max(60),
    operator: z.string().trim().min(1).max(40),
    faceValueCents: z.number().int().positive(),
    /** What the member pays (0 for a free recharge). */
    priceCents: z.number().int().min(0),
    /** Recharges of this product one member card may buy per calendar month (none: no limit). */
    monthlyQuota: z.number().int().min(1).max(100).optional(),
    /** Staff are warned when the stock falls to this. */
    lowStock: z.number().int().min(0).max(10_000).default(10),
    /** How to use the code, printed on the voucher ("Appelez le 224…"). */
    instructions: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
    /** How operators' stock files name this product, besides its id. */
    csvNames: z.array(z.string().trim().min(1).max(80)).max(10).default([]),
  })
  .strict();
export type VoucherProduct = z.infer<typeof VoucherProduct>;

/** The voucher desk: products on sale, where vouchers print, how members pay. */
export const VouchersSection = z
  .object({
    products: z
      .array(VoucherProduct)
      .max(50)
      .refine(
        (list) => new Set(list.map((p) => p.id)).size === list.length,
        'product ids must differ',
      )
      .default([]),
    /** The printer of vouchers and sale receipts (default: the first printer). */
    printer: PrinterId.optional(),
    /** Whether a member card must be read for every sale. */
    memberCard: z.enum(['optional', 'required']).default('optional'),
    /** How members may pay at this desk. */
    payments: z
      .array(PaymentMethod)
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'each payment method may appear once')
      .default(['cash', 'card', 'free']),
  })
  .strict();

const ProcedureId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a procedure id')
  .max(80);

/** The guided procedures this kiosk offers. */
export const ProceduresSection = z
  .object({
    /**
     * A folder of procedure files (relative to this file's folder) that add to
     * the built-in catalogue or replace built-in procedures with the same id.
     */
    catalogueDir: z.string().trim().min(1).max(400).optional(),
    /** The procedures offered, by id, in this order within a category (default: all). */
    offered: z.array(ProcedureId).max(200).optional(),
    /** The printer of visitors' summary tickets (default: the first printer; none, no ticket). */
    ticketPrinter: PrinterId.optional(),
  })
  .strict();

/**
 * How long usage data is kept (DESIGN §3, CNIL guidance on audience
 * measurement): shorter if the welcome point wants, never longer.
 */
export const UsageSection = z
  .object({
    /** Raw events, in months (at most 13). */
    rawMonths: z.number().int().min(1).max(13).default(13),
    /** Daily aggregates, in months (at most 25). */
    aggregateMonths: z.number().int().min(1).max(25).default(25),
    /** The usage file's largest size, in MB: past it events are dropped and counted, as on a full disk. */
    maxMegabytes: z.number().min(1).max(4096).default(256),
  })
  .strict();

export const KioskConfig = z
  .object({
    /** Optional pointer to a JSON schema for editors; ignored by the kiosk. */
    $schema: z.string().optional(),
    kiosk: KioskSection.prefault({}),
    languages: LanguagesSection.prefault({}),
    session: SessionSection.prefault({}),
    browsing: BrowsingSection.prefault({}),
    printing: PrintingSection.prefault({}),
    readers: ReadersSection.prefault({}),
    staff: StaffSection.prefault({}),
    membership: MembershipSection.prefault({}),
    procedures: ProceduresSection.prefault({}),
    vouchers: VouchersSection.prefault({}),
    usage: UsageSection.prefault({}),
    openingHours: OpeningHoursSection.prefault({}),
    branding: BrandingSection.prefault({}),
    documents: DocumentsSection.prefault({}),
  })
  .strict()
  .superRefine((config, context) => {
    const printer = config.procedures.ticketPrinter;
    if (printer && !config.printing.printers.some((entry) => entry.id === printer)) {
      context.addIssue({
        code: 'custom',
        path: ['procedures', 'ticketPrinter'],
        message: `no printer "${printer}" in printing.printers`,
      });
    }
    const voucherPrinter = config.vouchers.printer;
    if (voucherPrinter && !config.printing.printers.some((entry) => entry.id === voucherPrinter)) {
      context.addIssue({
        code: 'custom',
        path: ['vouchers', 'printer'],
        message: `no printer "${voucherPrinter}" in printing.printers`,
      });
    }
  });

export type KioskConfig = z.infer<typeof KioskConfig>;

/** The configuration a kiosk runs on when it has no valid file. */
export function defaultConfig(): KioskConfig {
  return KioskConfig.parse({});
}

/** The receipts' identity: the printing section with the kiosk's site name. */
export function receiptIdentity(config: KioskConfig): ReceiptIdentity {
  return { ...config.printing.receipt, siteName: config.kiosk.siteName };
}
