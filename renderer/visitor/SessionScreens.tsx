import lockIcon from '@material-symbols/svg-400/rounded/lock.svg';
import sweepIcon from '@material-symbols/svg-400/rounded/cleaning_services.svg';
import blockIcon from '@material-symbols/svg-400/rounded/block.svg';
import { useTranslation } from 'react-i18next';
import { Icon } from '../kit/Icon';

/** Between two visitors, for the fraction of a second the wipe takes. */
export function ResettingScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen screen--centered message" data-screen="resetting" aria-busy="true">
      <Icon src={sweepIcon} size={112} />
      <h1 className="message__title">{t('resetting.title')}</h1>
      <p className="lead">{t('resetting.explain')}</p>
    </main>
  );
}

/** Staff mode with a sale open and nobody at the screen: locked, never reset. */
export function LockedScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen screen--centered message" data-screen="locked">
      <Icon src={lockIcon} size={112} />
      <h1 className="message__title">{t('locked.title')}</h1>
      <p className="lead">{t('locked.explain')}</p>
    </main>
  );
}

/** Locked "hors service" from the fleet console: the admin's message (as written), and where to go. */
export function OutOfServiceScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <main className="screen screen--centered message" data-screen="out-of-service">
      <Icon src={blockIcon} size={112} />
      <h1 className="message__title">{t('outOfService.title')}</h1>
      <p className="lead">{t('outOfService.explain')}</p>
      <p className="lead" lang="fr" dir="ltr" data-testid="out-of-service-message">
        {message}
      </p>
    </main>
  );
}
