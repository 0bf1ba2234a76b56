import idCardIcon from '@material-symbols/svg-400/rounded/id_card.svg';
import logoutIcon from '@material-symbols/svg-400/rounded/delete_sweep.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { EndSessionDialog } from './EndSessionDialog';
import { LanguageButtons } from './LanguageButtons';

export interface SessionBarProps {
  info: AppInfo;
  language: LanguageCode;
  onChooseLanguage: (language: LanguageCode) => void;
  onEnd: () => void;
  /** Shows the ID card read in this visit again (absent when none is held). */
  onShowCard?: () => void;
}

/** Always on a visitor's screen: the place, the languages, their card, and "erase my data". */
export function SessionBar({
  info,
  language,
  onChooseLanguage,
  onEnd,
  onShowCard,
}: SessionBarProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
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
      {onShowCard && <IdCardButton onShowCard={onShowCard} />}
      <EndButton onClick={() => setConfirming(true)} />
      {confirming && <EndSessionDialog onConfirm={onEnd} onCancel={() => setConfirming(false)} />}
    </header>
  );
}

export function IdCardButton({ onShowCard }: { onShowCard: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="big-button big-button--compact" onClick={onShowCard}>
      <Icon src={idCardIcon} size={40} />
      {t('reader.idCard.show')}
    </button>
  );
}

export function EndButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="big-button end-button" onClick={onClick}>
      <Icon src={logoutIcon} size={40} />
      {t('session.end.button')}
    </button>
  );
}
