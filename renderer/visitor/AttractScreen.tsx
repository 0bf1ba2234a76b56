import translateIcon from '@material-symbols/svg-400/rounded/translate.svg';
import wavingHandIcon from '@material-symbols/svg-400/rounded/waving_hand.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { DisplayButton, DisplayDialog } from './DisplayDialog';
import { CallVolunteerButton } from './HelpBand';
import { LanguageButtons } from './LanguageButtons';

interface AttractScreenProps {
  info: AppInfo;
  language: LanguageCode;
  onChooseLanguage: (language: LanguageCode) => void;
  /** The first completed touch anywhere on the screen. */
  onStart: () => void;
}

/** Keeps a left-to-right code readable inside right-to-left text (Unicode isolate). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** What a visitor sees first: a welcome, and the choice of language (the first touch starts the session). */
export function AttractScreen({ info, language, onChooseLanguage, onStart }: AttractScreenProps) {
  const { t } = useTranslation();
  const configProblem = info.config.problems.length > 0;
  const [display, setDisplay] = useState(false);
  return (
    // A click (not a pointer-down) starts the session, so a language tap lands before the screen changes.
    <div className="screen" data-screen="attract" onClick={onStart}>
      <header className="topbar">
        <span className="topbar__site">{info.siteName}</span>
        <div className="aids">
          <DisplayButton onOpen={() => setDisplay(true)} />
          <CallVolunteerButton />
        </div>
      </header>

      <main className="attract">
        <Icon src={wavingHandIcon} size={64} />
        <h1 className="attract__title">{t('attract.title')}</h1>
        <p className="lead">{t('attract.lead')}</p>
        <ReadAloudButton
          text={`${t('attract.title')}. ${t('attract.lead')} ${t('attract.chooseLanguage')}.`}
        />

        <section className="languages" aria-labelledby="choose-language">
          <h2 id="choose-language" className="languages__title">
            <Icon src={translateIcon} size={44} />
            {t('attract.chooseLanguage')}
          </h2>
          <LanguageButtons
            languages={info.languages.enabled}
            current={language}
            onChoose={onChooseLanguage}
          />
        </section>

        {display && <DisplayDialog onClose={() => setDisplay(false)} />}
      </main>

      <footer className="statusbar">
        <span>
          {t('status.kiosk', { id: isolate(info.kioskId), version: isolate(info.version) })}
        </span>
        {configProblem && (
          <span className="statusbar__warning" data-testid="config-warning">
            {t('status.configDefaults')}
          </span>
        )}
      </footer>
    </div>
  );
}
