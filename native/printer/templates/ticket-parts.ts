/**
 * Pieces every Borne ticket shares: the logo and the site at the top, the
 * printing time, the footer and the cut at the bottom.
 */
import type { ReceiptBlockInput } from '../receipt-model.js';
import { formatDateTime } from './receipt-format.js';
import type { ReceiptIdentity } from './receipt-identity.js';

export function ticketHeader(identity: ReceiptIdentity, title?: string): ReceiptBlockInput[] {
  return [
    ...(identity.logo ? [{ type: 'image' as const, src: identity.logo, width: 384 }] : []),
    { type: 'text', text: identity.siteName, align: 'center', bold: true },
    ...(title
      ? [{ type: 'text' as const, text: title, align: 'center' as const, bold: true }]
      : []),
    { type: 'rule', style: 'double' },
  ];
}

export function ticketFooter(
  identity: ReceiptIdentity,
  printedAt: Date,
  notes: string[] = [],
): ReceiptBlockInput[] {
  return [
    { type: 'rule' },
    ...notes.map((note) => ({ type: 'text' as const, text: note, align: 'center' as const })),
    { type: 'text', text: `Imprimé le ${formatDateTime(printedAt)}`, align: 'center' },
    { type: 'text', text: identity.footer, align: 'center' },
    { type: 'cut', mode: 'partial' },
  ];
}
