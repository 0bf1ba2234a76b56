/**
 * Every ticket, as a person would check it: golden bytes per template and
 * paper width (fixtures in tests/fixtures/receipts, previews looked at when
 * they were written; `UPDATE_GOLDEN=1` rewrites them after a deliberate
 * change), then what each ticket must say, read back from its bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../main/app/paths.js';
import {
  interpretEscPos,
  type PrintedElement,
} from '../../../native/printer/escpos-interpreter.js';
import { PRINTER_PROFILES, type PrinterProfile } from '../../../native/printer/printer-profiles.js';
import { encodeReceipt, twoColumns } from '../../../native/printer/receipt-encoder.js';
import { loadReceiptImages } from '../../../native/printer/receipt-images.js';
import {
  ReceiptDocument,
  type ReceiptDocumentInput,
} from '../../../native/printer/receipt-model.js';
import { renderPreview } from '../../../native/printer/receipt-preview.js';
import { dayReport } from '../../../native/printer/templates/day-report.js';
import { saleReceipt } from '../../../native/printer/templates/sale-receipt.js';
import {
  EXAMPLE_IDENTITY,
  exampleDocument,
  TEMPLATE_NAMES,
  TEMPLATES,
} from '../../../native/printer/templates/template-registry.js';
import { visitorTicket } from '../../../native/printer/templates/visitor-ticket.js';
import { voucherTicket } from '../../../native/printer/templates/voucher.js';
import { readCode } from '../../support/code-reader.js';

const root = projectRoot();
const fixtures = join(root, 'tests', 'fixtures', 'receipts');
const identity = EXAMPLE_IDENTITY;
const NOW = new Date('2026-11-23T13:05:00Z');
const TM_T20 = PRINTER_PROFILES['epson-tm-t20'];
const GENERIC_58 = PRINTER_PROFILES['generic-58'];

function encode(input: ReceiptDocumentInput, profile: PrinterProfile) {
  const document = ReceiptDocument.parse(input);
  const images = loadReceiptImages(document, root);
  if (!images.ok) throw new Error(images.error);
  return encodeReceipt(document, profile, images.images);
}

const printed = (input: ReceiptDocumentInput, profile: PrinterProfile = TM_T20) =>
  interpretEscPos(encode(input, profile).bytes).elements;
const lineTexts = (elements: PrintedElement[]) =>
  elements
    .flatMap((element) => (element.kind === 'line' ? [element.text.trim()] : []))
    .filter(Boolean);
const lineWith = (elements: PrintedElement[], text: string) =>
  elements.find((element) => element.kind === 'line' && element.text.includes(text));

describe('ticket templates: golden bytes', () => {
  for (const profile of [TM_T20, GENERIC_58]) {
    it.each(TEMPLATE_NAMES)(
      `%s on ${profile.name} matches its fixture, with no unprintable character`,
      (name) => {
        const { bytes, warnings } = encode(exampleDocument(name, identity, profile, NOW), profile);
        expect(warnings).toEqual([]);
        const file = join(fixtures, `${name}.${profile.name}.bin`);
        if (process.env.UPDATE_GOLDEN === '1') {
          mkdirSync(fixtures, { recursive: true });
          writeFileSync(file, bytes);
        }
        expect(
          existsSync(file),
          `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run ${import.meta.filename}`,
        ).toBe(true);
        expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
      },
    );
  }
});

describe('recharge voucher', () => {
  const example = TEMPLATES.voucher.example(NOW);

  it('prints the PIN grouped by four, double size on 80 mm, double height only on 58 mm where it would not fit', () => {
    const wide = lineWith(
      printed(voucherTicket(example, identity, TM_T20, NOW)),
      '4821 0375 9916 2043',
    );
    expect(
      wide?.kind === 'line' && wide.runs.find((run) => run.text.includes('4821')),
    ).toMatchObject({
      bold: true,
      width: 2,
      height: 2,
    });
    const narrow = lineWith(
      printed(voucherTicket(example, identity, GENERIC_58, NOW), GENERIC_58),
      '4821 0375 9916 2043',
    );
    expect(
      narrow?.kind === 'line' && narrow.runs.find((run) => run.text.includes('4821')),
    ).toMatchObject({
      width: 1,
      height: 2,
    });
  });

  it('says the operator, the value, the serial, how to use it and until when, and that it is money', () => {
    expect(lineTexts(printed(voucherTicket(example, identity, TM_T20, NOW)))).toEqual(
      expect.arrayContaining([
        'Orange',
        'Recharge mobile 10 €',
        'Valeur : 10,00 €',
        'N° de série : OR10-2026-0004711',
        '1. Appelez le 224 depuis votre mobile Orange.',
        'Valable jusqu’au 30/11/2027',
        'Gardez ce ticket : ce code vaut de l’argent.',
        'Imprimé le 23/11/2026 à 14:05',
      ]),
    );
  });

  it('marks a reprint with a black "DUPLICATA" band', () => {
    const band = lineWith(
      printed(voucherTicket({ ...example, copy: 2 }, identity, TM_T20, NOW)),
      'DUPLICATA n° 2',
    );
    expect(
      band?.kind === 'line' &&
        band.runs.some((run) => run.invert && run.text.includes('DUPLICATA')),
    ).toBe(true);
  });

  it('refuses a malformed PIN, naming the field', () => {
    expect(() => voucherTicket({ ...example, pin: '12' }, identity, TM_T20, NOW)).toThrow(/pin/);
  });
});

describe('sale receipt', () => {
  const example = TEMPLATES.sale.example(NOW);

  it('carries the legal identity, the number, the lines, the total, the payment method and the mentions', () => {
    expect(lineTexts(printed(saleReceipt(example, identity, TM_T20, NOW)))).toEqual(
      expect.arrayContaining([
        'Association Connexions Solidaires',
        '12 rue des Poissonniers',
        'SIRET 123 456 789 00012',
        twoColumns('Reçu n° R-2026-000123', '23/11/2026 à 14:05', 48),
        twoColumns('2 × Recharge Orange 10 €', '10,00 €', 48),
        twoColumns('TOTAL PAYÉ', '20,00 €', 48),
        'Payé par : espèces',
        'Prix solidaire. Valeur des recharges : 40,00 €',
        'TVA non applicable, art. 293 B du CGI',
      ]),
    );
  });

  it('refuses a sale whose payment does not match its lines', () => {
    expect(() => saleReceipt({ ...example, paidCents: 1999 }, identity, TM_T20, NOW)).toThrow(
      'sale receipt: paidCents: paid 19,99 € but the lines add up to 20,00 €',
    );
  });
});

describe('visitor summary ticket', () => {
  const example = TEMPLATES['visitor-ticket'].example(NOW);

  it('lists what was done and what comes next, with a QR code a phone opens', () => {
    const elements = printed(visitorTicket(example, identity, GENERIC_58, NOW), GENERIC_58);
    expect(lineTexts(elements)).toEqual(
      expect.arrayContaining([
        '- Compte créé sur caf.fr',
        'À faire ensuite :',
        'Ce ticket ne contient aucune',
      ]),
    );
    const qr = elements.filter((element) => element.kind === 'qrcode');
    expect(qr).toHaveLength(1);
    expect(
      readCode(
        renderPreview(
          { elements: qr, initialized: true, codePages: [], notes: [] },
          { paperDots: 384 },
        ),
      ),
    ).toEqual({
      format: 'QR_CODE',
      text: 'https://www.caf.fr/allocataires/mon-compte',
    });
  });

  it.each([
    [
      'an e-mail address',
      { done: ['Compte créé avec marie.dupont@example.fr'] },
      /^visitor ticket: done\.0: looks like personal data \(an e-mail address\)/,
    ],
    [
      'a phone number',
      { next: ['Rappeler le 06 12 34 56 78'] },
      /^visitor ticket: next\.0: looks like personal data \(a long number/,
    ],
    [
      'a social security number',
      { done: ['NIR 1 84 12 75 118 123 45'] },
      /^visitor ticket: done\.0: looks like personal data \(a long number/,
    ],
    [
      'a link that is not https',
      { link: { label: 'CAF', url: 'http://www.caf.fr' } },
      /^visitor ticket: link\.url: /,
    ],
  ])('refuses %s: personal data never goes on paper', (_what, change, error) => {
    expect(() => visitorTicket({ ...example, ...change }, identity, TM_T20, NOW)).toThrow(error);
  });
});

describe('end-of-day report', () => {
  const example = TEMPLATES['day-report'].example(NOW);

  it('adds up sales and payments and lists what to check', () => {
    expect(lineTexts(printed(dayReport(example, identity, TM_T20, NOW)))).toEqual(
      expect.arrayContaining([
        twoColumns('Recharges vendues', '8', 48),
        twoColumns('TOTAL ENCAISSÉ', '50,00 €', 48),
        twoColumns('  dont espèces', '40,00 €', 48).trim(),
        twoColumns('Codes annulés', '1', 48),
      ]),
    );
  });

  it('refuses a report whose payments do not add up to the sales', () => {
    expect(() =>
      dayReport({ ...example, payments: [{ method: 'cash', cents: 100 }] }, identity, TM_T20, NOW),
    ).toThrow('day report: payments: payments add up to 1,00 €, sales to 50,00 €');
  });
});
