import cloudOffIcon from '@material-symbols/svg-400/rounded/cloud_off.svg';
import refreshIcon from '@material-symbols/svg-400/rounded/refresh.svg';
import { useTranslation } from 'react-i18next';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { CallVolunteerButton } from './HelpBand';

/** The procedure's site does not answer: said plainly, with what to do. */
export function SiteUnreachable({
  siteName,
  onRetry,
  onLeave,
}: {
  siteName: string;
  onRetry: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation();
  const explain = t('guide.unreachable.explain', { site: `\u2068${siteName}\u2069` });
  return (
    <main className="screen screen--centered message" data-screen="site-unreachable">
      <Icon src={cloudOffIcon} size={112} />
      <h1 className="message__title">{t('guide.unreachable.title')}</h1>
      <p className="lead">{explain}</p>
      <p className="lead">{t('guide.unreachable.what')}</p>
      <ReadAloudButton
        text={`${t('guide.unreachable.title')}. ${explain} ${t('guide.unreachable.what')}`}
      />
      <div className="dialog__actions">
        <button type="button" className="big-button big-button--primary" onClick={onRetry}>
          <Icon src={refreshIcon} size={40} />
          {t('guide.unreachable.retry')}
        </button>
        <CallVolunteerButton compact={false} />
        <button
          type="button"
          className="big-button"
          data-testid="unreachable-leave"
          onClick={onLeave}
        >
          {t('guide.unreachable.back')}
        </button>
      </div>
    </main>
  );
}
