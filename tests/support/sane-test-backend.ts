/**
 * SANE's test backend ("frontend-tester", in Debian's libsane1), switched on
 * in a private SANE_CONFIG_DIR: the real scanimage and the real SANE library
 * scan a test picture, and the backend can fail on demand with any SANE status
 * (jammed, no paper, cover open, I/O error). Without Debian's sane-utils,
 * scans fail with "spawn scanimage ENOENT" in their detail.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function saneTestEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'borne-sane-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  writeFileSync(join(dir, 'test.conf'), 'number_of_devices 1\n');
  return { ...process.env, SANE_CONFIG_DIR: dir };
}

/** A page with something on it: the test backend's colour pattern. */
export const PATTERN = ['--test-picture', 'Color pattern'];

/** Makes the backend's read fail with a SANE status, as a scanner would. */
export const failWith = (status: string) => ['--read-return-value', status];
