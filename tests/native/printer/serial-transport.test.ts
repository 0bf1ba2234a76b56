/**
 * Serial and USB device-file printers, through a real character device: a
 * pseudo-terminal relayed to the virtual printer. serialport opens it, sets
 * its line and writes; DLE EOT queries go out and status bytes come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryStatusDevice, sendToDevice } from '../../../native/printer/device-transport.js';
import { queryStatusSerial, sendSerial } from '../../../native/printer/serial-transport.js';
import {
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../native/printer/virtual-printer.js';
import { hasPython, type PtyPrinter, startPtyPrinter } from '../../support/pty-printer.js';

if (!hasPython)
  console.log('serial transport tests skipped: python3 (for the pty relay) is not installed');

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!hasPython)('serial and USB device printers over a pty', () => {
  let printer: VirtualPrinter;
  let pty: PtyPrinter;

  beforeAll(async () => {
    printer = await startVirtualPrinter();
    pty = await startPtyPrinter(printer.port);
  });
  afterAll(async () => {
    await pty.close();
    await printer.close();
  });

  it('sends a whole job through serialport at 38400 baud', async () => {
    const job = Buffer.concat([
      Buffer.from([0x1b, 0x40]),
      Buffer.alloc(20_000, 0x42),
      Buffer.from([0x1d, 0x56, 1]),
    ]);
    const before = printer.openJobBytes().length;
    expect(await sendSerial({ path: pty.path, baud: 38400, flow: 'none' }, job)).toEqual({
      ok: true,
      sentBytes: job.length,
    });
    await until(() => printer.openJobBytes().length >= before + job.length);
    expect(printer.openJobBytes().subarray(before).equals(job)).toBe(true);
  });

  it('reads the real-time status over serial, and sees paper run out', async () => {
    const target = { path: pty.path, baud: 38400, flow: 'none' as const };
    expect(await queryStatusSerial(target)).toMatchObject({ ok: true, status: { state: 'ready' } });
    printer.setState('paper-out');
    expect(await queryStatusSerial(target)).toMatchObject({
      ok: true,
      status: { state: 'paper-out', canPrint: false },
    });
    printer.setState('ready');
  });

  it('reads the status through the device file, as usblp passes it', async () => {
    printer.setState('cover-open');
    expect(await queryStatusDevice(pty.path)).toMatchObject({
      ok: true,
      status: { state: 'cover-open' },
    });
    printer.setState('ready');
    const before = printer.openJobBytes().length;
    expect(await sendToDevice(pty.path, Buffer.from('lp0\n'))).toEqual({ ok: true, sentBytes: 4 });
    await until(() => printer.openJobBytes().length >= before + 4);
  });

  it('says the adapter is unplugged when the serial device is not there', async () => {
    expect(
      await sendSerial({ path: '/dev/ttyUSB-missing', baud: 9600, flow: 'none' }, Buffer.from('x')),
    ).toEqual({
      ok: false,
      error: 'unreachable',
      connected: false,
      message: '/dev/ttyUSB-missing is not there: adapter unplugged?',
    });
  });

  it('says when a device never answers status, within the time given', async () => {
    const started = Date.now();
    expect(await queryStatusDevice('/dev/null', 300)).toEqual({
      ok: false,
      error: 'timeout',
      message: '/dev/null gave no status within 300 ms (some USB printers never answer)',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
