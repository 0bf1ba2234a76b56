import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBorne } from '../../support/run-borne.js';

let dir: string;
let previous: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-catalogue-cli-'));
  previous = process.env.BORNE_CONFIG;
  process.env.BORNE_CONFIG = join(dir, 'config.json');
});
afterEach(() => {
  if (previous === undefined) delete process.env.BORNE_CONFIG;
  else process.env.BORNE_CONFIG = previous;
  rmSync(dir, { recursive: true, force: true });
});

const cli = runBorne;

const FIXTURE = join(process.cwd(), 'tests', 'fixtures', 'procedures', 'demo-attestation.json');

describe('borne catalogue', () => {
  it('validates the catalogue this kiosk loads and ends with a JSON summary', async () => {
    const { code, out } = await cli(['catalogue', 'validate']);
    expect(code).toBe(0);
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '')).toEqual({
      procedures: 10,
      languages: ['fr', 'en', 'ar'],
      missingTranslations: 0,
      // Seven procedures not yet in es, pt, ro, uk, fa: shown in French there.
      untranslated: 35,
      errors: 0,
    });
  });

  it('names each problem of a folder by file and field, counts missing translations, exits 1', async () => {
    const demo = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      id: string;
      title: Record<string, string>;
      steps: { match: { path?: string }[] }[];
    };
    delete demo.title.ar;
    writeFileSync(join(dir, 'demo-attestation.json'), JSON.stringify(demo));
    const broken = structuredClone(demo);
    broken.id = 'demo-cassee';
    (broken.steps[3]?.match[0] as { path?: string }).path = 'compte';
    writeFileSync(join(dir, 'demo-cassee.json'), JSON.stringify(broken));
    const { code, out } = await cli(['catalogue', 'validate', dir]);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toContain(
      'error: demo-cassee.json: steps.3.match.0.path: Invalid string: must start with "/"',
    );
    expect(lines).toContain('missing: demo-attestation.json: 1 texts not in ar: title');
    expect(JSON.parse(lines.at(-1) ?? '')).toEqual({
      procedures: 1,
      languages: ['fr', 'en'],
      missingTranslations: 1,
      untranslated: 5,
      errors: 1,
    });
  });

  it('adds a welcome point’s own folder, named in the configuration, to the built-in catalogue', async () => {
    const local = join(dir, 'procedures');
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ procedures: { catalogueDir: 'procedures' } }),
    );
    mkdirSync(local);
    writeFileSync(join(local, 'demo-attestation.json'), readFileSync(FIXTURE));
    const { out } = await cli(['catalogue', 'validate']);
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '')).toMatchObject({ procedures: 11 });
  });

  it('shows a procedure as a visitor reads it, in their language', async () => {
    const { code, out } = await cli([
      'catalogue',
      'show',
      'caf-declaration-trimestrielle',
      '--lang',
      'ar',
    ]);
    expect(code).toBe(0);
    const shown = JSON.parse(out) as {
      language: string;
      title: string;
      bring: { text: string }[];
      steps: {
        text: string;
        readAloud: string;
        tips: string[];
        problems: { title: string; solution: string }[];
      }[];
      startUrl: string;
    };
    expect(shown.language).toBe('ar');
    expect(shown.title).toBe('التصريح بمداخيلي لدى CAF (كل 3 أشهر)');
    expect(shown.steps[1]?.text).toBe(
      'اكتب الرمز المكوّن من 6 أرقام الذي وصلك بالبريد الإلكتروني أو برسالة نصية.',
    );
    expect(shown.steps[1]?.problems[0]?.title).toBe('لم يصلني الرمز');
    expect(shown.startUrl).toBe('https://wwwd.caf.fr/wps/portal/caffr/login');
  });

  it('says a procedure is shown in French when it is not complete in the language asked', async () => {
    const demo = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { title: Record<string, string> };
    delete demo.title.ar;
    writeFileSync(join(dir, 'demo-attestation.json'), JSON.stringify(demo));
    const { code, out, err } = await cli([
      'catalogue',
      'show',
      'demo-attestation',
      '--lang',
      'ar',
      '--dir',
      dir,
    ]);
    expect(code).toBe(0);
    expect(err).toBe(
      'demo-attestation is not complete in ar: shown in French, as visitors see it\n',
    );
    expect((JSON.parse(out) as { title: string }).title).toBe('Obtenir une attestation');
  });

  it('refuses an unknown procedure or language', async () => {
    expect((await cli(['catalogue', 'show', 'absent'])).code).toBe(1);
    const wrong = await cli(['catalogue', 'show', 'caf-declaration-trimestrielle', '--lang', 'de']);
    expect(wrong).toMatchObject({
      code: 2,
      err: 'unknown language "de": one of fr, en, ar, es, pt, ro, uk, fa\n',
    });
  });
});
