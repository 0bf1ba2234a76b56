import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decode as decodePng } from 'fast-png';
import { interpretEscPos } from '../../../native/printer/escpos-interpreter.js';
import { formatPrinterUri, parsePrinterUri } from '../../../native/printer/printer-uri.js';
import { hasPython, startPtyPrinter } from '../../support/pty-printer.js';

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
    await expect.poll(() => readdirSync(out).sort()).toEqual(['job-1.bin', 'job-1.png']);
    // What the printer received, read back: title, accents and € on its code page, QR, cut.
    const job = interpretEscPos(readFileSync(join(out, 'job-1.bin')));
    expect(job.initialized).toBe(true);
    const lines = job.elements.flatMap((e) => (e.kind === 'line' ? [e.text.trim()] : []));
    expect(lines).toEqual(
      expect.arrayContaining(['Borne — page de test', 'Symboles : € ° « » § ²']),
    );
    expect(job.elements.find((e) => e.kind === 'qrcode')).toMatchObject({
      data: 'BORNE-TEST-PAGE',
    });
    expect(job.elements.filter((e) => e.kind !== 'line').at(-1)).toEqual({
      kind: 'cut',
      mode: 'partial',
    });
    const preview = decodePng(readFileSync(join(out, 'job-1.png')));
    expect(preview.width).toBe(576 + 32);
  });

  it.skipIf(!hasPython)(
    'reads the status of a serial printer (a pty relayed to the simulator)',
    async () => {
      const port = await simulate();
      const pty = await startPtyPrinter(port);
      try {
        const status = borne('printer', 'status', `serial://${pty.path}?baud=38400`);
        expect([status.status, status.stdout]).toEqual([
          0,
          `serial://${pty.path}?baud=38400: ready — Imprimante prête\n`,
        ]);
      } finally {
        await pty.close();
      }
    },
  );

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
    const usb = borne('printer', 'status', 'usb:///dev/usb/lp-absent');
    expect([usb.status, usb.stderr]).toEqual([
      1,
      'usb:///dev/usb/lp-absent: /dev/usb/lp-absent is not there: printer unplugged or off\n',
    ]);
  });
});

describe('printer addresses', () => {
  it.each([
    ['tcp://10.0.0.5:9100', { kind: 'tcp', host: '10.0.0.5', port: 9100 }],
    ['tcp://imprimante-accueil', { kind: 'tcp', host: 'imprimante-accueil', port: 9100 }],
    ['usb:///dev/usb/lp0', { kind: 'usb', path: '/dev/usb/lp0' }],
    [
      'serial:///dev/ttyUSB0?baud=38400&flow=rtscts',
      { kind: 'serial', path: '/dev/ttyUSB0', baud: 38400, flow: 'rtscts' },
    ],
    ['serial:///dev/ttyS0', { kind: 'serial', path: '/dev/ttyS0', baud: 9600, flow: 'none' }],
  ])('reads %s', (text, uri) => {
    expect(parsePrinterUri(text)).toEqual({ ok: true, uri });
    const parsed = parsePrinterUri(text);
    if (parsed.ok) expect(parsePrinterUri(formatPrinterUri(parsed.uri))).toEqual(parsed);
  });

  it.each([
    '',
    'http://10.0.0.5',
    'usb://lp0',
    'serial:///dev/ttyUSB0?baud=fast',
    'serial:///dev/ttyUSB0?flow=dtr',
    'tcp://',
  ])('refuses "%s"', (text) => {
    expect(parsePrinterUri(text).ok).toBe(false);
  });
});
