/**
 * On-screen keyboard layouts, as simple-keyboard reads them (rows of keys
 * separated by spaces; {name} for a function key). Drawn for people who do
 * not type much: digits always on their own row (a real AZERTY hides them
 * behind Shift), accents as keys of their own (no long press), and a row for
 * e-mail addresses. Latin layouts follow each language's keyboard (AZERTY for
 * French, QWERTY otherwise); Arabic, Persian and Ukrainian have their own
 * script, with a key to switch to Latin letters, which sites ask for.
 */
import type { KeyboardMode, LanguageCode } from '../../../main/contract/ipc-contract';

export type LayoutId = 'fr' | 'en' | 'es' | 'pt' | 'ro' | 'uk' | 'ar' | 'fa' | 'digits';

export interface KeyboardLayout {
  default: string[];
  /** Capitals (one-shot Shift); scripts without capitals have none. */
  shift?: string[];
  /** The script's direction (keys of Arabic and Persian run right to left). */
  rtl?: boolean;
}

const DIGITS_ROW = '1 2 3 4 5 6 7 8 9 0 {bksp}';
/** Shift on the digits row: the signs password rules ask for. */
const SIGNS_ROW = '! ? # $ % & * ( ) / : {bksp}';
const EMAIL_ROW = '@ . - _ .fr .com @gmail.com';
const LATIN_BOTTOM = '{space} {next} {hide}';
const SCRIPT_BOTTOM = '{switch} {space} {next} {hide}';

function latin(rows: [string, string, string], bottom = LATIN_BOTTOM): KeyboardLayout {
  const upper = (row: string) =>
    row
      .split(' ')
      .map((key) => (key.startsWith('{') ? key : key.toLocaleUpperCase('fr')))
      .join(' ');
  return {
    default: [DIGITS_ROW, rows[0], rows[1], `{shift} ${rows[2]} {enter}`, EMAIL_ROW, bottom],
    shift: [
      SIGNS_ROW,
      upper(rows[0]),
      upper(rows[1]),
      `{shift} ${upper(rows[2])} {enter}`,
      EMAIL_ROW,
      bottom,
    ],
  };
}

const SCRIPT_LAYOUTS = {
  uk: {
    default: [
      DIGITS_ROW,
      'й ц у к е н г ш щ з х ї',
      'ф і в а п р о л д ж є ґ',
      "{shift} я ч с м и т ь б ю ' {enter}",
      EMAIL_ROW,
      SCRIPT_BOTTOM,
    ],
    shift: [
      SIGNS_ROW,
      'Й Ц У К Е Н Г Ш Щ З Х Ї',
      'Ф І В А П Р О Л Д Ж Є Ґ',
      '{shift} Я Ч С М И Т Ь Б Ю , {enter}',
      EMAIL_ROW,
      SCRIPT_BOTTOM,
    ],
  },
  // Arabic (the 101 keyboard's letters, hamza forms at hand); Western digits, which sites expect.
  ar: {
    rtl: true,
    default: [
      DIGITS_ROW,
      'ض ص ث ق ف غ ع ه خ ح ج د',
      'ش س ي ب ل ا ت ن م ك ط ذ',
      'ئ ء ؤ ر ى ة و ز ظ أ إ {enter}',
      '@ . - _ ، ؟ آ',
      SCRIPT_BOTTOM,
    ],
  },
  // Persian (ISIRI 9147 letters: پ چ ژ گ, and Persian ی and ک).
  fa: {
    rtl: true,
    default: [
      DIGITS_ROW,
      'ض ص ث ق ف غ ع ه خ ح ج چ',
      'ش س ی ب ل ا ت ن م ک گ',
      'ظ ط ز ر ذ د پ و ژ آ ء {enter}',
      '@ . - _ ، ؟',
      SCRIPT_BOTTOM,
    ],
  },
} satisfies Record<string, KeyboardLayout>;

export const LAYOUTS: Record<LayoutId, KeyboardLayout> = {
  fr: latin(['a z e r t y u i o p é è', 'q s d f g h j k l m à ù', "w x c v b n ç ê '"]),
  en: latin(['q w e r t y u i o p', "a s d f g h j k l '", 'z x c v b n m ,']),
  es: latin(['q w e r t y u i o p á é', 'a s d f g h j k l ñ í ó', 'z x c v b n m ú ü ,']),
  pt: latin(['q w e r t y u i o p á â ã', 'a s d f g h j k l ç é ê', 'z x c v b n m í ó ô õ ú']),
  ro: latin(['q w e r t y u i o p ă î', 'a s d f g h j k l ș ț â', 'z x c v b n m , .']),
  ...SCRIPT_LAYOUTS,
  digits: {
    default: ['1 2 3', '4 5 6', '7 8 9', '+ 0 {bksp}', '{next} {enter} {hide}'],
  },
};

/** The Latin layout a visitor of each language knows best (Maghreb: AZERTY; Ukraine, Afghanistan: QWERTY). */
const LATIN_FOR: Record<LanguageCode, LayoutId> = {
  fr: 'fr',
  en: 'en',
  es: 'es',
  pt: 'pt',
  ro: 'ro',
  ar: 'fr',
  uk: 'en',
  fa: 'en',
};

/** The visitor's own script, when it is not Latin. */
const SCRIPT_FOR: Partial<Record<LanguageCode, LayoutId>> = { ar: 'ar', fa: 'fa', uk: 'uk' };

/**
 * The layouts a keyboard offers, the first shown first. Official sites want
 * Latin letters (names, identifiers, addresses): their fields open in Latin,
 * with the visitor's script one key away; the kiosk's own fields open in the
 * visitor's script.
 */
export function layoutsFor(
  mode: KeyboardMode,
  language: LanguageCode,
  target: 'site' | 'kiosk',
): LayoutId[] {
  if (mode === 'digits') return ['digits'];
  const latinLayout = LATIN_FOR[language];
  const script = SCRIPT_FOR[language];
  if (!script) return [latinLayout];
  if (mode === 'email' || target === 'site') return [latinLayout, script];
  return [script, latinLayout];
}
