/**
 * The end-of-day report staff print when they close the desk: what was sold
 * by product, what was cashed by payment method (which must add up), and
 * what needs checking (voided vouchers, reprints, prints of unknown outcome).
 */
import { z } from 'zod';
import { parseOrThrow } from '../../describe-issues.js';
import type { PrinterProfile } from '../printer-profiles.js';
import type { ReceiptBlockInput, ReceiptDocumentInput } from '../receipt-model.js';
import { formatDay, formatEuros } from './receipt-format.js';
import type { ReceiptIdentity } from './receipt-identity.js';
import { PAYMENT_METHODS, PaymentMethod } from './sale-receipt.js';
import { ticketFooter, ticketHeader } from './ticket-parts.js';
import { IsoDay } from './voucher.js';

export const DayReportInput = z
  .object({
    day: IsoDay,
    kioskId: z.string().min(1).max(63),
    products: z
      .array(
        z
          .object({
            label: z.string().trim().min(1).max(60),
            count: z.number().int().min(0),
            faceValueCents: z.number().int().min(0),
            paidCents: z.number().int().min(0),
          })
          .strict(),
      )
      .max(100),
    payments: z
      .array(z.object({ method: PaymentMethod, cents: z.number().int().min(0) }).strict())
      .max(10),
    voided: z.number().int().min(0).default(0),
    reprints: z.number().int().min(0).default(0),
    /** Prints whose outcome is unknown (connection lost mid-job): check them. */
    unknownPrints: z.number().int().min(0).default(0),
    /** The sales journal's closing entry for the day (its SHA-256, hex). */
    closingHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .strict()
  .superRefine((report, context) => {
    const sold = report.products.reduce((sum, product) => sum + product.paidCents, 0);
    const cashed = report.payments.reduce((sum, payment) => sum + payment.cents, 0);
    if (sold !== cashed) {
      context.addIssue({
        code: 'custom',
        path: ['payments'],
        message: `payments add up to ${formatEuros(cashed)}, sales to ${formatEuros(sold)}`,
      });
    }
  });
export type DayReportInput = z.input<typeof DayReportInput>;

export function dayReport(
  input: DayReportInput,
  identity: ReceiptIdentity,
  _profile: PrinterProfile,
  printedAt: Date,
): ReceiptDocumentInput {
  const report = parseOrThrow(DayReportInput, input, 'day report');
  const sum = (pick: (product: (typeof report.products)[number]) => number) =>
    report.products.reduce((total, product) => total + pick(product), 0);
  const blocks: ReceiptBlockInput[] = [
    ...ticketHeader(identity, 'Rapport de fin de journée'),
    { type: 'columns', left: `Journée du ${formatDay(report.day)}`, right: report.kioskId },
    { type: 'rule' },
    { type: 'text', text: 'Ventes', bold: true },
    ...report.products.map((product) => ({
      type: 'columns' as const,
      left: `${product.count} × ${product.label}`,
      right: formatEuros(product.paidCents),
    })),
    ...(report.products.length === 0 ? [{ type: 'text' as const, text: 'Aucune vente.' }] : []),
    { type: 'rule' },
    { type: 'columns', left: 'Recharges vendues', right: String(sum((p) => p.count)) },
    {
      type: 'columns',
      left: 'Valeur des recharges',
      right: formatEuros(sum((p) => p.faceValueCents)),
    },
    {
      type: 'columns',
      left: 'TOTAL ENCAISSÉ',
      right: formatEuros(sum((p) => p.paidCents)),
      bold: true,
    },
    ...report.payments.map((payment) => ({
      type: 'columns' as const,
      left: `  dont ${PAYMENT_METHODS[payment.method]}`,
      right: formatEuros(payment.cents),
    })),
    { type: 'rule' },
    { type: 'text', text: 'À vérifier', bold: true },
    { type: 'columns', left: 'Codes annulés', right: String(report.voided) },
    { type: 'columns', left: 'Réimpressions', right: String(report.reprints) },
    {
      type: 'columns',
      left: 'Impressions incertaines',
      right: String(report.unknownPrints),
      bold: report.unknownPrints > 0,
    },
  ];
  if (report.closingHash) {
    // 32 characters a line: fits the narrowest (58 mm) roll.
    blocks.push(
      { type: 'rule' },
      { type: 'text', text: 'Clôture du journal (SHA-256)', bold: true },
      { type: 'text', text: report.closingHash.slice(0, 32) },
      { type: 'text', text: report.closingHash.slice(32) },
    );
  }
  blocks.push(...ticketFooter(identity, printedAt));
  return { blocks };
}
