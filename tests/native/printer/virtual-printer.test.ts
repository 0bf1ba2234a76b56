import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PRINTER_PROFILES } from '../../../native/printer/printer-profiles.js';
import {
  decodeStatus,
  encodeStatus,
  type PrinterState,
  STATE_MESSAGES,
} from '../../../native/printer/printer-status.js';
import { encodeReceipt } from '../../../native/printer/receipt-encoder.js';
import { ReceiptDocument } from '../../../native/printer/receipt-model.js';
import { queryStatusTcp, sendTcp } from '../../../native/printer/tcp-transport.js';
import {
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../native/printer/virtual-printer.js';

let printer: VirtualPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

const target = () => ({ host: '127.0.0.1', port: printer?.port ?? 0 });
const voucher = encodeReceipt(
  ReceiptDocument.parse({
    blocks: [
      { type: 'text', text: 'Recharge SFR 10 €', bold: true },
      { type: 'text', text: '1234 5678 9012 3456', width: 2, height: 2 },
      { type: 'cut' },
    ],
  }),
  PRINTER_PROFILES['epson-tm-t20'],
).bytes;

describe('printer status (DLE EOT)', () => {
  it.each([
    'ready',
    'paper-near-end',
    'paper-out',
    'cover-open',
    'offline',
    'error',
  ] as PrinterState[])('round-trips "%s" through the four status bytes', (state) => {
    const status = decodeStatus(encodeStatus(state));
    expect(status?.state).toBe(state);
    expect(status?.canPrint).toBe(state === 'ready' || state === 'paper-near-end');
    expect(STATE_MESSAGES[state].length).toBeGreaterThan(5);
  });

  it('refuses bytes that are not status answers', () => {
    expect(decodeStatus([0x00, 0x12, 0x12, 0x12])).toBeNull();
    expect(decodeStatus([0x12, 0x12, 0x12])).toBeNull();
  });
});

describe('virtual printer and TCP transport on 127.0.0.1', () => {
  it('receives a voucher byte for byte', async () => {
    printer = await startVirtualPrinter();
    const sent = await sendTcp(target(), voucher);
    expect(sent).toEqual({ ok: true, sentBytes: voucher.length });
    await expect.poll(() => printer?.jobs.length).toBe(1);
    expect(Buffer.compare(printer.jobs[0] as Buffer, Buffer.from(voucher))).toBe(0);
  });

  it.each(['ready', 'paper-out', 'cover-open', 'offline'] as PrinterState[])(
    'answers status queries as a printer that is %s',
    async (state) => {
      printer = await startVirtualPrinter({ state });
      const result = await queryStatusTcp(target());
      expect(result.ok && result.status.state).toBe(state);
      expect(printer.jobs).toEqual([]); // status queries are not a job
    },
  );

  it('says "refused" when nothing listens, within the connect bound', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as { port: number }).port;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const result = await sendTcp({ host: '127.0.0.1', port }, voucher, { connectMs: 1000 });
    expect(result).toMatchObject({ ok: false, error: 'refused', connected: false });
  });

  it('says "timeout" when a printer accepts but never answers status', async () => {
    const held = new Set<Socket>();
    const silent = createServer((socket) => void held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = performance.now();
      const result = await queryStatusTcp(
        { host: '127.0.0.1', port: (silent.address() as { port: number }).port },
        { idleMs: 300 },
      );
      expect(result).toMatchObject({ ok: false, error: 'timeout' });
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });

  it('reports a connection dropped mid-job as a failure after connecting (the job may be half printed)', async () => {
    printer = await startVirtualPrinter({ dropAfterBytes: 1000 });
    const big = new Uint8Array(8 * 1024 * 1024).fill(0x41); // larger than every socket buffer
    const result = await sendTcp(target(), big, { idleMs: 3000 });
    expect(result).toMatchObject({ ok: false, error: 'closed', connected: true });
  });

  it('waits for a slow printer to drain a job', async () => {
    printer = await startVirtualPrinter({ drainDelayMs: 50 });
    const job = new Uint8Array(256 * 1024).fill(0x42);
    const result = await sendTcp(target(), job);
    expect(result).toEqual({ ok: true, sentBytes: job.length });
    await expect.poll(() => printer?.jobs[0]?.length, { timeout: 10_000 }).toBe(job.length);
  });
});
