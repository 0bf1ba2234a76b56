import playIcon from '@material-symbols/svg-400/rounded/play_arrow.svg';
import { useTranslation } from 'react-i18next';
import type { ProcedureView } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { PICTOGRAM_ICONS } from '../kit/pictograms';
import { ScreenHeading } from './ScreenHeading';

/** Before starting: what the procedure is, what to have at hand, and how the guide works. */
export function ProcedureIntro({
  procedure,
  onBack,
  onStart,
}: {
  procedure: ProcedureView;
  onBack: () => void;
  onStart: () => void;
}) {
  const { t, i18n } = useTranslation();
  const inFrench = procedure.language !== i18n.language;
  return (
    <section className="intro" data-testid="procedure-intro">
      <ScreenHeading
        title={procedure.title}
        language={procedure.language}
        onBack={onBack}
        spoken={[
          procedure.title,
          procedure.summary,
          procedure.bring.length > 0 ? t('procedures.bring', { lng: procedure.language }) : '',
          ...procedure.bring.map((item) => item.text),
        ].join(' ')}
      />
      {inFrench && <p className="notice">{t('procedures.inFrench')}</p>}
      <p className="lead" lang={procedure.language}>
        {procedure.summary}
      </p>
      <h2 className="intro__subtitle">
        {procedure.bring.length > 0 ? t('procedures.bring') : t('procedures.bringNothing')}
      </h2>
      <ul className="bring" lang={procedure.language}>
        {procedure.bring.map((item) => (
          <li key={item.text} className="bring__item">
            <Icon src={PICTOGRAM_ICONS[item.pictogram]} size={56} />
            {item.text}
          </li>
        ))}
      </ul>
      <p className="intro__explain">{t('procedures.introExplain')}</p>
      <button
        type="button"
        className="big-button big-button--primary big-button--huge"
        data-testid="start-procedure"
        onClick={onStart}
      >
        <Icon src={playIcon} size={56} />
        {t('procedures.start')}
      </button>
    </section>
  );
}
