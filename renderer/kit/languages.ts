import type { LanguageCode } from '../../main/contract/ipc-contract';

/**
 * Each language is shown in its own name and script (an endonym), never as a
 * flag: a language is not a country.
 */
export const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
};
