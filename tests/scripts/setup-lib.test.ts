import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript helper shared by the set-up scripts
import { electronBinary, lockHash } from '../../scripts/setup-lib.mjs';

describe('set-up helpers', () => {
  it('finds no Electron binary when its download was skipped', () => {
    const root = mkdtempSync(join(tmpdir(), 'borne-root-'));
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    expect(electronBinary(root)).toBeNull();
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(electronBinary(root)).toBeNull(); // path.txt without dist/ is a failed download
    mkdirSync(join(root, 'node_modules', 'electron', 'dist'));
    writeFileSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(electronBinary(root)).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('fingerprints the lock file so set-up reinstalls only when it changed', () => {
    const root = mkdtempSync(join(tmpdir(), 'borne-root-'));
    writeFileSync(join(root, 'package-lock.json'), '{"a":1}');
    const first = lockHash(root);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(root, 'package-lock.json'), '{"a":2}');
    expect(lockHash(root)).not.toBe(first);
  });
});
