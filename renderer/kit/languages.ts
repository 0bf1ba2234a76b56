import type { LanguageCode } from '../../main/contract/ipc-contract';

/**
 * Each language is shown in its own name and script (an endonym), never as a
 * flag: a language is not a country. Persian is named as Afghans and Iranians
 * both read it (Dari is Afghanistan's Persian).
 */
export const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
  es: 'Español',
  pt: 'Português',
  ro: 'Română',
  uk: 'Українська',
  fa: 'فارسی / دری',
};
