import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode, SessionView } from '../main/contract/ipc-contract';
import type { HostClient } from './kit/host-client';
import { switchLanguage } from './kit/i18n';
import { stopReading } from './kit/read-aloud';
import { useActivityReporter } from './kit/useActivityReporter';
import { useHostState } from './kit/useHostState';
import { AttractScreen } from './visitor/AttractScreen';
import { HomeScreen } from './visitor/HomeScreen';
import { IdleWarning } from './visitor/IdleWarning';
import { LockedScreen, ResettingScreen } from './visitor/SessionScreens';
import { StartingScreen } from './visitor/StartingScreen';

export function App({ host }: { host: HostClient }) {
  const { info, session } = useHostState(host);
  useActivityReporter(host, session?.kind);
  if (!info || !session) return <StartingScreen />;
  // A new session id remounts everything: no state of one visitor survives into the next.
  return <VisitorSession key={session.sessionId} host={host} info={info} session={session} />;
}

interface VisitorSessionProps {
  host: HostClient;
  info: AppInfo;
  session: SessionView;
}

function VisitorSession({ host, info, session }: VisitorSessionProps) {
  const { i18n } = useTranslation();
  // Every visitor starts in the configured default language until they choose.
  const [chosen, setChosen] = useState<LanguageCode | null>(null);
  const language = chosen ?? info.languages.default;
  useEffect(() => {
    void switchLanguage(i18n, language);
  }, [i18n, language]);
  // Nothing a visitor asked to hear goes on playing for the next one.
  useEffect(() => stopReading, []);

  switch (session.kind) {
    case 'attract':
      return (
        <AttractScreen
          info={info}
          language={language}
          onChooseLanguage={setChosen}
          onStart={() => void host.call('session.activity', {})}
        />
      );
    case 'resetting':
      return <ResettingScreen />;
    case 'locked':
      return <LockedScreen />;
    case 'active':
    case 'idle-warning':
      return (
        <>
          <HomeScreen
            info={info}
            language={language}
            onChooseLanguage={setChosen}
            onEnd={() => void host.call('session.end', {})}
          />
          {session.kind === 'idle-warning' && (
            <IdleWarning
              remainingMs={session.warningRemainingMs ?? session.warningSeconds * 1000}
              onContinue={() => void host.call('session.continue', {})}
            />
          )}
        </>
      );
  }
}
