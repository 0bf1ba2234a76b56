import logoutIcon from '@material-symbols/svg-400/rounded/delete_sweep.svg';
import helpIcon from '@material-symbols/svg-400/rounded/person_raised_hand.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { EndSessionDialog } from './EndSessionDialog';
import { LanguageButtons } from './LanguageButtons';

interface HomeScreenProps {
  info: AppInfo;
  language: LanguageCode;
  onChooseLanguage: (language: LanguageCode) => void;
  onEnd: () => void;
}

/** The visitor's session: the always-visible bar, and what they can do. */
export function HomeScreen({ info, language, onChooseLanguage, onEnd }: HomeScreenProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="screen" data-screen="home">
      <header className="sessionbar">
        <span className="topbar__site">{info.siteName}</span>
        <nav className="sessionbar__languages" aria-label={t('home.language')}>
          <LanguageButtons
            languages={info.languages.enabled}
            current={language}
            onChoose={onChooseLanguage}
            compact
          />
        </nav>
        <button type="button" className="big-button end-button" onClick={() => setConfirming(true)}>
          <Icon src={logoutIcon} size={40} />
          {t('session.end.button')}
        </button>
      </header>
      <main className="home">
        <h1 className="home__title">{t('home.title')}</h1>
        <ReadAloudButton text={`${t('home.title')} ${t('home.soon')}`} />
        <p className="lead home__soon">
          <Icon src={helpIcon} size={44} />
          {t('home.soon')}
        </p>
      </main>
      {confirming && <EndSessionDialog onConfirm={onEnd} onCancel={() => setConfirming(false)} />}
    </div>
  );
}
