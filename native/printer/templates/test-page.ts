import type { PrinterProfile } from '../printer-profiles.js';
import type { ReceiptDocumentInput } from '../receipt-model.js';

/** What a technician prints to check a printer: code page, styles, codes, cut. */
export function testPage(profile: PrinterProfile, when: Date = new Date()): ReceiptDocumentInput {
  return {
    blocks: [
      {
        type: 'text',
        text: 'Borne — page de test',
        align: 'center',
        bold: true,
        width: 2,
        height: 2,
      },
      { type: 'rule', style: 'double' },
      { type: 'text', text: `${profile.label}\nCode page : ${profile.codePage}` },
      {
        type: 'text',
        text: `Imprimée le ${when.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}`,
      },
      { type: 'rule' },
      { type: 'text', text: 'Accents : é è ê ë à â ç î ï ô ù û ü ÿ œ æ' },
      { type: 'text', text: 'Majuscules : É È Ê À Ç Î Ô Ù Œ Æ' },
      { type: 'text', text: 'Symboles : € ° « » § ²' },
      { type: 'columns', left: 'Recharge SFR 10 €', right: '5,00 €' },
      { type: 'text', text: 'Gras', bold: true },
      { type: 'text', text: 'Souligné', underline: true },
      { type: 'text', text: ' Inversé ', invert: true },
      { type: 'qrcode', value: 'BORNE-TEST-PAGE', size: 6 },
      { type: 'barcode', symbology: 'code128', value: 'BORNE-TEST' },
      { type: 'cut' },
    ],
  };
}
