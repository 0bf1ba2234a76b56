/**
 * Printing through a printer device file: the Linux usblp driver's
 * /dev/usb/lp0 (preferred to libusb: no detaching the kernel driver, and
 * udev can give the kiosk user access). Bounded in time, typed failures.
 */
import { open } from 'node:fs/promises';
import type { SendResult, TransportError } from './tcp-transport.js';

export type DeviceError = TransportError | 'permission' | 'busy';

export type DeviceSendResult =
  SendResult | { ok: false; error: DeviceError; connected: boolean; message: string };

const DEFAULT_TIMEOUT_MS = 10_000;

export async function sendToDevice(
  path: string,
  data: Uint8Array,
  timeoutMs: number = DEFAULT_TIMEOUT_MS,
): Promise<DeviceSendResult> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
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
    return describeDeviceError(path, error, handle !== undefined);
  } finally {
    clearTimeout(timer);
    await handle?.close().catch(() => {});
  }
}

function describeDeviceError(path: string, error: unknown, connected: boolean): DeviceSendResult {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') {
    return {
      ok: false,
      error: 'unreachable',
      connected,
      message: `${path} is not there: printer unplugged or off`,
    };
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return {
      ok: false,
      error: 'permission',
      connected,
      message: `no permission on ${path}: add the kiosk user to the lp group`,
    };
  }
  if (code === 'EBUSY')
    return { ok: false, error: 'busy', connected, message: `${path} is in use by another program` };
  return { ok: false, error: 'closed', connected, message: `${path}: ${code || String(error)}` };
}
