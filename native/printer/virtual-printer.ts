/**
 * A virtual ESC/POS printer on 127.0.0.1 (no emulator exists on npm): it
 * keeps each connection's bytes as one job, answers DLE EOT status queries
 * in real time like an Epson printer, and can be told to be out of paper,
 * open, offline, to drop the connection mid-job or to drain slowly.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { encodeStatus, type PrinterState } from './printer-status.js';

export interface VirtualPrinterOptions {
  port?: number;
  state?: PrinterState;
  /** Close the connection after this many job bytes (a cable pulled mid-job). */
  dropAfterBytes?: number;
  /** Pause reading this long after each chunk (a slow printer). */
  drainDelayMs?: number;
  onJob?: (job: Buffer) => void;
}

export interface VirtualPrinter {
  port: number;
  /** Bytes of each finished connection, status queries left out. */
  jobs: Buffer[];
  /** Bytes received so far on connections still open (a serial line never closes). */
  openJobBytes(): Buffer;
  setState(state: PrinterState): void;
  setFaults(faults: Pick<VirtualPrinterOptions, 'dropAfterBytes' | 'drainDelayMs'>): void;
  close(): Promise<void>;
}

export async function startVirtualPrinter(
  options: VirtualPrinterOptions = {},
): Promise<VirtualPrinter> {
  let state: PrinterState = options.state ?? 'ready';
  let faults = { dropAfterBytes: options.dropAfterBytes, drainDelayMs: options.drainDelayMs };
  const jobs: Buffer[] = [];
  const sockets = new Set<Socket>();
  const open = new Map<Socket, Buffer[]>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    open.set(socket, chunks);
    let received = 0;
    let pending = Buffer.alloc(0); // a DLE EOT split across two chunks
    socket.on('data', (chunk: Buffer) => {
      let data = Buffer.concat([pending, chunk]);
      pending = Buffer.alloc(0);
      const kept: number[] = [];
      for (let i = 0; i < data.length; i += 1) {
        if (data[i] === 0x10 && i + 1 >= data.length) {
          pending = data.subarray(i);
          break;
        }
        if (data[i] === 0x10 && data[i + 1] === 0x04) {
          if (i + 2 >= data.length) {
            pending = data.subarray(i);
            break;
          }
          const n = data[i + 2] ?? 0;
          if (n >= 1 && n <= 4) socket.write(Buffer.from([encodeStatus(state)[n - 1] as number]));
          i += 2;
          continue;
        }
        kept.push(data[i] as number);
      }
      data = Buffer.from(kept);
      if (state === 'offline' || state === 'cover-open' || state === 'paper-out') {
        // A stopped printer keeps answering status but prints nothing it is sent.
        data = Buffer.alloc(0);
      }
      const drop = faults.dropAfterBytes;
      if (drop !== undefined && received + data.length >= drop) {
        // The cable is pulled: what came after that byte never reaches the paper,
        // and the sender sees a reset, not a clean close.
        chunks.push(data.subarray(0, drop - received));
        received = drop;
        socket.resetAndDestroy();
        return;
      }
      received += data.length;
      chunks.push(data);
      if (faults.drainDelayMs) {
        socket.pause();
        setTimeout(() => socket.resume(), faults.drainDelayMs);
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      open.delete(socket);
      const job = Buffer.concat(chunks);
      if (job.length > 0) {
        jobs.push(job);
        options.onJob?.(job);
      }
    });
    socket.on('error', () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    jobs,
    openJobBytes: () => Buffer.concat([...open.values()].flat()),
    setState: (next) => {
      state = next;
    },
    setFaults: (next) => {
      faults = { ...faults, ...next };
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
