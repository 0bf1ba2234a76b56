import idCardIcon from '@material-symbols/svg-400/rounded/id_card.svg';
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
  /** Shows the ID card read in this visit again (absent when none is held). */
  onShowCard?: () => void;
}

/** The visitor's session: the always-visible bar, and what they can do. */
export function HomeScreen({
  info,
  language,
  onChooseLanguage,
  onEnd,
  onShowCard,
}: HomeScreenProps) {
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
        {onShowCard && (
          <button type="button" className="big-button big-button--compact" onClick={onShowCard}>
            <Icon src={idCardIcon} size={40} />
            {t('reader.idCard.show')}
          </button>
        )}
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
