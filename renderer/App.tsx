import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode } from '../main/contract/ipc-contract';
import type { HostClient } from './kit/host-client';
import { switchLanguage } from './kit/i18n';
import { AttractScreen } from './visitor/AttractScreen';
import { StartingScreen } from './visitor/StartingScreen';

const RETRY_MS = 1000;

export function App({ host }: { host: HostClient }) {
  const { i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      host.call('app.info', {}).then(
        (next) => {
          if (!cancelled) setInfo(next);
        },
        () => {
          // The host is (re)starting: keep the waiting screen and ask again.
          if (!cancelled) timer = setTimeout(load, RETRY_MS);
        },
      );
    };
    load();
    const unsubscribers = [host.on('app.info.changed', setInfo), host.on('host.reconnected', load)];
    return () => {
      cancelled = true;
      clearTimeout(timer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [host]);

  // Every visitor starts in the configured default language until they choose.
  const [chosen, setChosen] = useState<LanguageCode | null>(null);
  const language = chosen ?? info?.languages.default ?? 'fr';
  useEffect(() => {
    void switchLanguage(i18n, language);
  }, [i18n, language]);

  if (!info) return <StartingScreen />;
  return <AttractScreen info={info} language={language} onChooseLanguage={setChosen} />;
}
