/**
 * Printing speed. In the same run:
 * - the voucher and the sale receipt encoded 10,000 times each by our module
 *   (validated document → code page fitting → bytes) and by
 *   @point-of-sale/receipt-printer-encoder called directly with the same
 *   content (no fitting, no checks): the peer baseline;
 * - the logo: PNG file → decoded → scaled → dithered → GS v 0 bytes;
 * - click to last byte: template, encoding and the print queue (status
 *   before, send, status after, SQLite journal) to the virtual printer over
 *   TCP, until the printer has the job's last byte.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { projectRoot } from '../../main/app/paths.js';
import { rasterCommands, rasterize } from '../../native/printer/image-raster.js';
import { PrintJobStore } from '../../native/printer/print-job-store.js';
import { PrintQueue } from '../../native/printer/print-queue.js';
import { PRINTER_PROFILES } from '../../native/printer/printer-profiles.js';
import { transportFor } from '../../native/printer/printer-transport.js';
import { encodeReceipt } from '../../native/printer/receipt-encoder.js';
import { decodePng } from '../../native/printer/receipt-images.js';
import { type ReceiptBlock, ReceiptDocument } from '../../native/printer/receipt-model.js';
import { EXAMPLE_IDENTITY, TEMPLATES } from '../../native/printer/templates/template-registry.js';
import { startVirtualPrinter } from '../../native/printer/virtual-printer.js';
import { percentile, round } from './stats.js';

const ENCODES = Number(process.argv[2] ?? 10_000);
const SENDS = 200;
const profile = PRINTER_PROFILES['epson-tm-t20'];
// The logo is measured on its own below: encoding compares text, codes and cuts.
const identity = { ...EXAMPLE_IDENTITY, logo: undefined };
const now = new Date('2026-11-23T13:05:00Z');
const voucher = ReceiptDocument.parse(
  TEMPLATES.voucher.render(TEMPLATES.voucher.example(now), identity, profile, now),
);
const sale = ReceiptDocument.parse(
  TEMPLATES.sale.render(TEMPLATES.sale.example(now), identity, profile, now),
);

/** The same content through the library's own calls, as a site would write it without Borne. */
function peerEncode(blocks: ReceiptBlock[]): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    columns: profile.columns,
    printerModel: profile.model,
    newline: '\n',
  });
  encoder.initialize().codepage(profile.codePage);
  for (const block of blocks) {
    if (block.type === 'text') {
      encoder
        .align(block.align)
        .bold(block.bold)
        .invert(block.invert)
        .size(block.width, block.height);
      encoder.line(block.text).size(1, 1).invert(false).bold(false).align('left');
    } else if (block.type === 'columns') {
      encoder.bold(block.bold).line(`${block.left} ${block.right}`).bold(false);
    } else if (block.type === 'rule') {
      encoder.rule({ style: block.style });
    } else if (block.type === 'cut') {
      encoder.cut(block.mode);
    } else if (block.type === 'feed') {
      encoder.newline(block.lines);
    }
  }
  return encoder.encode();
}

function microsecondsEach(run: () => unknown): number {
  for (let i = 0; i < 200; i += 1) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < ENCODES; i += 1) run();
  return Number(process.hrtime.bigint() - started) / 1000 / ENCODES;
}

const voucherEncodeUs = microsecondsEach(() => encodeReceipt(voucher, profile));
const peerVoucherEncodeUs = microsecondsEach(() => peerEncode(voucher.blocks));
const receiptEncodeUs = microsecondsEach(() => encodeReceipt(sale, profile));
const peerReceiptEncodeUs = microsecondsEach(() => peerEncode(sale.blocks));
console.log(
  `voucher encode: ${round(voucherEncodeUs)} µs (peer ${round(peerVoucherEncodeUs)} µs); ` +
    `sale receipt: ${round(receiptEncodeUs)} µs (peer ${round(peerReceiptEncodeUs)} µs), ${ENCODES} runs each`,
);

const logoFile = readFileSync(join(projectRoot(), 'build', 'receipt', 'logo-exemple.png'));
const logoRuns: number[] = [];
for (let i = 0; i < 50; i += 1) {
  const started = performance.now();
  rasterCommands(rasterize(decodePng(logoFile), profile.dots, 'atkinson'));
  logoRuns.push(performance.now() - started);
}
const logoRasterMs = percentile(logoRuns.slice(5), 50);
console.log(
  `logo 420×130 px → 576 dots: p50 ${round(logoRasterMs, 2)} ms (PNG decode, scale, dither, GS v 0)`,
);

const printer = await startVirtualPrinter();
const store = new PrintJobStore(join(mkdtempSync(join(tmpdir(), 'borne-bench-')), 'jobs.sqlite'));
const queue = new PrintQueue({
  printerId: 'desk',
  transport: transportFor({ kind: 'tcp', host: '127.0.0.1', port: printer.port }),
  store,
});
const sends: number[] = [];
for (let i = 0; i < SENDS; i += 1) {
  const received = printer.jobs.length + 1;
  const started = performance.now();
  const document = ReceiptDocument.parse(
    TEMPLATES.voucher.render(TEMPLATES.voucher.example(now), identity, profile, new Date()),
  );
  const job = queue.print({
    kind: 'voucher',
    containsPin: true,
    bytes: encodeReceipt(document, profile).bytes,
  });
  while (printer.jobs.length < received) await new Promise((resolve) => setImmediate(resolve));
  sends.push(performance.now() - started);
  const final = await job;
  if (final.state !== 'done')
    throw new Error(`job ${final.id} ended ${final.state}: ${final.reason}`);
}
store.close();
await printer.close();
const sendP95Ms = percentile(sends, 95);
console.log(
  `click to last byte (template, encode, status, send over TCP): p50 ${round(percentile(sends, 50), 2)} ms, p95 ${round(sendP95Ms, 2)} ms over ${SENDS} vouchers`,
);

console.log(
  JSON.stringify({
    bench: 'print',
    voucherEncodeUs: round(voucherEncodeUs, 1),
    peerVoucherEncodeUs: round(peerVoucherEncodeUs, 1),
    ratio: round(voucherEncodeUs / peerVoucherEncodeUs, 2),
    receiptEncodeUs: round(receiptEncodeUs, 1),
    peerReceiptEncodeUs: round(peerReceiptEncodeUs, 1),
    receiptRatio: round(receiptEncodeUs / peerReceiptEncodeUs, 2),
    logoRasterMs: round(logoRasterMs, 2),
    sendP95Ms: round(sendP95Ms, 2),
  }),
);
