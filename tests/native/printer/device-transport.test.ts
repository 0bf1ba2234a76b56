import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendToDevice } from '../../../native/printer/device-transport.js';

describe('printer device file transport (/dev/usb/lp*)', () => {
  it('writes the whole job to the device', async () => {
    // A named pipe stands in for the usblp character device; `cat` is the printer.
    const dir = mkdtempSync(join(tmpdir(), 'borne-lp-'));
    const device = join(dir, 'lp0');
    expect(spawnSync('mkfifo', [device]).status).toBe(0);
    const received = join(dir, 'received.bin');
    const printer = spawn('sh', ['-c', `cat "${device}" > "${received}"`]);
    const done = new Promise((resolve) => printer.once('exit', resolve));
    const job = Buffer.concat([
      Buffer.from([0x1b, 0x40]),
      Buffer.alloc(200_000, 0x41),
      Buffer.from([0x1d, 0x56, 0x01]),
    ]);
    expect(await sendToDevice(device, job)).toEqual({ ok: true, sentBytes: job.length });
    await done;
    expect(Buffer.compare(readFileSync(received), job)).toBe(0);
  });

  it('says the printer is unplugged when the device is not there', async () => {
    expect(await sendToDevice('/dev/usb/lp-missing', Buffer.from('x'))).toMatchObject({
      ok: false,
      error: 'unreachable',
      connected: false,
      message: '/dev/usb/lp-missing is not there: printer unplugged or off',
    });
  });
});
