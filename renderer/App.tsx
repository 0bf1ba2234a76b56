import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode, SessionView } from '../main/contract/ipc-contract';
import type { HostClient } from './kit/host-client';
import { switchLanguage } from './kit/i18n';
import { stopReading } from './kit/read-aloud';
import { useActivityReporter } from './kit/useActivityReporter';
import { useHostState } from './kit/useHostState';
import { useStaffView } from './kit/useStaffView';
import { useWedgeReader } from './kit/useWedgeReader';
import { AttractScreen } from './visitor/AttractScreen';
import { HomeScreen } from './visitor/HomeScreen';
import { IdleWarning } from './visitor/IdleWarning';
import { LockedScreen, ResettingScreen } from './visitor/SessionScreens';
import { StaffNotice } from './staff/StaffNotice';
import { StaffPinDialog } from './staff/StaffPinDialog';
import { StaffScreen } from './staff/StaffScreen';
import { ReaderNotice } from './visitor/ReaderNotice';
import { StartingScreen } from './visitor/StartingScreen';
import { useReaderNotice } from './visitor/useReaderNotice';

export function App({ host }: { host: HostClient }) {
  const { info, session } = useHostState(host);
  const staff = useStaffView(host);
  // Staff at the screen are not a visitor: no visitor session starts or lasts for them.
  useActivityReporter(host, staff.state === 'signed-in' ? undefined : session?.kind);
  useWedgeReader(host, info?.wedge);
  if (!info || !session) return <StartingScreen />;
  if (staff.state === 'signed-in') return <StaffScreen host={host} info={info} view={staff} />;
  return (
    <>
      {/* A new session id remounts everything: no state of one visitor survives into the next. */}
      <VisitorSession key={session.sessionId} host={host} info={info} session={session} />
      {staff.state === 'pin' && <StaffPinDialog host={host} view={staff} />}
      <StaffNotice view={staff} />
    </>
  );
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
  const reader = useReaderNotice(host);

  if (session.kind === 'resetting') return <ResettingScreen />;
  if (session.kind === 'locked') return <LockedScreen />;
  return (
    <>
      {session.kind === 'attract' ? (
        <AttractScreen
          info={info}
          language={language}
          onChooseLanguage={setChosen}
          onStart={() => void host.call('session.activity', {})}
        />
      ) : (
        <HomeScreen
          info={info}
          language={language}
          onChooseLanguage={setChosen}
          onEnd={() => void host.call('session.end', {})}
          onShowCard={reader.showCard}
        />
      )}
      {session.kind === 'idle-warning' && (
        <IdleWarning
          remainingMs={session.warningRemainingMs ?? session.warningSeconds * 1000}
          onContinue={() => void host.call('session.continue', {})}
        />
      )}
      {/* One notice for the whole visit: a card read on the attract screen starts the session. */}
      <ReaderNotice
        host={host}
        notice={reader.notice}
        onNotice={reader.setNotice}
        onForget={reader.forgetCard}
      />
    </>
  );
}
