import { describe, expect, it } from 'vitest';
import { LANGUAGE_SCRIPTS } from '../support/scripts.js';
import { LANGUAGE_CODES } from '../../main/contract/ipc-contract.js';
import { builtInCatalogueDir, loadCatalogue } from '../../main/procedures/catalogue-loader.js';
import { resolveProcedure } from '../../main/procedures/procedure-text.js';
import { GLOSSARY } from '../../renderer/glossary/glossary.js';
import { entriesIn, markGlossaryWords } from '../../renderer/glossary/glossary-marks.js';

describe('glossary of administrative words', () => {
  it('has at least forty words, the ones visitors meet most among them', () => {
    expect(GLOSSARY.entries.length).toBeGreaterThanOrEqual(40);
    const french = GLOSSARY.entries.map((entry) => entry.term.fr);
    for (const word of [
      'Identifiant',
      'Mot de passe',
      'Justificatif',
      'Attestation',
      'RIB',
      'Numéro fiscal',
      'Numéro de sécurité sociale',
      'FranceConnect',
      'Actualisation',
      'Allocataire',
      'Avis d’imposition',
      'Titre de séjour',
      'Récépissé',
    ])
      expect(french).toContain(word);
  });

  it('explains each word in one plain sentence, in each language’s own script', () => {
    for (const entry of GLOSSARY.entries) {
      for (const language of LANGUAGE_CODES) {
        const meaning = entry.meaning[language];
        expect(meaning, `${entry.id} ${language}`).toMatch(LANGUAGE_SCRIPTS[language]);
        expect(meaning.split(/\s+/).length, `${entry.id} ${language}`).toBeLessThanOrEqual(30);
        if (language !== 'fr')
          expect(meaning, `${entry.id} ${language}`).not.toBe(entry.meaning.fr);
      }
    }
  });

  it('marks whole words, any case, the longest form first', () => {
    const segments = markGlossaryWords(
      'Tapez votre numéro fiscal, puis votre Mot de passe. Un texte désidentifiant ne compte pas.',
      'fr',
      GLOSSARY.entries,
    );
    expect(segments.filter((segment) => segment.entry).map((segment) => segment.text)).toEqual([
      'numéro fiscal',
      'Mot de passe',
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(
      'Tapez votre numéro fiscal, puis votre Mot de passe. Un texte désidentifiant ne compte pas.',
    );
    expect(markGlossaryWords('رمز عبور خود را بنویسید', 'fa', GLOSSARY.entries)[0]?.entry?.id).toBe(
      'mot-de-passe',
    );
  });

  it('finds difficult words in the built-in guides, in French, English and Arabic', () => {
    const { procedures } = loadCatalogue({ builtIn: builtInCatalogueDir() });
    for (const language of ['fr', 'en', 'ar'] as const) {
      const marked = new Set<string>();
      for (const procedure of procedures.values()) {
        for (const step of resolveProcedure(procedure, language).steps) {
          for (const entry of entriesIn(markGlossaryWords(step.text, language, GLOSSARY.entries)))
            marked.add(entry.id);
        }
      }
      expect(marked.size, language).toBeGreaterThanOrEqual(language === 'fr' ? 15 : 8);
    }
  });
});
