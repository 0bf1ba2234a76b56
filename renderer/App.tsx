import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AppInfo,
  type Display,
  type HelpView,
  type LanguageCode,
  NORMAL_DISPLAY,
  type SessionView,
  type StaffView,
} from '../main/contract/ipc-contract';
import { GlossaryScreen } from './glossary/GlossaryScreen';
import type { HostClient } from './kit/host-client';
import { switchLanguage } from './kit/i18n';
import { OverlayContext } from './kit/overlay';
import { stopReading } from './kit/read-aloud';
import { useActivityReporter } from './kit/useActivityReporter';
import { useCatalogue, useGuide } from './kit/useGuide';
import { useHostState } from './kit/useHostState';
import { useStaffView } from './kit/useStaffView';
import { useHostView } from './kit/useHostView';
import { useWedgeReader } from './kit/useWedgeReader';
import { useKeyboard } from './kit/keyboard/useKeyboard';
import { OnScreenKeyboard } from './kit/keyboard/OnScreenKeyboard';
import { applyDisplay, VisitorAidsContext, type VisitorAidsValue } from './kit/visitor-aids';
import { HelpBand } from './visitor/HelpBand';
import { KeyboardStrip } from './visitor/KeyboardStrip';
import { StaffArrivedDialog } from './staff/StaffArrivedDialog';
import { AttractScreen } from './visitor/AttractScreen';
import { EndScreen } from './visitor/EndScreen';
import { GuidePanel } from './visitor/GuidePanel';
import { HomeScreen } from './visitor/HomeScreen';
import { DocumentsScreen, NO_DOCUMENTS } from './visitor/documents/DocumentsScreen';
import { DocumentPicker } from './visitor/documents/DocumentPicker';
import { ReceivedDialog } from './visitor/documents/ReceivedDialog';
import { useStopPdfAtVisitEnd } from './visitor/documents/warm-pdf';
import type { DocumentEntry } from '../main/contract/documents-contract';
import { IdleWarning } from './visitor/IdleWarning';
import { LockedScreen, OutOfServiceScreen, ResettingScreen } from './visitor/SessionScreens';
import { StaffNotice } from './staff/StaffNotice';
import { StaffPinDialog } from './staff/StaffPinDialog';
import { StaffScreen } from './staff/StaffScreen';
import { ReaderNotice } from './visitor/ReaderNotice';
import { SiteUnreachable } from './visitor/SiteUnreachable';
import { StartingScreen } from './visitor/StartingScreen';
import { useReaderNotice } from './visitor/useReaderNotice';

export function App({ host }: { host: HostClient }) {
  const { info, session } = useHostState(host);
  const staff = useStaffView(host);
  // Staff at the screen are not a visitor: no visitor session starts or lasts for them.
  useActivityReporter(host, staff.state === 'signed-in' ? undefined : session?.kind);
  useWedgeReader(host, info?.wedge);
  const reportOverlay = useOverlayReporter(host);
  const brand = info?.branding.colour;
  useEffect(() => {
    // The high-contrast display keeps its own colours (kiosk.css reads --site-brand only outside it).
    if (brand) document.documentElement.style.setProperty('--site-brand', brand);
  }, [brand]);
  if (!info || !session) return <StartingScreen />;
  if (staff.state === 'signed-in') return <StaffScreen host={host} info={info} view={staff} />;
  return (
    <OverlayContext.Provider value={reportOverlay}>
      {/* A new session id remounts everything: no state of one visitor survives into the next. */}
      <VisitorSession
        key={session.sessionId}
        host={host}
        info={info}
        session={session}
        staff={staff}
      />
      {staff.state === 'pin' && <StaffPinDialog host={host} view={staff} />}
      <StaffNotice view={staff} />
    </OverlayContext.Provider>
  );
}

/** Counts the dialogs open; the host hears when the first opens and the last closes. */
function useOverlayReporter(host: HostClient) {
  const open = useRef(0);
  return useCallback(
    (delta: 1 | -1) => {
      const before = open.current;
      open.current = Math.max(0, before + delta);
      if ((before === 0) !== (open.current === 0)) {
        void host.call('guide.overlay', { open: open.current > 0 }).catch(() => undefined);
      }
    },
    [host],
  );
}

