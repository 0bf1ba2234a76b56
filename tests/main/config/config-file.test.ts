import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkConfigText,
  describeLoadedConfig,
  loadConfigFile,
} from '../../../main/config/config-file.js';
import { defaultConfig } from '../../../main/config/config-schema.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-config-'));
});

describe('loading the configuration file', () => {
  it('runs on defaults, without complaint, when there is no file', () => {
    const path = join(dir, 'config.json');
    const loaded = loadConfigFile(path);
    expect(loaded.config).toEqual(defaultConfig());
    expect(loaded.status).toEqual({ source: 'defaults', path, problems: [] });
    expect(describeLoadedConfig(loaded)).toBe(`Configuration: ${path} not found, using defaults`);
  });

  it('uses a valid file and says which', () => {
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ kiosk: { id: 'paris-18-1', siteName: 'Paris 18e' } }));
    const loaded = loadConfigFile(path);
    expect(loaded.status.source).toBe('file');
    expect(loaded.config.kiosk.id).toBe('paris-18-1');
    expect(describeLoadedConfig(loaded)).toBe(`Configuration: ${path}`);
  });

  it('starts on defaults and names the bad field when the file is invalid', () => {
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ languages: { default: 'de' } }));
    const loaded = loadConfigFile(path);
    expect(loaded.config).toEqual(defaultConfig());
    expect(loaded.status.source).toBe('defaults');
    expect(loaded.status.problems[0]).toMatch(/^languages\.default: /);
    expect(describeLoadedConfig(loaded)).toContain('is invalid, starting on defaults');
    expect(describeLoadedConfig(loaded)).toContain('  - languages.default: ');
  });

  it('says where a JSON syntax error is', () => {
    const check = checkConfigText('{\n  "kiosk": {\n    "id": "a1",,\n  }\n}');
    expect(check).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^not valid JSON at line 3, column 16: /)],
    });
  });

  it('reports a file it cannot read', () => {
    const path = join(dir, 'config.json');
    mkdirSync(path); // a folder where the file should be
    const loaded = loadConfigFile(path);
    expect(loaded.status).toEqual({
      source: 'defaults',
      path,
      problems: ['cannot read the file (EISDIR)'],
    });
  });

  it('refuses an empty file rather than guessing', () => {
    expect(checkConfigText('')).toMatchObject({ ok: false });
  });
});

describe('the example configuration shipped in build/', () => {
  it('is valid, with a printer and the receipts identity, and its logo is where it says', () => {
    const path = join(process.cwd(), 'build', 'config.example.json');
    const loaded = loadConfigFile(path);
    expect(loaded.status).toEqual({ source: 'file', path, problems: [] });
    expect(loaded.config.printing.printers.map((printer) => printer.id)).toEqual(['desk']);
    const logo = loaded.config.printing.receipt.logo ?? '';
    expect(existsSync(join(process.cwd(), 'build', logo))).toBe(true);
  });
});
