import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SaneScanner } from '../../../native/scanner/sane-scanner.js';
import { failWith, PATTERN, saneTestEnv } from '../../support/sane-test-backend.js';

const scanner = new SaneScanner({ env: saneTestEnv() });

describe('SANE scanner (scanimage and the test backend)', { timeout: 30_000 }, () => {
  it('finds the scanner and scans a page at the resolution asked, in colour or grey', async () => {
    expect(await scanner.list()).toEqual([{ id: 'test:0', model: 'Noname frontend-tester' }]);
    const colour = await scanner.scan({ dpi: 150, mode: 'colour', options: PATTERN });
    if (!colour.ok) throw new Error(colour.detail);
    const meta = await sharp(colour.image).metadata();
    // The test backend's glass is 200 × 200 mm (A4 is clamped to it): 1181 pixels at 150 dpi.
    expect(meta).toMatchObject({ format: 'png', width: 1181, height: 1181, channels: 3 });
    const grey = await scanner.scan({ dpi: 100, mode: 'grey', options: PATTERN });
    if (!grey.ok) throw new Error(grey.detail);
    expect(await sharp(grey.image).metadata()).toMatchObject({ width: 787, channels: 1 });
  });

  it.each([
    ['SANE_STATUS_JAMMED', 'jammed'],
    ['SANE_STATUS_NO_DOCS', 'no-paper'],
    ['SANE_STATUS_COVER_OPEN', 'cover-open'],
    ['SANE_STATUS_DEVICE_BUSY', 'busy'],
    ['SANE_STATUS_IO_ERROR', 'unplugged'],
  ])('says %s as "%s"', async (status, failure) => {
    const result = await scanner.scan({ dpi: 75, mode: 'grey', options: failWith(status) });
    expect(result).toMatchObject({ ok: false, failure });
  });

  it('a backend that reports a failure and then never exits: the failure is said, the process stopped', async () => {
    // A stand-in scanimage that behaves as SANE's test backend does about once in 400 scans.
    const bin = mkdtempSync(join(tmpdir(), 'borne-scanimage-'));
    const pidFile = join(bin, 'pid');
    writeFileSync(
      join(bin, 'scanimage'),
      [
        '#!/bin/sh',
        'case "$*" in *-A*) exit 0 ;; esac', // the glass's size: not known
        `echo $$ > ${pidFile}`,
        "echo 'scanimage: sane_read: Scanner cover is open' >&2",
        'exec sleep 60',
      ].join('\n'),
      { mode: 0o755 },
    );
    const hanging = new SaneScanner({
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    const started = performance.now();
    const result = await hanging.scan({ device: 'test:0', dpi: 75, mode: 'grey' });
    expect(result).toMatchObject({ ok: false, failure: 'cover-open' });
    expect(performance.now() - started).toBeLessThan(5000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('says when there is no scanner', async () => {
    const none = new SaneScanner({ env: { ...process.env, SANE_CONFIG_DIR: '/nonexistent' } });
    expect(await none.list()).toEqual([]);
    expect(await none.scan({ dpi: 150, mode: 'colour' })).toMatchObject({
      ok: false,
      failure: 'none-found',
    });
    expect(await scanner.scan({ device: 'test:9', dpi: 150, mode: 'colour' })).toMatchObject({
      ok: false,
      failure: 'none-found',
    });
  });
});
