import translateIcon from '@material-symbols/svg-400/rounded/translate.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { AlertDialog } from '../kit/AlertDialog';
import { Icon } from '../kit/Icon';
import { LANGUAGE_NAMES } from '../kit/languages';
import { LanguageButtons } from './LanguageButtons';

interface LanguageButtonProps {
  languages: LanguageCode[];
  current: LanguageCode;
  onChoose: (language: LanguageCode) => void;
}

/**
 * The visitor's language during the visit: one button naming the current
 * language; it opens the list of languages, each in its own name and script.
 */
export function LanguageButton({ languages, current, onChoose }: LanguageButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (languages.length < 2) return null;
  return (
    <>
      <button
        type="button"
        className="big-button big-button--compact"
        data-testid="language-button"
        aria-label={`${t('home.language')} : ${LANGUAGE_NAMES[current]}`}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <Icon src={translateIcon} size={40} />
        <span lang={current}>{LANGUAGE_NAMES[current]}</span>
      </button>
      {open && (
        <AlertDialog id="languages" title={t('attract.chooseLanguage')} testId="language-picker">
          <p id="languages-explain" className="dialog__text">
            {t('home.languageExplain')}
          </p>
          <LanguageButtons
            languages={languages}
            current={current}
            onChoose={(language) => {
              onChoose(language);
              setOpen(false);
            }}
          />
          <div className="dialog__actions">
            <button type="button" className="big-button" onClick={() => setOpen(false)}>
              {t('home.languageClose')}
            </button>
          </div>
        </AlertDialog>
      )}
    </>
  );
}
