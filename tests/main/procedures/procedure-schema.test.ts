import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkProcedureText,
  loadCatalogue,
  loadCatalogueFolder,
} from '../../../main/procedures/catalogue-loader.js';
import { countWords } from '../../../main/procedures/procedure-schema.js';

const FIXTURE = join(process.cwd(), 'tests', 'fixtures', 'procedures');
const NAME = 'demo-attestation.json';
const demo = () =>
  JSON.parse(readFileSync(join(FIXTURE, NAME), 'utf8')) as Record<string, unknown> & {
    steps: Record<string, unknown>[];
  };

/** The problems of the demo file after `change`. */
function problemsAfter(change: (file: ReturnType<typeof demo>) => void): string[] {
  const file = demo();
  change(file);
  const check = checkProcedureText(NAME, JSON.stringify(file));
  return check.ok ? [] : check.problems;
}

describe('a procedure file', () => {
  it('is valid as written', () => {
    expect(checkProcedureText(NAME, readFileSync(join(FIXTURE, NAME), 'utf8')).ok).toBe(true);
  });

  it.each([
    [
      'a text without French',
      (f: ReturnType<typeof demo>) => (f.title = { en: 'Get a certificate' }),
      'demo-attestation.json: title: the French text (fr) is required',
    ],
    [
      'a language the kiosk does not have',
      (f: ReturnType<typeof demo>) => (f.summary = { fr: 'Télécharger.', de: 'Herunterladen.' }),
      'demo-attestation.json: summary: Unrecognized key: "de"',
    ],
    [
      'a step longer than 20 French words',
      (f: ReturnType<typeof demo>) =>
        ((f.steps[2] as { text: object }).text = {
          fr: 'Touchez le bouton bleu qui se trouve en bas de la page, à droite, juste sous le cadre gris, puis attendez un peu.',
        }),
      'demo-attestation.json: steps.2.text: at most 20 words in French (one idea per step)',
    ],
    [
      'a step matched on a host outside the procedure’s sites',
      (f: ReturnType<typeof demo>) =>
        ((f.steps[1] as { match: object[] }).match = [{ host: 'evil.example.com', path: '/x' }]),
      'demo-attestation.json: steps.1.match.0.host: evil.example.com is not one of the procedure’s sites',
    ],
    [
      'a path pattern that does not start with /',
      (f: ReturnType<typeof demo>) =>
        ((f.steps[3] as { match: object[] }).match = [{ host: 'demo.example.fr', path: 'compte' }]),
      'demo-attestation.json: steps.3.match.0.path: Invalid string: must start with "/"',
    ],
    [
      'a start page outside its sites',
      (f: ReturnType<typeof demo>) => (f.startUrl = 'https://www.google.com/'),
      'demo-attestation.json: startUrl: the start page must be on one of the procedure’s sites',
    ],
    [
      'two steps with the same id',
      (f: ReturnType<typeof demo>) => ((f.steps[1] as { id: string }).id = 'login'),
      'demo-attestation.json: steps.1.id: step id "login" is used twice',
    ],
    [
      'an unknown pictogram',
      (f: ReturnType<typeof demo>) => ((f.steps[0] as { pictogram: string }).pictogram = 'unicorn'),
      'demo-attestation.json: steps.0.pictogram: Invalid option',
    ],
    [
      'an unknown category',
      (f: ReturnType<typeof demo>) => (f.category = 'loisirs'),
      'demo-attestation.json: category: Invalid option',
    ],
    [
      'a field the format does not have',
      (f: ReturnType<typeof demo>) => ((f.steps[0] as { hint: string }).hint = 'x'),
      'demo-attestation.json: steps.0: Unrecognized key: "hint"',
    ],
    [
      'no source',
      (f: ReturnType<typeof demo>) => (f.sources = []),
      'demo-attestation.json: sources: Too small',
    ],
  ])('names the field of %s', (_what, change, expected) => {
    const problems = problemsAfter(change);
    expect(
      problems.some((line) => line.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('must be named after its id, and be JSON', () => {
    const text = readFileSync(join(FIXTURE, NAME), 'utf8');
    expect(checkProcedureText('attestation.json', text)).toEqual({
      ok: false,
      problems: ['attestation.json: id: the file must be named demo-attestation.json'],
    });
    const broken = checkProcedureText(NAME, text.slice(0, 200));
    expect(broken.ok ? [] : broken.problems).toEqual([
      expect.stringMatching(/^demo-attestation\.json: not valid JSON/),
    ]);
  });

  it('counts the words a person reads', () => {
    expect(countWords('Touchez « Mes attestations ».')).toBe(3);
    expect(countWords('Tapez le code à 6 chiffres — reçu par SMS.')).toBe(9);
  });
});

describe('catalogue folders', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('refuse a file with a mistake alone; the others load', () => {
    dir = mkdtempSync(join(tmpdir(), 'borne-catalogue-'));
    writeFileSync(join(dir, NAME), readFileSync(join(FIXTURE, NAME)));
    const broken = demo();
    broken.id = 'demo-cassee';
    broken.startUrl = 'https://www.google.com/';
    writeFileSync(join(dir, 'demo-cassee.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'LISEZMOI.md'), '# not a procedure');
    const folder = loadCatalogueFolder(dir);
    expect(folder.procedures.map(({ procedure }) => procedure.id)).toEqual(['demo-attestation']);
    expect(folder.problems).toEqual([
      'demo-cassee.json: startUrl: the start page must be on one of the procedure’s sites',
    ]);
  });

  it('add to the built-in catalogue, and replace a built-in procedure with the same id', () => {
    dir = mkdtempSync(join(tmpdir(), 'borne-catalogue-'));
    const local = demo();
    (local.title as Record<string, string>).fr = 'Attestation (version du point d’accueil)';
    writeFileSync(join(dir, NAME), JSON.stringify(local));
    const catalogue = loadCatalogue({ builtIn: FIXTURE, extra: dir });
    expect(catalogue.procedures.get('demo-attestation')?.title.fr).toBe(
      'Attestation (version du point d’accueil)',
    );
    expect(catalogue.files.get('demo-attestation')).toBe(join(dir, NAME));
    expect(loadCatalogue({ builtIn: FIXTURE, extra: join(dir, 'absent') }).problems).toEqual([
      expect.stringMatching(/absent: cannot read the catalogue folder \(ENOENT\)$/),
    ]);
  });
});
