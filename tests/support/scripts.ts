import type { LanguageCode } from '../../main/contract/ipc-contract.js';

/** The script each visitor language is written in: a translation in another script is no translation. */
export const LANGUAGE_SCRIPTS: Record<LanguageCode, RegExp> = {
  fr: /\p{Script=Latin}/u,
  en: /\p{Script=Latin}/u,
  es: /\p{Script=Latin}/u,
  pt: /\p{Script=Latin}/u,
  ro: /\p{Script=Latin}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  uk: /\p{Script=Cyrillic}/u,
};
