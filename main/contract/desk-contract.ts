/**
 * The voucher desk as the staff screen sees it: products and stock, the sale
 * in progress, the codes waiting for staff, the day's sales and report.
 * Never a PIN, never a card number or pseudonym: a serial number and a
 * receipt number are what staff need to find a code.
 */
import { z } from 'zod';

export const PAYMENT_CHOICES = ['cash', 'card', 'cheque', 'transfer', 'free'] as const;
export const DeskPayment = z.enum(PAYMENT_CHOICES);
export type DeskPayment = z.infer<typeof DeskPayment>;

const Cents = z.number().int().min(0);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DeskProduct = z.object({
  id: z.string(),
  label: z.string(),
  operator: z.string(),
  faceValueCents: Cents,
  priceCents: Cents,
  monthlyQuota: z.number().int().optional(),
  inStock: z.number().int().min(0),
  /** At or under the product's alert threshold. */
  low: z.boolean(),
});
export type DeskProduct = z.infer<typeof DeskProduct>;

/** Whether the member card on the desk may buy this product now. */
export const DeskMember = z.object({
  card: z.enum(['none', 'unreadable', 'unknown', 'active', 'expired']),
  /** Recharges of this product bought this month with this card. */
  used: z.number().int().min(0).optional(),
  quota: z.number().int().optional(),
  /** What stops the sale: no card where one is required, no rights, or the quota reached. */
  blocked: z.enum(['card-required', 'no-rights', 'quota']).optional(),
});
export type DeskMember = z.infer<typeof DeskMember>;

/** The sale in progress, one voucher. */
export const DeskSale = z.object({
  step: z.enum([
    /** Choose the payment (and pass the member card). */
    'ready',
    'printing',
    /** The voucher printed: hand it over, then "Remis". */
    'printed',
    /** The printer could not say whether it printed: staff check the paper. */
    'uncertain',
    /** The printer refused before anything was sent: nothing consumed. */
    'refused',
  ]),
  productId: z.string(),
  label: z.string(),
  priceCents: Cents,
  faceValueCents: Cents,
  member: DeskMember,
  /** A site manager may sell past the rights or the quota (with a reason, audited). */
  canOverride: z.boolean(),
  payment: DeskPayment.optional(),
  receiptNumber: z.string().optional(),
  serial: z.string().optional(),
  codeId: z.number().int().optional(),
  receipt: z.enum(['printing', 'printed', 'failed']).optional(),
  /** The printer's word, in French, when it refused or was unsure. */
  message: z.string().optional(),
});
export type DeskSale = z.infer<typeof DeskSale>;

/** A code that waits for staff: printed and not yet handed over, or of unknown outcome. */
export const PendingCode = z.object({
  codeId: z.number().int(),
  serial: z.string(),
  label: z.string(),
  state: z.enum(['printed', 'uncertain', 'printing']),
  copies: z.number().int().min(0),
  receiptNumber: z.string().optional(),
});
export type PendingCode = z.infer<typeof PendingCode>;

export const DeskView = z.object({
  /** Why the desk cannot sell (none: it can). */
  problem: z.enum(['no-products', 'no-printer', 'pin-key']).optional(),
  /** Details for the technician (the key file's path…). */
  detail: z.string().optional(),
  products: z.array(DeskProduct),
  payments: z.array(DeskPayment),
  memberCard: z.enum(['optional', 'required']),
  sale: DeskSale.nullable(),
  pending: z.array(PendingCode),
  /** The last sale handed over, for the screen's confirmation. */
  done: z.object({ receiptNumber: z.string(), label: z.string() }).optional(),
});
export type DeskView = z.infer<typeof DeskView>;

export const SoldVoucher = z.object({
  saleId: z.number().int(),
  codeId: z.number().int(),
  receiptNumber: z.string(),
  time: z.string(),
  label: z.string(),
  priceCents: Cents,
  payment: z.string(),
  serial: z.string(),
  state: z.enum(['open', 'delivered', 'uncertain', 'released', 'void']),
  copies: z.number().int(),
});
export type SoldVoucher = z.infer<typeof SoldVoucher>;

export const DayReportView = z.object({
  day: Day,
  products: z.array(
    z.object({
      label: z.string(),
      count: z.number().int(),
      faceValueCents: Cents,
      paidCents: Cents,
    }),
  ),
  payments: z.array(z.object({ method: z.string(), count: z.number().int(), cents: Cents })),
  totalCents: Cents,
  voided: z.number().int(),
  reprints: z.number().int(),
  uncertain: z.number().int(),
  closingHash: z.string().nullable(),
});
export type DayReportView = z.infer<typeof DayReportView>;

/** The reasons staff pick from (a reprint or a void must say why). */
export const DESK_REASONS = [
  'unreadable',
  'not-printed',
  'wrong-product',
  'refund',
  'operator-refused',
] as const;
export const DeskReason = z.enum(DESK_REASONS);

const NoParams = z.object({}).strict();
const CodeId = z.number().int().positive();

export const DESK_METHODS = {
  'desk.get': { params: NoParams, result: DeskView },
  /** Starts a sale of one product. */
  'desk.choose': { params: z.object({ productId: z.string().max(32) }).strict(), result: DeskView },
  /** Payment taken: reserve a code and print the voucher and the receipt. */
  'desk.pay': {
    params: z
      .object({ payment: DeskPayment, override: z.string().trim().min(3).max(120).optional() })
      .strict(),
    result: DeskView,
  },
  /** "Remis": the voucher is in the member's hands. */
  'desk.delivered': { params: NoParams, result: DeskView },
  /** Leaves a sale that printed nothing. */
  'desk.cancel': { params: NoParams, result: DeskView },
  /** A code waiting for staff: handed over, printed again (DUPLICATA), or voided. */
  'desk.settle': {
    params: z
      .object({
        codeId: CodeId,
        outcome: z.enum(['delivered', 'reprint', 'void']),
        reason: DeskReason.optional(),
      })
      .strict(),
    result: DeskView,
  },
  /** The day's sales, latest first. */
  'desk.sales': {
    params: NoParams,
    result: z.object({ sales: z.array(SoldVoucher) }).strict(),
  },
  /** The day's totals (today unless a day is given). */
  'desk.report': { params: z.object({ day: Day.optional() }).strict(), result: DayReportView },
  /** Closes the day in the journal and prints its report. */
  'desk.printReport': {
    params: NoParams,
    result: z
      .object({ printed: z.boolean(), message: z.string().optional(), report: DayReportView })
      .strict(),
  },
} as const;
