/**
 * The sale receipt: what the association's accounts and the law ask for
 * (legal name, address, SIRET, receipt number, date, what was sold, the
 * solidarity price paid and how), nothing about the buyer.
 */
import { z } from 'zod';
import { parseOrThrow } from '../../describe-issues.js';
import type { PrinterProfile } from '../printer-profiles.js';
import type { ReceiptBlockInput, ReceiptDocumentInput } from '../receipt-model.js';
import { formatDateTime, formatEuros, formatSiret } from './receipt-format.js';
import type { ReceiptIdentity } from './receipt-identity.js';
import { ticketFooter } from './ticket-parts.js';

export const PAYMENT_METHODS = {
  cash: 'espèces',
  card: 'carte bancaire',
  cheque: 'chèque',
  transfer: 'virement',
  free: 'offert',
} as const;
export const PaymentMethod = z.enum(Object.keys(PAYMENT_METHODS) as [keyof typeof PAYMENT_METHODS]);

export const SaleLine = z
  .object({
    label: z.string().trim().min(1).max(80),
    quantity: z.number().int().min(1).max(99).default(1),
    /** Solidarity price of one item. */
    unitPriceCents: z.number().int().min(0),
    /** What one item is worth at the operator (the recharge's value). */
    faceValueCents: z.number().int().min(0).optional(),
  })
  .strict();

export const SaleReceiptInput = z
  .object({
    receiptNumber: z.string().trim().min(1).max(30),
    soldAt: z.date(),
    lines: z.array(SaleLine).min(1).max(50),
    paidCents: z.number().int().min(0),
    paymentMethod: PaymentMethod,
  })
  .strict()
  .superRefine((sale, context) => {
    const total = sale.lines.reduce(
      (sum, line) => sum + (line.quantity ?? 1) * line.unitPriceCents,
      0,
    );
    if (total !== sale.paidCents) {
      context.addIssue({
        code: 'custom',
        path: ['paidCents'],
        message: `paid ${formatEuros(sale.paidCents)} but the lines add up to ${formatEuros(total)}`,
      });
    }
  });
export type SaleReceiptInput = z.input<typeof SaleReceiptInput>;

export function saleReceipt(
  input: SaleReceiptInput,
  identity: ReceiptIdentity,
  _profile: PrinterProfile,
  printedAt: Date,
): ReceiptDocumentInput {
  const sale = parseOrThrow(SaleReceiptInput, input, 'sale receipt');
  const faceValue = sale.lines.reduce(
    (sum, line) => sum + line.quantity * (line.faceValueCents ?? 0),
    0,
  );
  const blocks: ReceiptBlockInput[] = [
    ...(identity.logo ? [{ type: 'image' as const, src: identity.logo, width: 384 }] : []),
    { type: 'text', text: identity.organisation, align: 'center', bold: true },
    ...identity.address.map((line) => ({
      type: 'text' as const,
      text: line,
      align: 'center' as const,
    })),
    ...(identity.siret
      ? [
          {
            type: 'text' as const,
            text: `SIRET ${formatSiret(identity.siret)}`,
            align: 'center' as const,
          },
        ]
      : []),
    { type: 'text', text: identity.siteName, align: 'center' },
    { type: 'rule', style: 'double' },
    { type: 'columns', left: `Reçu n° ${sale.receiptNumber}`, right: formatDateTime(sale.soldAt) },
    { type: 'rule' },
    ...sale.lines.map((line) => ({
      type: 'columns' as const,
      left: line.quantity > 1 ? `${line.quantity} × ${line.label}` : line.label,
      right: formatEuros(line.quantity * line.unitPriceCents),
    })),
    { type: 'rule' },
    { type: 'columns', left: 'TOTAL PAYÉ', right: formatEuros(sale.paidCents), bold: true },
    { type: 'text', text: `Payé par : ${PAYMENT_METHODS[sale.paymentMethod]}` },
  ];
  if (faceValue > 0) {
    blocks.push({
      type: 'text',
      text: `Prix solidaire. Valeur des recharges : ${formatEuros(faceValue)}`,
    });
  }
  blocks.push(...ticketFooter(identity, printedAt, identity.legalMentions));
  return { blocks };
}
