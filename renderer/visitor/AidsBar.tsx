import bookIcon from '@material-symbols/svg-400/rounded/menu_book.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { useVisitorAids } from '../kit/visitor-aids';
import { DisplayButton, DisplayDialog } from './DisplayDialog';
import { CallVolunteerButton } from './HelpBand';
import { LanguageButton } from './LanguagePicker';

export interface LanguageChoice {
  languages: LanguageCode[];
  language: LanguageCode;
  onChooseLanguage: (language: LanguageCode) => void;
}

/** The aids on every visitor screen: a volunteer, the language, the display, the difficult words. */
export function AidsBar({ languages, language, onChooseLanguage }: LanguageChoice) {
  const { t } = useTranslation();
  const { openGlossary } = useVisitorAids();
  const [display, setDisplay] = useState(false);
  return (
    <div className="aids" role="group" aria-label={t('aids.label')}>
      <CallVolunteerButton />
      <LanguageButton languages={languages} current={language} onChoose={onChooseLanguage} />
      <DisplayButton onOpen={() => setDisplay(true)} />
      <button
        type="button"
        className="big-button big-button--compact"
        data-testid="glossary-button"
        onClick={(event) => {
          event.stopPropagation();
          openGlossary();
        }}
      >
        <Icon src={bookIcon} size={40} />
        {t('glossary.button')}
      </button>
      {display && <DisplayDialog onClose={() => setDisplay(false)} />}
    </div>
  );
}
