/**
 * Printing through a printer device file: the Linux usblp driver's
 * /dev/usb/lp0 (preferred to libusb: no detaching the kernel driver, and
 * udev can give the kiosk user access). Bounded in time, typed failures.
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { DLE_EOT_QUERIES, decodeStatus } from './printer-status.js';
import type { SendResult, StatusResult, TransportError } from './transport-results.js';

const DEFAULT_TIMEOUT_MS = 10_000;

export async function sendToDevice(
  path: string,
  data: Uint8Array,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<SendResult> {
  let handle: FileHandle | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    handle = await open(path, 'w');
    const opened = handle;
    const written = opened.write(data).then(({ bytesWritten }) => bytesWritten);
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([written, timeout]);
    if (outcome === 'timeout') {
      return {
        ok: false,
        error: 'timeout',
        connected: true,
        message: `${path} took more than ${timeoutMs} ms`,
      };
    }
    return { ok: true, sentBytes: outcome };
  } catch (error) {
    return { ok: false, connected: handle !== undefined, ...describeDeviceError(path, error) };
  } finally {
    clearTimeout(timer);
    await handle?.close().catch(() => {});
  }
}

function describeDeviceError(
  path: string,
  error: unknown,
): { error: TransportError; message: string } {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') {
    return { error: 'unreachable', message: `${path} is not there: printer unplugged or off` };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      error: 'permission',
      message: `no permission on ${path}: add the kiosk user to the lp group`,
    };
  }
  if (code === 'EBUSY') return { error: 'busy', message: `${path} is in use by another program` };
  return { error: 'closed', message: `${path}: ${code || String(error)}` };
}

/**
 * Real-time status through the device file: usblp passes DLE EOT to the
 * printer and its answer back. Opened non-blocking (and never as a
 * controlling terminal), polled until four bytes came or the time is up:
 * some USB printers never answer, which is said as such.
 */
export async function queryStatusDevice(path: string, timeoutMs = 2000): Promise<StatusResult> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    await handle.write(Uint8Array.from(DLE_EOT_QUERIES.flat()));
    const answers: number[] = [];
    const buffer = Buffer.alloc(16);
    const deadline = Date.now() + timeoutMs;
    while (answers.length < 4 && Date.now() < deadline) {
      try {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        answers.push(...buffer.subarray(0, bytesRead));
        if (bytesRead === 0) await delay(10);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        await delay(10);
      }
    }
    if (answers.length < 4) {
      return {
        ok: false,
        error: 'timeout',
        message: `${path} gave no status within ${timeoutMs} ms (some USB printers never answer)`,
      };
    }
    const status = decodeStatus(answers.slice(0, 4));
    return status
      ? { ok: true, status }
      : { ok: false, error: 'garbled', message: 'the answer is not ESC/POS status' };
  } catch (error) {
    return { ok: false, ...describeDeviceError(path, error) };
  } finally {
    await handle?.close().catch(() => {});
  }
}
