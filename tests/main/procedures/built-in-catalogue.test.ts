/**
 * The catalogue shipped with Borne, held to what the issue asks of its
 * content: the ten procedures, every text in French, English and Arabic, one
 * short idea per step with a read-aloud text, sources, and start pages the
 * navigation policy lets through.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInCatalogueDir, loadCatalogue } from '../../../main/procedures/catalogue-loader.js';
import { countWords, MAX_STEP_WORDS } from '../../../main/procedures/procedure-schema.js';
import { missingTranslations } from '../../../main/procedures/procedure-text.js';
import { LANGUAGE_CODES } from '../../../main/contract/ipc-contract.js';
import { decideNavigation } from '../../../main/shell/navigation-policy.js';

const catalogue = loadCatalogue({ builtIn: builtInCatalogueDir() });
const procedures = [...catalogue.procedures.values()];

describe('the built-in catalogue', () => {
  it('loads without a problem and has the ten procedures', () => {
    expect(catalogue.problems).toEqual([]);
    expect([...catalogue.procedures.keys()].sort()).toEqual(
      [
        'france-travail-actualisation',
        'france-travail-inscription',
        'caf-declaration-trimestrielle',
        'ameli-attestation-droits',
        'impots-declaration-revenus',
        'anef-titre-sejour',
        'franceconnect-connexion',
        'creer-adresse-email',
        'lire-repondre-email',
        'imprimer-document-email',
      ].sort(),
    );
    expect(existsSync(join(builtInCatalogueDir(), 'SOURCES.md'))).toBe(true);
  });

  it.each([
    'france-travail-actualisation',
    'caf-declaration-trimestrielle',
    'ameli-attestation-droits',
  ])('%s is complete in all eight visitor languages, each in its own script', (id) => {
    const procedure = procedures.find((candidate) => candidate.id === id);
    if (!procedure) throw new Error(`${id} is missing`);
    for (const language of LANGUAGE_CODES) {
      expect(missingTranslations(procedure, language), language).toEqual([]);
    }
    for (const step of procedure.steps) {
      expect(step.text.uk, step.id).toMatch(/\p{Script=Cyrillic}/u);
      expect(step.text.fa, step.id).toMatch(/[\u0600-\u06FF]/);
      // Persian, not Arabic: its own letters where the words have them.
      for (const language of ['es', 'pt', 'ro'] as const)
        expect(step.text[language], `${step.id} ${language}`).not.toBe(step.text.fr);
    }
    expect(JSON.stringify(procedure).match(/[پچژگ]/g)?.length ?? 0).toBeGreaterThan(10);
  });

  it.each(procedures.map((procedure) => [procedure.id, procedure] as const))(
    '%s is complete in fr, en and ar, in short steps read aloud',
    (_id, procedure) => {
      for (const language of ['fr', 'en', 'ar'] as const) {
        expect(missingTranslations(procedure, language), language).toEqual([]);
      }
      expect(procedure.steps.length).toBeGreaterThanOrEqual(4);
      for (const step of procedure.steps) {
        expect(countWords(step.text.fr ?? ''), step.id).toBeLessThanOrEqual(MAX_STEP_WORDS);
        expect(step.readAloud.fr?.length, step.id).toBeGreaterThan(step.text.fr?.length ?? 0);
        // Arabic text is written in Arabic (site labels inside it stay in Latin script).
        expect(step.text.ar, step.id).toMatch(/[\u0600-\u06FF]/);
      }
      expect(procedure.end.done.length + procedure.end.next.length).toBeGreaterThan(0);
      expect(procedure.sources.length).toBeGreaterThan(0);
      const start = decideNavigation(procedure.startUrl, {
        appOrigin: 'http://127.0.0.1:5180',
        sites: procedure.sites,
      });
      expect(start).toEqual({ action: 'allow', target: 'site' });
    },
  );

  it('offers a way out for the problems visitors meet: passwords, codes, FranceConnect, expired sessions', () => {
    const titles = procedures.flatMap((procedure) =>
      procedure.steps.flatMap((step) => step.problems.map((problem) => problem.title.fr ?? '')),
    );
    expect(titles.filter((title) => /mot de passe/.test(title)).length).toBeGreaterThanOrEqual(5);
    expect(titles.filter((title) => /code/.test(title)).length).toBeGreaterThanOrEqual(3);
    expect(titles.filter((title) => /FranceConnect/.test(title)).length).toBeGreaterThanOrEqual(3);
    expect(titles.filter((title) => /session a expiré/.test(title)).length).toBeGreaterThanOrEqual(
      3,
    );
  });
});
