/**
 * What a visitor takes home after a guided procedure: what was done, what to
 * do next, a link as a QR code. It must never carry personal data (the
 * ticket may be lost or left on the printer): anything that looks like an
 * e-mail address, a phone, ID or account number is refused.
 */
import { z } from 'zod';
import { parseOrThrow } from '../../describe-issues.js';
import type { PrinterProfile } from '../printer-profiles.js';
import type { ReceiptBlockInput, ReceiptDocumentInput } from '../receipt-model.js';
import type { ReceiptIdentity } from './receipt-identity.js';
import { ticketFooter, ticketHeader } from './ticket-parts.js';

const PERSONAL_DATA: [RegExp, string][] = [
  [/[^\s@]+@[^\s@]+\.[^\s@]+/, 'an e-mail address'],
  [/\d(?:[\s.-]?\d){7,}/, 'a long number (phone, ID, account or card number)'],
  [/\bFR\d{2}(?:\s?[0-9A-Z]{4}){2,}/i, 'an IBAN'],
];

const Impersonal = z
  .string()
  .trim()
  .min(1)
  .max(160)
  .superRefine((text, context) => {
    for (const [pattern, what] of PERSONAL_DATA) {
      if (pattern.test(text)) {
        context.addIssue({
          code: 'custom',
          message: `looks like personal data (${what}): not printed`,
        });
      }
    }
  });

export const VisitorTicketInput = z
  .object({
    /** The procedure, as named in the catalogue ("Créer mon compte CAF"). */
    procedure: Impersonal,
    done: z.array(Impersonal).max(12).default([]),
    next: z.array(Impersonal).max(12).default([]),
    link: z
      .object({ label: Impersonal, url: z.url({ protocol: /^https$/ }).max(300) })
      .strict()
      .optional(),
  })
  .strict();
export type VisitorTicketInput = z.input<typeof VisitorTicketInput>;

export function visitorTicket(
  input: VisitorTicketInput,
  identity: ReceiptIdentity,
  _profile: PrinterProfile,
  printedAt: Date,
): ReceiptDocumentInput {
  const ticket = parseOrThrow(VisitorTicketInput, input, 'visitor ticket');
  const list = (title: string, items: string[]): ReceiptBlockInput[] =>
    items.length === 0
      ? []
      : [
          { type: 'text', text: title, bold: true },
          ...items.map((item) => ({ type: 'text' as const, text: `- ${item}` })),
          { type: 'feed', lines: 1 },
        ];
  return {
    blocks: [
      ...ticketHeader(identity, 'Votre démarche'),
      { type: 'text', text: ticket.procedure, align: 'center', bold: true, height: 2 },
      { type: 'rule' },
      ...list('Ce que vous avez fait :', ticket.done),
      ...list('À faire ensuite :', ticket.next),
      ...(ticket.link
        ? [
            { type: 'text' as const, text: ticket.link.label, align: 'center' as const },
            { type: 'qrcode' as const, value: ticket.link.url, size: 5 },
            { type: 'text' as const, text: ticket.link.url, align: 'center' as const },
          ]
        : []),
      ...ticketFooter(identity, printedAt, ['Ce ticket ne contient aucune donnée personnelle.']),
    ],
  };
}
