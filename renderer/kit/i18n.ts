import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageDirection, type LanguageCode } from '../../main/contract/ipc-contract';
import ar from '../locales/ar.json';
import en from '../locales/en.json';
import es from '../locales/es.json';
import fa from '../locales/fa.json';
import fr from '../locales/fr.json';
import pt from '../locales/pt.json';
import ro from '../locales/ro.json';
import uk from '../locales/uk.json';

/** French is the reference catalogue; the others must carry the same keys (tests/renderer/catalogues). */
export const catalogues = { fr, en, ar, es, pt, ro, uk, fa } as const satisfies Record<
  LanguageCode,
  unknown
>;

export async function createI18n(language: LanguageCode = 'fr'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    // A key missing in a catalogue shows in French (the coverage test fails on it first).
    fallbackLng: 'fr',
    resources: Object.fromEntries(
      Object.entries(catalogues).map(([code, translation]) => [code, { translation }]),
    ),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return instance;
}

/** Switches the catalogue and the whole page's language and direction. */
export async function switchLanguage(instance: i18n, language: LanguageCode): Promise<void> {
  await instance.changeLanguage(language);
  applyDocumentLanguage(language);
}

function applyDocumentLanguage(language: LanguageCode): void {
  document.documentElement.lang = language;
  document.documentElement.dir = languageDirection(language);
}
