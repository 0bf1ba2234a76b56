import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/borne-cli.js';
import { checkConfigText } from '../../../main/config/config-file.js';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'borne-cli-')), name);
  writeFileSync(path, content);
  return path;
}

describe('borne CLI', () => {
  it('lists its commands in --help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: borne');
    expect(out).toContain('config');
  });

  it('says a valid file is valid', async () => {
    const file = tempFile('ok.json', JSON.stringify({ kiosk: { id: 'lyon-1' } }));
    expect(await cli('config', 'validate', file)).toEqual({
      code: 0,
      out: `${file}: valid\n`,
      err: '',
    });
  });

  it('names every bad field of an invalid file and exits 1', async () => {
    const file = tempFile(
      'bad.json',
      JSON.stringify({ kiosk: { id: 'A B' }, languages: { default: 'de' } }),
    );
    const { code, err } = await cli('config', 'validate', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: invalid`);
    expect(err).toContain('  - kiosk.id: ');
    expect(err).toContain('  - languages.default: ');
  });

  it('reports a missing file and exits 1', async () => {
    const { code, err } = await cli('config', 'validate', '/nonexistent/config.json');
    expect(code).toBe(1);
    expect(err).toContain('cannot read (ENOENT)');
  });

  it('prints defaults that validate', async () => {
    const { code, out } = await cli('config', 'defaults');
    expect(code).toBe(0);
    expect(checkConfigText(out)).toMatchObject({ ok: true });
  });

  it('exits 2 on an unknown command', async () => {
    const { code, err } = await cli('frobnicate');
    expect(code).toBe(2);
    expect(err).toContain("unknown command 'frobnicate'");
  });

  it('runs as the built `borne` command (package.json bin)', () => {
    const bin = join(process.cwd(), 'bin', 'borne.mjs');
    expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toContain('config');
    const bad = tempFile('bad.json', '{"session":{"idleSeconds":1}}');
    const result = spawnSync(bin, ['config', 'validate', bad], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('session.idleSeconds');
  });
});
