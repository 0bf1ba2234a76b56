/**
 * Every ticket Borne prints, by name, with an example of its data: the CLI
 * turns an example into a document a site can preview and adapt, and tests
 * render each one from its bytes.
 */
import type { PrinterProfile } from '../printer-profiles.js';
import type { ReceiptDocumentInput } from '../receipt-model.js';
import { dayReport, type DayReportInput } from './day-report.js';
import { ReceiptIdentity } from './receipt-identity.js';
import { saleReceipt, type SaleReceiptInput } from './sale-receipt.js';
import { testPage } from './test-page.js';
import { visitorTicket, type VisitorTicketInput } from './visitor-ticket.js';
import { voucherTicket, type VoucherInput } from './voucher.js';

/** An association as the examples show it (logo path relative to the project). */
export const EXAMPLE_IDENTITY: ReceiptIdentity = ReceiptIdentity.parse({
  organisation: 'Association Connexions Solidaires',
  address: ['12 rue des Poissonniers', '75018 Paris'],
  siret: '123 456 789 00012',
  legalMentions: ['TVA non applicable, art. 293 B du CGI'],
  logo: 'build/receipt/logo-exemple.png',
  siteName: 'Point d’accueil numérique — Paris 18e',
});

type Render<Input> = (
  input: Input,
  identity: ReceiptIdentity,
  profile: PrinterProfile,
  printedAt: Date,
) => ReceiptDocumentInput;

interface Template<Input> {
  label: string;
  render: Render<Input>;
  example: (now: Date) => Input;
}

const voucher: Template<VoucherInput> = {
  label: 'recharge voucher (PIN)',
  render: voucherTicket,
  example: () => ({
    operator: 'Orange',
    product: 'Recharge mobile 10 €',
    faceValueCents: 1000,
    pin: '4821 0375 9916 2043',
    serial: 'OR10-2026-0004711',
    instructions: ['Appelez le 224 depuis votre mobile Orange.', 'Tapez le code, puis #.'],
    expiresOn: '2027-11-30',
  }),
};

const sale: Template<SaleReceiptInput> = {
  label: 'sale receipt',
  render: saleReceipt,
  example: (now) => ({
    receiptNumber: 'R-2026-000123',
    soldAt: now,
    lines: [
      { label: 'Recharge Orange 10 €', quantity: 2, unitPriceCents: 500, faceValueCents: 1000 },
      { label: 'Forfait internet SFR 20 Go', unitPriceCents: 1000, faceValueCents: 2000 },
    ],
    paidCents: 2000,
    paymentMethod: 'cash',
  }),
};

const visitor: Template<VisitorTicketInput> = {
  label: 'visitor summary ticket (no personal data)',
  render: visitorTicket,
  example: () => ({
    procedure: 'Créer mon compte CAF',
    done: ['Compte créé sur caf.fr', 'Mot de passe choisi'],
    next: ['Ouvrir le courriel de la CAF', 'Envoyer l’attestation de loyer'],
    link: { label: 'Mon compte CAF', url: 'https://www.caf.fr/allocataires/mon-compte' },
  }),
};

const report: Template<DayReportInput> = {
  label: 'end-of-day report',
  render: dayReport,
  example: (now) => ({
    day: now.toISOString().slice(0, 10),
    kioskId: 'paris-18-accueil-1',
    products: [
      { label: 'Orange 10 €', count: 6, faceValueCents: 6000, paidCents: 3000 },
      { label: 'SFR 20 Go', count: 2, faceValueCents: 4000, paidCents: 2000 },
    ],
    payments: [
      { method: 'cash', cents: 4000 },
      { method: 'card', cents: 1000 },
    ],
    voided: 1,
    reprints: 0,
    unknownPrints: 0,
  }),
};

const test: Template<Record<string, never>> = {
  label: 'printer test page',
  render: (_input, _identity, profile, printedAt) => testPage(profile, printedAt),
  example: () => ({}),
};

export const TEMPLATES = {
  voucher,
  sale,
  'visitor-ticket': visitor,
  'day-report': report,
  'test-page': test,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/** A template's document for its example data. */
export function exampleDocument(
  name: TemplateName,
  identity: ReceiptIdentity,
  profile: PrinterProfile,
  now: Date,
): ReceiptDocumentInput {
  const template = TEMPLATES[name] as Template<unknown>;
  return template.render(template.example(now), identity, profile, now);
}
