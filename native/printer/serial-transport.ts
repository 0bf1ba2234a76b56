/**
 * Printing over a serial line (RS-232 or a USB-serial adapter) with
 * serialport: opened for each job or status query and closed after, so an
 * unplugged adapter is simply found again next time. Every wait is bounded
 * and every failure typed, as for the network.
 */
import type { SerialPort } from 'serialport';
import { DLE_EOT_QUERIES, decodeStatus } from './printer-status.js';
import type { SendResult, StatusResult, TransportError } from './transport-results.js';

export interface SerialTarget {
  path: string;
  baud: number;
  flow: 'none' | 'rtscts' | 'xonxoff';
}

const DEFAULT_TIMEOUT_MS = 10_000;

export async function sendSerial(
  target: SerialTarget,
  data: Uint8Array,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<SendResult> {
  const opened = await openPort(target);
  if (!opened.ok) return { ...opened, connected: false };
  const port = opened.port;
  try {
    const drained = await withTimeout(
      new Promise<Error | null>((resolve) => {
        port.write(Buffer.from(data));
        port.drain((error) => resolve(error ?? null));
      }),
      timeoutMs,
    );
    if (drained === 'timeout') {
      return {
        ok: false,
        error: 'timeout',
        connected: true,
        message: `${target.path} took more than ${timeoutMs} ms (flow control holding the line?)`,
      };
    }
    if (drained)
      return { ok: false, connected: true, ...describeSerialError(target.path, drained) };
    return { ok: true, sentBytes: data.length };
  } finally {
    await closePort(port);
  }
}

export async function queryStatusSerial(
  target: SerialTarget,
  timeoutMs = 2000,
): Promise<StatusResult> {
  const opened = await openPort(target);
  if (!opened.ok) return opened;
  const port = opened.port;
  try {
    const answers: number[] = [];
    const answered = await withTimeout(
      new Promise<void>((resolve) => {
        port.on('data', (chunk: Buffer) => {
          answers.push(...chunk);
          if (answers.length >= 4) resolve();
        });
        port.write(Buffer.from(DLE_EOT_QUERIES.flat()));
      }),
      timeoutMs,
    );
    if (answered === 'timeout') {
      return {
        ok: false,
        error: 'timeout',
        message: `${target.path} gave no status within ${timeoutMs} ms (baud rate ${target.baud} right?)`,
      };
    }
    const status = decodeStatus(answers.slice(0, 4));
    return status
      ? { ok: true, status }
      : {
          ok: false,
          error: 'garbled',
          message: `the answer is not ESC/POS status (baud rate ${target.baud} right?)`,
        };
  } finally {
    await closePort(port);
  }
}

async function openPort(
  target: SerialTarget,
): Promise<{ ok: true; port: SerialPort } | { ok: false; error: TransportError; message: string }> {
  // Loaded on first use: serialport's native binding costs ~40 ms at start-up.
  const { SerialPort: Port } = await import('serialport');
  const port = new Port({
    path: target.path,
    baudRate: target.baud,
    autoOpen: false,
    rtscts: target.flow === 'rtscts',
    xon: target.flow === 'xonxoff',
    xoff: target.flow === 'xonxoff',
  });
  const error = await new Promise<Error | null>((resolve) => port.open((e) => resolve(e ?? null)));
  return error ? { ok: false, ...describeSerialError(target.path, error) } : { ok: true, port };
}

function closePort(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) resolve();
    else port.close(() => resolve());
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** serialport reports errno text in its messages, not codes. */
function describeSerialError(
  path: string,
  error: Error,
): { error: TransportError; message: string } {
  const text = error.message;
  if (/No such file|ENOENT|ENODEV|ENXIO/i.test(text)) {
    return { error: 'unreachable', message: `${path} is not there: adapter unplugged?` };
  }
  if (/Permission denied|EACCES|EPERM/i.test(text)) {
    return {
      error: 'permission',
      message: `no permission on ${path}: add the kiosk user to the dialout group`,
    };
  }
  if (/lock|busy|temporarily unavailable/i.test(text)) {
    return { error: 'busy', message: `${path} is in use by another program` };
  }
  return { error: 'closed', message: `${path}: ${text}` };
}
