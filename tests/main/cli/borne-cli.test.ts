import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { decode as decodePng } from 'fast-png';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/borne-cli.js';
import { checkConfigText } from '../../../main/config/config-file.js';
import { FR_ID, FR_ID_FIELDS } from '../../support/mrz-specimens.js';

async function cli(...argv: string[]) {
  return cliWithInput('', ...argv);
}

async function cliWithInput(input: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const bytes: Uint8Array[] = [];
  const code = await runCli(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    outBytes: (chunk) => bytes.push(chunk),
    readInput: () => Promise.resolve(input),
  });
  return { code, out, err, bytes: Buffer.concat(bytes) };
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
    expect(await cli('config', 'validate', file)).toMatchObject({
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

  it('encodes a receipt document to ESC/POS bytes for the chosen profile', async () => {
    const doc = tempFile(
      'ticket.json',
      JSON.stringify({ blocks: [{ type: 'text', text: 'Reçu 5 €' }, { type: 'cut' }] }),
    );
    const tm = await cli('receipt', 'encode', doc);
    expect(tm.code).toBe(0);
    expect(tm.bytes.subarray(0, 2).toString('hex')).toBe('1b40');
    expect(tm.bytes.includes(Buffer.from([0x1b, 0x74, 0x10]))).toBe(true);
    const small = await cli('receipt', 'encode', doc, '--profile', 'generic-58');
    expect(small.bytes.includes(Buffer.from([0x1b, 0x74, 0x13]))).toBe(true);
  });

  it('says why a receipt cannot be encoded', async () => {
    const bad = tempFile('bad.json', JSON.stringify({ blocks: [{ type: 'qrcode', value: '' }] }));
    const invalid = await cli('receipt', 'encode', bad);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('  - blocks.0.value: ');
    expect((await cli('receipt', 'encode', bad, '--profile', 'tm-9000')).code).toBe(2);
    const arabic = tempFile(
      'ar.json',
      JSON.stringify({ blocks: [{ type: 'text', text: 'شكرا' }] }),
    );
    const warned = await cli('receipt', 'encode', arabic);
    expect(warned.code).toBe(0);
    expect(warned.err).toContain('warning: "ش" (U+0634) is not in windows1252: printed as "?"');
  });

  it('turns a template sample into a document, and the document into a PNG preview drawn from its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-cli-'));
    copyFileSync(
      join(process.cwd(), 'build', 'receipt', 'logo-exemple.png'),
      join(dir, 'logo.png'),
    );
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        kiosk: { siteName: 'Paris 18e' },
        printing: { receipt: { organisation: 'Connexions Solidaires', logo: 'logo.png' } },
      }),
    );
    const sample = await cli(
      'receipt',
      'sample',
      'voucher',
      '--config',
      config,
      '--profile',
      'generic-58',
    );
    expect(sample.code).toBe(0);
    const document = JSON.parse(sample.out) as {
      blocks: { type: string; src?: string; text?: string }[];
    };
    expect(document.blocks[0]).toMatchObject({ type: 'image', src: join(dir, 'logo.png') });
    expect(document.blocks.map((block) => block.text)).toContain('Paris 18e');
    const file = join(dir, 'voucher.json');
    writeFileSync(file, sample.out);
    const png = join(dir, 'voucher.png');
    const preview = await cli('receipt', 'preview', file, '-o', png, '--profile', 'generic-58');
    expect([preview.code, preview.err]).toEqual([0, '']);
    expect(preview.out).toMatch(/voucher\.png: ESC\/POS 58 mm .*, \d+ bytes/);
    expect(decodePng(readFileSync(png)).width).toBe(384 + 32);
  });

  it('says which template or picture is wrong', async () => {
    expect((await cli('receipt', 'sample', 'menu')).err).toContain(
      'unknown template "menu": one of voucher, sale',
    );
    const missing = tempFile(
      'logo.json',
      JSON.stringify({ blocks: [{ type: 'image', src: 'absent.png' }] }),
    );
    const result = await cli('receipt', 'preview', missing, '-o', `${missing}.png`);
    expect([result.code, result.err]).toEqual([
      1,
      `${missing}: invalid\n  - blocks.0.src: cannot read absent.png (ENOENT)\n`,
    ]);
  });

  it('decodes what a reader sent, as one JSON object (exit 1 when a check fails)', async () => {
    const mrz = await cliWithInput(`${FR_ID.replace('\n', '\r\n')}\r\n`, 'decode', 'mrz');
    expect(mrz.code).toBe(0);
    expect(JSON.parse(mrz.out)).toEqual({
      kind: 'mrz',
      valid: true,
      fields: FR_ID_FIELDS,
      errors: [],
    });
    const luhn = await cliWithInput('79927398710\n', 'decode', 'luhn');
    expect([luhn.code, luhn.out]).toEqual([
      1,
      '{"kind":"luhn","valid":false,"fields":{"digits":"79927398710"},"errors":["digits: the Luhn check digit does not match"]}\n',
    ]);
    expect((await cli('decode', 'iris')).err).toBe(
      'unknown kind "iris": one of mrz, track, barcode, luhn, em4100\n',
    );
  });

  it('replays a reader recording through the decoding path: events pseudonymised, unplug and replug seen', async () => {
    const file = join(process.cwd(), 'tests', 'fixtures', 'hid', 'msr-member-card.json');
    const result = await cli('hid', 'simulate', '--file', file, '--speed', '10');
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\n');
    expect(lines[0]).toBe('pseudonyms below are for this run only');
    expect(
      lines
        .filter((line) => line.startsWith('status: '))
        .map((line) => JSON.parse(line.slice(8)).state),
    ).toEqual(['connected', 'disconnected', 'connected']);
    const events = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
    expect(events).toHaveLength(3);
    expect(new Set(events.map((event) => event.pseudonym)).size).toBe(1);
    expect(result.out).not.toContain('6280010000004215');
  });

  it('makes a staff entry from a badge and a PIN, and refuses a PIN that is not 4 to 8 digits', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'borne-staff-'));
    const previous = process.env.BORNE_DATA_DIR;
    process.env.BORNE_DATA_DIR = dataDir;
    try {
      const made = await cliWithInput('0012345678\n4821\n', 'staff', 'entry', '--name', 'Awa');
      expect(made.code).toBe(0);
      const entry = JSON.parse(made.out) as { name: string; badge: string; pin: string };
      expect(entry.name).toBe('Awa');
      expect(entry.badge).toMatch(/^[\w-]{22}$/);
      expect(checkConfigText(JSON.stringify({ staff: { members: [entry] } })).ok).toBe(true);
      const refused = await cliWithInput('0012345678\n48\n', 'staff', 'entry', '--name', 'Awa');
      expect([refused.code, refused.err]).toEqual([
        1,
        'the second line must be the PIN: 4 to 8 digits\n',
      ]);
    } finally {
      if (previous === undefined) delete process.env.BORNE_DATA_DIR;
      else process.env.BORNE_DATA_DIR = previous;
    }
  });

  it('runs as the built `borne` command (package.json bin)', () => {
    const bin = join(process.cwd(), 'bin', 'borne.mjs');
    expect(execFileSync(bin, ['--help'], { encoding: 'utf8' })).toContain('config');
    const bad = tempFile('bad.json', '{"session":{"idleSeconds":1}}');
    const result = spawnSync(bin, ['config', 'validate', bad], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('session.idleSeconds');
    const decoded = spawnSync(bin, ['decode', 'em4100'], {
      input: '0012345678\n',
      encoding: 'utf8',
    });
    expect([decoded.status, JSON.parse(decoded.stdout).fields.hex]).toEqual([0, '00BC614E']);
  });
});
