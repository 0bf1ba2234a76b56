/**
 * The end-of-day report as CSV for the association's accounts: semicolons
 * and decimal commas, as French spreadsheets open them; one row per product
 * and per payment method, then what needs checking and the journal's
 * closing hash. Money stays integer cents until this last step.
 */
import Papa from 'papaparse';
import { PAYMENT_METHODS } from '../../native/printer/templates/sale-receipt.js';
import type { DayTotals } from './voucher-ledger.js';

const euros = (cents: number) =>
  `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;

export function dayReportCsv(totals: DayTotals, kioskId: string): string {
  const paid = totals.products.reduce((sum, product) => sum + product.paidCents, 0);
  const face = totals.products.reduce((sum, product) => sum + product.faceValueCents, 0);
  const count = totals.products.reduce((sum, product) => sum + product.count, 0);
  const rows: (string | number)[][] = [
    ['jour', 'borne', 'rubrique', 'libellé', 'nombre', 'valeur faciale (€)', 'encaissé (€)'],
    ...totals.products.map((product) => [
      totals.day,
      kioskId,
      'produit',
      product.label,
      product.count,
      euros(product.faceValueCents),
      euros(product.paidCents),
    ]),
    ...totals.payments.map((payment) => [
      totals.day,
      kioskId,
      'paiement',
      PAYMENT_METHODS[payment.method as keyof typeof PAYMENT_METHODS] ?? payment.method,
      payment.count,
      '',
      euros(payment.cents),
    ]),
    [totals.day, kioskId, 'total', 'Total de la journée', count, euros(face), euros(paid)],
    [totals.day, kioskId, 'contrôle', 'Codes annulés', totals.voided, '', ''],
    [totals.day, kioskId, 'contrôle', 'Réimpressions', totals.reprints, '', ''],
    [totals.day, kioskId, 'contrôle', 'Impressions incertaines', totals.uncertain, '', ''],
    [totals.day, kioskId, 'clôture', totals.closingHash ?? 'journée non clôturée', '', '', ''],
  ];
  return `${Papa.unparse(rows, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
