/**
 * Raw printing over TCP (port 9100, "JetDirect"), with a bound on every
 * wait and typed failures instead of exceptions: a printer that is off,
 * unplugged or hung is an everyday state, not a bug.
 */
import { connect, type Socket } from 'node:net';
import { DLE_EOT_QUERIES, decodeStatus } from './printer-status.js';
import type { SendResult, StatusResult, TransportError } from './transport-results.js';

export interface TcpTarget {
  host: string;
  port: number;
}

export interface TcpTimeouts {
  connectMs?: number;
  /** Longest pause while writing, or waiting for an answer. */
  idleMs?: number;
}

const DEFAULTS = { connectMs: 3000, idleMs: 10_000 };

/** Sends a whole job on one connection and closes it. */
export function sendTcp(
  target: TcpTarget,
  data: Uint8Array,
  timeouts: TcpTimeouts = {},
): Promise<SendResult> {
  const { connectMs, idleMs } = { ...DEFAULTS, ...timeouts };
  return withSocket<SendResult>(target, connectMs, idleMs, (socket, done) => {
    socket.write(data);
    socket.end();
    socket.once('close', (hadError) => {
      if (!hadError) done({ ok: true, sentBytes: socket.bytesWritten });
    });
  });
}

/** Asks DLE EOT 1 to 4 and decodes the four answers. */
export function queryStatusTcp(
  target: TcpTarget,
  timeouts: TcpTimeouts = {},
): Promise<StatusResult> {
  const { connectMs, idleMs } = { ...DEFAULTS, idleMs: 2000, ...timeouts };
  return withSocket<StatusResult>(target, connectMs, idleMs, (socket, done) => {
    const answers: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      answers.push(...chunk);
      if (answers.length < 4) return;
      const status = decodeStatus(answers.slice(0, 4));
      socket.end();
      done(
        status
          ? { ok: true, status }
          : { ok: false, error: 'garbled', message: 'the answer is not ESC/POS status' },
      );
    });
    socket.write(Buffer.from(DLE_EOT_QUERIES.flat()));
  });
}

function withSocket<T extends { ok: boolean }>(
  target: TcpTarget,
  connectMs: number,
  idleMs: number,
  use: (socket: Socket, done: (result: T) => void) => void,
): Promise<T> {
  return new Promise((resolve) => {
    let settled = false;
    const socket = connect({ host: target.host, port: target.port });
    const done = (result: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      socket.setTimeout(0);
      if (!result.ok) socket.destroy();
      resolve(result);
    };
    let connected = false;
    const fail = (error: TransportError, message: string) =>
      done({ ok: false, error, connected, message } as unknown as T);
    const connectTimer = setTimeout(
      () =>
        fail('timeout', `no connection to ${target.host}:${target.port} within ${connectMs} ms`),
      connectMs,
    );
    socket.once('connect', () => {
      connected = true;
      clearTimeout(connectTimer);
      socket.setTimeout(idleMs, () => fail('timeout', `printer silent for ${idleMs} ms`));
      use(socket, done);
      // Registered after the user's own: a clean close may be its success.
      socket.once('close', () => fail('closed', 'the printer closed the connection'));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (code === 'ECONNREFUSED')
        fail('refused', `${target.host}:${target.port} refused the connection`);
      else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENOTFOUND') {
        fail('unreachable', `${target.host} cannot be reached (${code})`);
      } else fail('closed', `connection lost (${code || error.message})`);
    });
  });
}
