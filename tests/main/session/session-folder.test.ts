import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePath, safeFileName, writeNewFile } from '../../../main/session/session-folder.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('names of the files a site gives', () => {
  it('keep no path, nothing hidden and no odd character', () => {
    expect(safeFileName('../../.bashrc')).toBe('bashrc');
    expect(safeFileName('C:\\Users\\x\\avis.pdf')).toBe('avis.pdf');
    expect(safeFileName('reçu <CAF>.pdf')).toBe('reçu _CAF_.pdf');
    expect(safeFileName('...')).toBe('document');
  });

  it('a second file of the same name gets (2), then (3): none replaces another', () => {
    dir = mkdtempSync(join(tmpdir(), 'borne-names-'));
    const take = (name: string) => {
      const path = freePath(dir as string, name);
      writeFileSync(path, 'x');
      return path.slice((dir as string).length + 1);
    };
    expect(take('attestation.pdf')).toBe('attestation.pdf');
    expect(take('attestation.pdf')).toBe('attestation (2).pdf');
    expect(take('attestation.pdf')).toBe('attestation (3).pdf');
    expect(take('relevé')).toBe('relevé');
    expect(take('relevé')).toBe('relevé (2)');
  });

  it('two files of one name arriving at once both stay, each whole', async () => {
    dir = mkdtempSync(join(tmpdir(), 'borne-names-'));
    const bodies = ['premier', 'deuxième', 'troisième'].map((text) => Buffer.from(text));
    const paths = await Promise.all(
      bodies.map((body) => writeNewFile(dir as string, 'attestation.pdf', body)),
    );
    expect(readdirSync(dir).sort()).toEqual([
      'attestation (2).pdf',
      'attestation (3).pdf',
      'attestation.pdf',
    ]);
    expect(paths.map((path) => readFileSync(path, 'utf8')).sort()).toEqual(
      ['deuxième', 'premier', 'troisième'].sort(),
    );
  });
});
