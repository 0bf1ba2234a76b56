import idCardIcon from '@material-symbols/svg-400/rounded/id_card.svg';
import logoutIcon from '@material-symbols/svg-400/rounded/delete_sweep.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { AidsBar } from './AidsBar';
import { EndSessionDialog } from './EndSessionDialog';

export interface SessionBarProps {
  info: AppInfo;
  language: LanguageCode;
  onChooseLanguage: (language: LanguageCode) => void;
  onEnd: () => void;
  /** Shows the ID card read in this visit again (absent when none is held). */
  onShowCard?: () => void;
}

/** Always on a visitor's screen: the place, the aids, their card, and "erase my data". */
export function SessionBar({
  info,
  language,
  onChooseLanguage,
  onEnd,
  onShowCard,
}: SessionBarProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <header className="sessionbar">
      <span className="topbar__site">{info.siteName}</span>
      <AidsBar
        languages={info.languages.enabled}
        language={language}
        onChooseLanguage={onChooseLanguage}
      />
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
    <button
      type="button"
      className="big-button end-button"
      data-testid="end-button"
      onClick={onClick}
    >
      <Icon src={logoutIcon} size={40} />
      {t('session.end.button')}
    </button>
  );
}
