import { useTranslation } from 'react-i18next';

/** Shown while the services are not answering yet (start or restart). */
export function StartingScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen screen--centered" data-screen="starting" aria-busy="true">
      <p className="lead" role="status">
        {t('host.starting')}
      </p>
    </main>
  );
}
