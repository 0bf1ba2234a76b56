import backIcon from '@material-symbols/svg-400/rounded/arrow_back.svg';
import { useTranslation } from 'react-i18next';
import { Icon } from '../kit/Icon';

/** "Retour", its arrow pointing where reading comes from (mirrored right to left). */
export function BackButton({ onClick, label }: { onClick: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="big-button big-button--compact back-button" onClick={onClick}>
      <span className="directional">
        <Icon src={backIcon} size={40} />
      </span>
      {label ?? t('procedures.back')}
    </button>
  );
}