interface VisitorSessionProps {
  host: HostClient;
  info: AppInfo;
  session: SessionView;
  /** A staff badge read during the visit: the volunteer's choice shows over it. */
  staff: StaffView;
}

const NO_CALL: HelpView = { state: 'none' };

function VisitorSession({ host, info, session, staff }: VisitorSessionProps) {
  const { t, i18n } = useTranslation();
  useStopPdfAtVisitEnd();
  // Every visitor starts in the configured default language until they choose.
  const [chosen, setChosen] = useState<LanguageCode | null>(null);
  const language = chosen ?? info.languages.default;
  useEffect(() => {
    void switchLanguage(i18n, language);
    // The guide's side of the screen and the usage log follow the visitor's language.
    void host.call('session.language', { language }).catch(() => undefined);
  }, [i18n, host, language]);
  // Nothing a visitor asked to hear goes on playing for the next one.
  useEffect(() => stopReading, []);
  const reader = useReaderNotice(host);
  /** "Mes documents" is open; with a document when the visitor asked to see what a site gave. */
  const [documentsOpen, setDocumentsOpen] = useState<{ show?: DocumentEntry } | null>(null);
  const documents = useHostView(host, 'documents.get', 'documents.changed', NO_DOCUMENTS);
  const guide = useGuide(host);
  const catalogue = useCatalogue(host, language);
  const aids = useAids(host, info);
  const siteShown = guide.state === 'guiding' && guide.site === 'open';
  const keyboard = useKeyboard(host, siteShown);
  const typingOnSite = keyboard.open?.target === 'site';
  const typingHere = keyboard.open?.target === 'kiosk';
  // The kiosk's own field stays in sight above the keyboard.
  useEffect(() => {
    if (!typingHere) return;
    document.documentElement.classList.add('with-keyboard');
    (document.activeElement as HTMLElement | null)?.scrollIntoView({ block: 'start' });
    return () => document.documentElement.classList.remove('with-keyboard');
  }, [typingHere]);
  useEffect(() => {
    if (!siteShown) return;
    void host.call('guide.keyboard', { open: typingOnSite }).catch(() => undefined);
  }, [host, siteShown, typingOnSite]);

  if (session.kind === 'resetting') return <ResettingScreen />;
  if (session.kind === 'locked') return <LockedScreen />;
  if (session.kind === 'attract' && session.outOfService) {
    return <OutOfServiceScreen message={session.outOfService.message} />;
  }
  const languageChoice = {
    languages: info.languages.enabled,
    language,
    onChooseLanguage: setChosen,
  };
  const bar = {
    info,
    language,
    onChooseLanguage: setChosen,
    onEnd: () => void host.call('session.end', {}),
    onShowCard: reader.showCard,
  };
  const procedure =
    guide.state === 'none'
      ? undefined
      : catalogue?.procedures.find((candidate) => candidate.id === guide.procedureId);
  // The screen follows the host's guide.changed events; a failed call leaves it as it was.
  const plain = (method: 'guide.finish' | 'guide.leave' | 'guide.retry' | 'guide.print') =>
    void host.call(method, {}).catch(() => undefined);
  const help = (ask: 'problems' | 'volunteer' | 'close') =>
    void host.call('guide.help', { ask }).catch(() => undefined);

  let screen;
  if (session.kind === 'attract') {
    screen = (
      <AttractScreen
        info={info}
        language={language}
        onChooseLanguage={setChosen}
        onStart={() => void host.call('session.activity', {})}
        closed={session.closed}
      />
    );
  } else if (aids.glossaryOpen) {
    screen = <GlossaryScreen onClose={aids.closeGlossary} />;
  } else if (documentsOpen) {
    // Over the guide too: the site is put aside while the visitor looks at their documents.
    screen = (
      <DocumentsScreen
        key={documentsOpen.show?.name ?? ''}
        host={host}
        bar={bar}
        show={documentsOpen.show}
        onBack={() => setDocumentsOpen(null)}
      />
    );
  } else if (guide.state === 'guiding' && procedure && guide.site === 'unreachable') {
    screen = (
      <SiteUnreachable
        siteName={procedure.siteName}
        onRetry={() => plain('guide.retry')}
        onLeave={() => plain('guide.leave')}
      />
    );
  } else if (guide.state === 'guiding' && procedure && typingOnSite && keyboard.open) {
    screen = (
      <KeyboardStrip guide={guide} procedure={procedure} language={language} {...keyboard} />
    );
  } else if (guide.state === 'guiding' && procedure) {
    screen = (
      <GuidePanel
        guide={guide}
        procedure={procedure}
        onMove={(direction) => void host.call('guide.move', { direction }).catch(() => undefined)}
        onHelp={help}
        onFinish={() => plain('guide.finish')}
        onLeave={() => plain('guide.leave')}
        onEnd={bar.onEnd}
        onShowCard={bar.onShowCard}
        languageChoice={languageChoice}
      />
    );
  } else if (guide.state === 'finished' && procedure) {
    screen = (
      <EndScreen
        {...bar}
        guide={guide}
        procedure={procedure}
        onPrint={() => plain('guide.print')}
        onAnother={() => plain('guide.leave')}
      />
    );
  } else {
    screen = (
      <HomeScreen
        {...bar}
        onOpenDocuments={() => setDocumentsOpen({})}
        catalogue={catalogue}
        onStartProcedure={(procedureId) =>
          void host.call('guide.start', { procedureId }).catch(() => undefined)
        }
      />
    );
  }
  return (
    <VisitorAidsContext.Provider value={aids.value}>
      <HelpBand />
      {screen}
      {keyboard.open?.target === 'kiosk' && (
        <div className="keyboard-dock" role="region" aria-label={t('keyboard.title')}>
          <OnScreenKeyboard
            key={`${keyboard.open.mode}-${String(keyboard.open.secret)}`}
            {...keyboard.open}
            language={language}
            onText={keyboard.onText}
            onKey={keyboard.onKey}
            onHide={keyboard.onHide}
          />
        </div>
      )}
      {documents.picker && <DocumentPicker host={host} view={documents} />}
      {documents.received && !documents.picker && (
        <ReceivedDialog
          entry={documents.received}
          onView={() => {
            setDocumentsOpen({ show: documents.received ?? undefined });
            void host.call('documents.seen', {}).catch(() => undefined);
          }}
          onLater={() => void host.call('documents.seen', {}).catch(() => undefined)}
        />
      )}
      {staff.state === 'arrived' && <StaffArrivedDialog host={host} view={staff} />}
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
    </VisitorAidsContext.Provider>
  );
}

