import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import ar from '../locales/ar.json';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

/** French is the reference catalogue; the others must carry the same keys. */
export const catalogues = { fr, en, ar } as const;

export async function createI18n(language: LanguageCode = 'fr'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'fr',
    resources: {
      fr: { translation: fr },
      en: { translation: en },
      ar: { translation: ar },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(instance, language);
  return instance;
}

/** Switches the catalogue and the whole page's language and direction. */
export async function switchLanguage(instance: i18n, language: LanguageCode): Promise<void> {
  await instance.changeLanguage(language);
  applyDocumentLanguage(instance, language);
}

function applyDocumentLanguage(instance: i18n, language: LanguageCode): void {
  document.documentElement.lang = language;
  document.documentElement.dir = instance.dir(language);
}
