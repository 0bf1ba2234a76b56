import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard from 'react-simple-keyboard';
import 'react-simple-keyboard/build/css/index.css';
import type { EditKey, KeyboardMode, LanguageCode } from '../../../main/contract/ipc-contract';
import { LAYOUTS, type LayoutId, layoutsFor } from './keyboard-layouts';

export interface KeyboardTarget {
  mode: KeyboardMode;
  /** A password: keys neither light up nor show what was typed. */
  secret: boolean;
  /** The official site's field, or one of the kiosk's own. */
  target: 'site' | 'kiosk';
}

interface OnScreenKeyboardProps extends KeyboardTarget {
  language: LanguageCode;
  onText: (text: string) => void;
  onKey: (key: EditKey) => void;
  onHide: () => void;
}

/** The name of the other layout on the switch key, in its own script. */
const SWITCH_LABELS: Record<LayoutId, string> = {
  fr: 'ABC',
  en: 'ABC',
  es: 'ABC',
  pt: 'ABC',
  ro: 'ABC',
  uk: 'АБВ',
  ar: 'أ ب ت',
  fa: 'ا ب پ',
  digits: '123',
};

/**
 * The on-screen keyboard (simple-keyboard, drawn with real buttons): one key
 * touch gives one character or one edit, passed to `onText` / `onKey`; Shift
 * lasts one letter, as on phones.
 */
export function OnScreenKeyboard({
  mode,
  secret,
  target,
  language,
  onText,
  onKey,
  onHide,
}: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const choices = layoutsFor(mode, language, target);
  const [chosen, setChosen] = useState(0);
  const [shifted, setShifted] = useState(false);
  const layoutId = choices[chosen % choices.length] ?? 'fr';
  const other = choices.length > 1 ? choices[(chosen + 1) % choices.length] : undefined;
  const layout = LAYOUTS[layoutId];

  const rows = useMemo(() => {
    const withSwitch = (list: string[]) =>
      other
        ? list.map((row, index) =>
            index === list.length - 1 && !row.includes('{switch}') ? `{switch} ${row}` : row,
          )
        : list.map((row) => row.replace('{switch} ', ''));
    return {
      default: withSwitch(layout.default),
      shift: withSwitch(layout.shift ?? layout.default),
    };
  }, [layout, other]);

  const labels: Record<string, string> = {
    '{bksp}': `⌫ ${t('keyboard.erase')}`,
    '{enter}': `⏎ ${t('keyboard.enter')}`,
    // The arrow alone (named for screen readers): the word does not fit a key in every language.
    '{shift}': '⇧',
    '{space}': t('keyboard.space'),
    '{next}': `⇥ ${t('keyboard.next')}`,
    '{hide}': `⌄ ${t('keyboard.hide')}`,
    '{switch}': other ? SWITCH_LABELS[other] : '',
  };

  const press = (button: string) => {
    switch (button) {
      case '{bksp}':
        return onKey('Backspace');
      case '{enter}':
        return onKey('Enter');
      case '{next}':
        return onKey('Tab');
      case '{hide}':
        return onHide();
      case '{shift}':
        return setShifted((value) => !value);
      case '{switch}':
        setShifted(false);
        return setChosen((value) => value + 1);
      case '{space}':
        return onText(' ');
      default:
        onText(button);
        if (shifted) setShifted(false);
    }
  };

  const classes = ['keyboard', `keyboard--${layoutId}`];
  if (secret) classes.push('keyboard--secret');
  return (
    <div
      className={classes.join(' ')}
      data-testid="on-screen-keyboard"
      data-layout={layoutId}
      data-mode={mode}
      role="group"
      aria-label={t('keyboard.title')}
      // Keys sit where a physical keyboard has them (ض where Q is), whatever the script's direction.
      dir="ltr"
      lang={layoutId === 'digits' ? undefined : layoutId}
    >
      <Keyboard
        layout={rows}
        layoutName={shifted && layout.shift ? 'shift' : 'default'}
        display={labels}
        useButtonTag
        preventMouseDownDefault
        disableButtonHold
        disableCaretPositioning
        rtl={layout.rtl ?? false}
        buttonTheme={[
          { class: 'keyboard__key--wide', buttons: '{space}' },
          { class: 'keyboard__key--long', buttons: '@gmail.com' },
          {
            class: 'keyboard__key--action',
            buttons: '{enter} {next} {hide} {bksp} {shift} {switch}',
          },
          ...(shifted ? [{ class: 'keyboard__key--on', buttons: '{shift}' }] : []),
        ]}
        buttonAttributes={[
          { attribute: 'type', value: 'button', buttons: allButtons(rows) },
          { attribute: 'aria-label', value: t('keyboard.shift'), buttons: '{shift}' },
          ...(shifted ? [{ attribute: 'aria-pressed', value: 'true', buttons: '{shift}' }] : []),
        ]}
        onKeyPress={press}
      />
    </div>
  );
}

function allButtons(rows: { default: string[]; shift: string[] }): string {
  return [...new Set([...rows.default, ...rows.shift].flatMap((row) => row.split(' ')))].join(' ');
}