/** The visit's aids: the volunteer call (the host's), the display and the glossary (this visit's). */
function useAids(host: HostClient, info: AppInfo) {
  const help = useHostView(host, 'help.get', 'help.changed', NO_CALL);
  const [display, setDisplayState] = useState<Display>(NORMAL_DISPLAY);
  const [glossaryOpen, setGlossaryOpen] = useState(false);
  useEffect(() => {
    applyDisplay(display);
  }, [display]);
  // The next visitor starts with the kiosk's own display.
  useEffect(() => () => applyDisplay(NORMAL_DISPLAY), []);
  const value = useMemo<VisitorAidsValue>(
    () => ({
      display,
      setDisplay: (next) => {
        setDisplayState(next);
        void host.call('session.display', next).catch(() => undefined);
      },
      help,
      callHelp: () => void host.call('help.call', {}).catch(() => undefined),
      cancelHelp: () => void host.call('help.cancel', {}).catch(() => undefined),
      openGlossary: () => {
        setGlossaryOpen(true);
        void host.call('session.aid', { aid: 'glossary' }).catch(() => undefined);
      },
      voices: info.voices,
      reportAid: (aid) => void host.call('session.aid', { aid }).catch(() => undefined),
    }),
    [host, display, help, info.voices],
  );
  return { value, glossaryOpen, closeGlossary: () => setGlossaryOpen(false) };
}
