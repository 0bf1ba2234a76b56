import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePrinterUri } from '../../../native/printer/printer-uri.js';

const bin = join(process.cwd(), 'bin', 'borne.mjs');
let simulator: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  simulator?.kill('SIGTERM');
  simulator = undefined;
});

/** `borne printer simulate` as a technician runs it; resolves with its port. */
async function simulate(...args: string[]): Promise<number> {
  simulator = spawn(bin, ['printer', 'simulate', '--port', '0', ...args]);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${output}`)), 10_000);
    simulator?.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^printer simulator listening on 127\.0\.0\.1:(\d+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
}

const borne = (...args: string[]) => spawnSync(bin, args, { encoding: 'utf8', timeout: 15_000 });

describe('borne printer (against the virtual printer)', () => {
  it('reads the status and prints a test page, kept as a job file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'borne-jobs-'));
    const port = await simulate('--out', out);
    const status = borne('printer', 'status', `tcp://127.0.0.1:${port}`);
    expect([status.status, status.stdout]).toEqual([
      0,
      `tcp://127.0.0.1:${port}: ready — Imprimante prête\n`,
    ]);
    const page = borne('printer', 'test-page', `tcp://127.0.0.1:${port}`);
    expect(page.status).toBe(0);
    await expect.poll(() => readdirSync(out)).toEqual(['job-1.bin']);
    const job = readFileSync(join(out, 'job-1.bin'));
    expect(job.subarray(0, 2).toString('hex')).toBe('1b40');
    expect(job.includes(Buffer.from('Borne ', 'latin1'))).toBe(true);
    expect(job.includes(Buffer.from([0x1d, 0x56, 0x01]))).toBe(true); // cut
  });

  it('does not send a page to a printer out of paper, and says why in French', async () => {
    const out = mkdtempSync(join(tmpdir(), 'borne-jobs-'));
    const port = await simulate('--out', out, '--state', 'paper-out');
    const status = borne('printer', 'status', `tcp://127.0.0.1:${port}`);
    expect([status.status, status.stdout.trim()]).toEqual([
      1,
      `tcp://127.0.0.1:${port}: paper-out — Plus de papier : changez le rouleau`,
    ]);
    const page = borne('printer', 'test-page', `tcp://127.0.0.1:${port}`);
    expect(page.status).toBe(1);
    expect(page.stderr).toContain('not printed: Plus de papier');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses addresses it cannot use, with an example', () => {
    const bad = borne('printer', 'status', 'printer-at-the-desk');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('tcp://10.0.0.5:9100');
    const usb = borne('printer', 'status', 'usb:///dev/usb/lp0');
    expect([usb.status, usb.stderr]).toEqual([
      2,
      expect.stringContaining('status is read over tcp:// only'),
    ]);
  });
});

describe('printer addresses', () => {
  it.each([
    ['tcp://10.0.0.5:9100', { kind: 'tcp', host: '10.0.0.5', port: 9100 }],
    ['tcp://imprimante-accueil', { kind: 'tcp', host: 'imprimante-accueil', port: 9100 }],
    ['usb:///dev/usb/lp0', { kind: 'usb', path: '/dev/usb/lp0' }],
    ['serial:///dev/ttyUSB0?baud=38400', { kind: 'serial', path: '/dev/ttyUSB0', baud: 38400 }],
    ['serial:///dev/ttyS0', { kind: 'serial', path: '/dev/ttyS0', baud: 9600 }],
  ])('reads %s', (text, uri) => {
    expect(parsePrinterUri(text)).toEqual({ ok: true, uri });
  });

  it.each(['', 'http://10.0.0.5', 'usb://lp0', 'serial:///dev/ttyUSB0?baud=fast', 'tcp://'])(
    'refuses "%s"',
    (text) => {
      expect(parsePrinterUri(text).ok).toBe(false);
    },
  );
});
