/**
 * The recharge voucher: a PIN is money, so it is printed big, grouped by
 * four to be read aloud without mistakes, with how to use it and until when.
 * A reprint says so in a black band (the ledger audits reprints).
 */
import { z } from 'zod';
import { parseOrThrow } from '../../describe-issues.js';
import type { PrinterProfile } from '../printer-profiles.js';
import type { ReceiptBlockInput, ReceiptDocumentInput } from '../receipt-model.js';
import { formatDay, formatEuros, groupDigits } from './receipt-format.js';
import type { ReceiptIdentity } from './receipt-identity.js';
import { ticketFooter, ticketHeader } from './ticket-parts.js';

export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD');

export const VoucherInput = z
  .object({
    operator: z.string().trim().min(1).max(40),
    product: z.string().trim().min(1).max(60),
    faceValueCents: z.number().int().positive(),
    pin: z
      .string()
      .transform((value) => value.replace(/\s/g, ''))
      .pipe(z.string().regex(/^[0-9A-Z]{4,32}$/, '4 to 32 digits or capital letters')),
    serial: z.string().trim().min(1).max(40),
    /** How to use the code, one step a line ("Composez #123*code#"). */
    instructions: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
    expiresOn: IsoDay.optional(),
    /** 2 for the first reprint, and so on. */
    copy: z.number().int().min(1).default(1),
  })
  .strict();
export type VoucherInput = z.input<typeof VoucherInput>;

export function voucherTicket(
  input: VoucherInput,
  identity: ReceiptIdentity,
  profile: PrinterProfile,
  printedAt: Date,
): ReceiptDocumentInput {
  const voucher = parseOrThrow(VoucherInput, input, 'voucher');
  const pin = groupDigits(voucher.pin);
  // Double width only when the grouped PIN still fits on one line.
  const pinWidth = pin.length * 2 <= profile.columns ? 2 : 1;
  const blocks: ReceiptBlockInput[] = [
    ...ticketHeader(identity),
    ...(voucher.copy > 1
      ? [
          {
            type: 'text' as const,
            text: ` DUPLICATA n° ${voucher.copy} `,
            align: 'center' as const,
            invert: true,
          },
        ]
      : []),
    { type: 'text', text: voucher.operator, align: 'center', bold: true, width: 2, height: 2 },
    { type: 'text', text: voucher.product, align: 'center' },
    {
      type: 'text',
      text: `Valeur : ${formatEuros(voucher.faceValueCents)}`,
      align: 'center',
      bold: true,
    },
    { type: 'rule' },
    { type: 'text', text: 'Votre code', align: 'center' },
    { type: 'text', text: pin, align: 'center', bold: true, width: pinWidth, height: 2 },
    { type: 'text', text: `N° de série : ${voucher.serial}`, align: 'center' },
    { type: 'rule' },
  ];
  if (voucher.instructions.length > 0) {
    blocks.push({ type: 'text', text: 'Comment l’utiliser :', bold: true });
    voucher.instructions.forEach((step, index) =>
      blocks.push({ type: 'text', text: `${index + 1}. ${step}` }),
    );
  }
  if (voucher.expiresOn) {
    blocks.push({
      type: 'text',
      text: `Valable jusqu’au ${formatDay(voucher.expiresOn)}`,
      bold: true,
    });
  }
  blocks.push(
    ...ticketFooter(identity, printedAt, [
      'Gardez ce ticket : ce code vaut de l’argent.',
      'Ne le donnez à personne.',
    ]),
  );
  return { blocks };
}
