/**
 * The services both hosts run. Each host builds them once and carries the
 * contract to its renderer; no behaviour may depend on which host it is.
 * Hosts add the wipers of what they own (browser storage, windows) to
 * `session` before the first visitor.
 */
import { dirname } from 'node:path';
import type { AppInfo, HostKind } from '../contract/ipc-contract.js';
import type { LoadedConfig } from '../config/config-file.js';
import type { KioskConfig } from '../config/config-schema.js';
import type { Handlers } from '../ipc/dispatcher.js';
import { EventHub } from '../ipc/event-hub.js';
import { SessionFolder } from '../session/session-folder.js';
import { SpeechSynthesizer } from '../speech/speech-synthesizer.js';
import type { SessionTiming } from '../session/session-machine.js';
import { toSessionView } from '../session/session-view.js';
import { type ResetReport, VisitorSession } from '../session/visitor-session.js';
import type { ConfigStore } from './config-store.js';
import { dataDir } from './paths.js';
import { createPrintingService, type PrintingService } from './printing-service.js';
import { BORNE_VERSION } from './version.js';

export interface KioskServices {
  handlers: Handlers;
  events: EventHub;
  session: VisitorSession;
  sessionFolder: SessionFolder;
  speech: SpeechSynthesizer;
  printing: PrintingService;
  dispose(): void;
}

export function describeApp(loaded: LoadedConfig, host: HostKind): AppInfo {
  const { config, status } = loaded;
  return {
    version: BORNE_VERSION,
    host,
    kioskId: config.kiosk.id,
    siteName: config.kiosk.siteName,
    languages: { default: config.languages.default, enabled: [...config.languages.enabled] },
    config: status,
  };
}

export function sessionTiming(config: KioskConfig): SessionTiming {
  return {
    idleMs: config.session.idleSeconds * 1000,
    warningMs: config.session.warningSeconds * 1000,
  };
}

export function createKioskServices(options: {
  host: HostKind;
  config: ConfigStore;
  log?: (line: string) => void;
  /** The kiosk's state folder (print journal); see `dataDir()`. */
  dataDir?: string;
}): KioskServices {
  const log = options.log ?? (() => {});
  const printing = createPrintingService({
    config: options.config.config,
    baseDir: dirname(options.config.current.status.path),
    dataDir: options.dataDir ?? dataDir(),
    log,
  });
  const events = new EventHub();
  const sessionFolder = new SessionFolder();
  const session = new VisitorSession({
    timing: sessionTiming(options.config.config),
    onReset: (report) => log(describeReset(report)),
  });
  session.addWiper(sessionFolder);
  const view = () => toSessionView(session.state, session.timing, Date.now());
  const unsubscribers = [
    options.config.onChange((loaded) => {
      session.setTiming(sessionTiming(loaded.config));
      events.emit('app.info.changed', describeApp(loaded, options.host));
    }),
    session.onChange(() => events.emit('session.changed', view())),
  ];
  const handlers: Handlers = {
    'app.info': () => describeApp(options.config.current, options.host),
    'session.get': view,
    'session.activity': () => {
      session.dispatch({ type: 'input' });
      return view();
    },
    'session.continue': () => {
      session.dispatch({ type: 'continue' });
      return view();
    },
    'session.end': () => {
      session.dispatch({ type: 'end', by: 'visitor' });
      return view();
    },
  };
  return {
    handlers,
    events,
    session,
    sessionFolder,
    speech: new SpeechSynthesizer(),
    printing,
    dispose: () => {
      printing.dispose();
      for (const unsubscribe of unsubscribers) unsubscribe();
      session.dispose();
      sessionFolder.dispose();
    },
  };
}

function describeReset(report: ResetReport): string {
  const failures = report.failed.map((f) => `${f.wiper}: ${f.error}`).join('; ');
  const duration = `${report.durationMs.toFixed(0)} ms`;
  return failures
    ? `session reset (${report.reason}) in ${duration} with failures: ${failures}`
    : `session reset (${report.reason}) in ${duration}`;
}
