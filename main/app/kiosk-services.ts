/**
 * The services both hosts run. Each host builds them once and carries the
 * contract to its renderer; no behaviour may depend on which host it is.
 * Hosts add the wipers of what they own (browser storage, windows) to
 * `session` before the first visitor.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppInfo, HostKind, LanguageCode, SessionView } from '../contract/ipc-contract.js';
import { decodeLogo, type Logo } from '../config/branding.js';
import { openingState } from '../session/opening-hours.js';
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
import { nodeHidBackend } from '../../native/hid/hid-backends.js';
import type { HidBackend } from '../../native/hid/hid-reader.js';
import { createIdCardHelper, type IdCardHelper } from './id-card-helper.js';
import { createMemberDesk, type MemberDesk } from './member-desk.js';
import { dataDir } from './paths.js';
import { createReadersService, type ReadersService, wedgeSettings } from './readers-service.js';
import { loadSiteSecret } from './site-secret.js';
import { createStaffService } from './staff-service.js';
import { loadPrinting } from './printing-loader.js';
import type { PrintingService } from './printing-service.js';
import { BORNE_VERSION } from './version.js';
import { createGuideService, type GuideService } from './guide-service.js';
import type { SiteRule } from '../shell/navigation-policy.js';
import { resolveProcedure } from '../procedures/procedure-text.js';
import { usageTime } from '../usage/usage-event.js';
import { createUsageService, type UsageService } from './usage-service.js';
import { createVisitorAids, type VisitorAids } from './visitor-aids.js';
import { createVoucherDesk, type VoucherDesk } from './voucher-desk.js';
import { createFleetService, type FleetService } from './fleet-service.js';
import { OutOfService } from './out-of-service.js';
import { createDocumentsService, type DocumentsService } from './documents-service.js';
import { SaneScanner } from '../../native/scanner/sane-scanner.js';

/** How often the opening hours are checked against the clock. */
const OPENING_CHECK_MS = 20_000;

export interface KioskServices {
  handlers: Handlers;
  events: EventHub;
  session: VisitorSession;
  sessionFolder: SessionFolder;
  speech: SpeechSynthesizer;
  printing: PrintingService;
  readers: ReadersService;
  /** Copies ID card fields into the visitor's site: hosts attach their browsing to it. */
  idCardHelper: IdCardHelper;
  /** Member cards at the staff desk, and the member registry behind them. */
  members: MemberDesk;
  /** Guided procedures: hosts attach their visitor browsing to it as its site. */
  guide: GuideService;
  /** The volunteer call, the keyboard's link to the site, the display: hosts attach their site to it. */
  aids: VisitorAids;
  /** The voucher desk: stock, ledger and sales (staff only). */
  desk: VoucherDesk;
  /** The anonymised usage log (usage.sqlite in the data folder) and its statistics. */
  usage: UsageService;
  /** The link to the fleet server (inactive when the kiosk is not enrolled). */
  fleet: FleetService;
  /** The visitor's documents: scans, downloads, A4 printing (wiped at the reset). */
  documents: DocumentsService;
  /** Where the visitor may browse now: the configured sites and those of the open procedure. */
  visitorSites(): SiteRule[];
  /** The welcome point's logo (served at LOGO_PATH), or null. */
  logo(): Logo | null;
  dispose(): void;
}

export function describeApp(
  loaded: LoadedConfig,
  host: HostKind,
  voices: readonly LanguageCode[] = [],
): AppInfo {
  const { config, status } = loaded;
  return {
    version: BORNE_VERSION,
    host,
    kioskId: config.kiosk.id,
    siteName: config.kiosk.siteName,
    languages: { default: config.languages.default, enabled: [...config.languages.enabled] },
    voices: [...voices],
    config: status,
    wedge: wedgeSettings(config),
    branding: {
      colour: config.branding.colour,
      logo: brandLogo(config) ? `${LOGO_PATH}?v=${brandLogo(config)?.tag}` : null,
    },
  };
}

/** Where the host serves the welcome point's logo. */
export const LOGO_PATH = '/branding/logo';

/** The configured logo, checked (the schema refused any other). */
export function brandLogo(config: KioskConfig): Logo | null {
  const logo = config.branding.logo === undefined ? null : decodeLogo(config.branding.logo);
  return typeof logo === 'string' ? null : logo;
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
  /** The kiosk's state folder (print journal, site secret); see `dataDir()`. */
  dataDir?: string;
  /** HID access: node-hid unless a test or the simulator gives another. */
  hidBackend?: () => Promise<HidBackend>;
  /** The built-in procedure catalogue (tests and benches may give another). */
  catalogueDir?: string;
  /** Restarts the app (the fleet's "restart" command); absent: the command is refused. */
  restart?: () => void;
  /** The fleet server's HTTP client (tests may give another). */
  fetch?: typeof fetch;
  /** Off in tests that drive the fleet agent with `fleet.syncNow()`. */
  fleetAutostart?: boolean;
  /** SANE's environment (tests point it at SANE's test backend). */
  saneEnv?: NodeJS.ProcessEnv;
}): KioskServices {
  const log = options.log ?? (() => {});
  const folder = options.dataDir ?? dataDir();
  // The kiosk's state folder exists from the start, whatever service writes first.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const printing = loadPrinting({
    config: options.config.config,
    baseDir: dirname(options.config.current.status.path),
    dataDir: folder,
    log,
  });
  const events = new EventHub();
  const speech = new SpeechSynthesizer();
  const sessionFolder = new SessionFolder();
  const session = new VisitorSession({
    timing: sessionTiming(options.config.config),
    onReset: (report) => {
      log(describeReset(report));
      // After the wipers: what they record (a procedure left, a call never answered) is the visit's.
      usage.visitEnded(report.reason, endLanguage);
    },
  });
  // Events outside the schema are a bug: loud in development and tests, dropped in production.
  const usage = createUsageService({
    dataDir: folder,
    config: () => options.config.config,
    strict: process.env.NODE_ENV !== 'production',
    names: {
      procedure: (id) => {
        const procedure = guide.catalogue().procedures.get(id);
        return (
          procedure && {
            title: resolveProcedure(procedure, 'fr').title,
            steps: procedure.steps.map((step) => step.id),
          }
        );
      },
      product: (id) => options.config.config.vouchers.products.find((p) => p.id === id)?.label,
    },
    log,
  });
  const documents = createDocumentsService({
    folder: () => sessionFolder.path,
    config: () => options.config.config.documents,
    ...(options.saneEnv ? { scanner: new SaneScanner({ env: options.saneEnv }) } : {}),
    onChange: () =>
      void documents.view().then(
        (documentsView) => events.emit('documents.changed', documentsView),
        (error: unknown) => log(`documents view failed: ${String(error)}`),
      ),
  });
  // Before the folder goes: the visit's print jobs are cancelled and purged from CUPS.
  session.addWiper(documents);
  session.addWiper(sessionFolder);
  const visitorPresent = () =>
    session.state.kind === 'active' || session.state.kind === 'idle-warning';
  const members = createMemberDesk({
    dataDir: folder,
    validityMonths: () => options.config.config.membership.validityMonths,
    onChange: (memberView) => {
      events.emit('member.changed', memberView);
      // The card on the desk decides the sale's rights and quota.
      if (staff.view().state === 'signed-in') desk.refresh();
    },
  });
  const staff = createStaffService({
    config: () => options.config.config,
    onChange: (staffView) => {
      // The card on the desk belongs to the staff session that read it.
      if (staffView.state !== 'signed-in') members.clear();
      events.emit('staff.changed', staffView);
    },
    onSignedIn: () => {
      if (visitorPresent()) session.dispatch({ type: 'end', by: 'staff' });
    },
    visitorPresent,
    onHelping: () => {
      aids.answerCall();
      // The volunteer's arrival is activity: the visitor's session is not about to expire.
      session.dispatch({ type: 'input' });
    },
  });
  const readers = createReadersService({
    config: () => options.config.config,
    copyable: (fields) => idCardHelper.copyable(fields),
    onStaffBadge: (pseudonym) => staff.badge(pseudonym),
    onMemberCard: (pseudonym) => {
      if (staff.view().state === 'signed-in') members.cardRead(pseudonym);
    },
    // The secret is only made when a reader may need it.
    secret: () => loadSiteSecret(folder),
    backend: options.hidBackend ?? nodeHidBackend,
    onEvent: (view) => events.emit('reader.event', view),
    log,
  });
  session.addWiper(readers.wiper);
  // Reads the card the readers hold; the readers ask it what can be copied (on events, later).
  const idCardHelper = createIdCardHelper({ card: () => readers.idCard });
  const guide = createGuideService({
    config: () => options.config.config,
    configDir: () => dirname(options.config.current.status.path),
    builtInDir: options.catalogueDir,
    usage: usage.log,
    printing,
    onChange: (guideView) => events.emit('guide.changed', guideView),
    onVolunteer: () => void aids.handlers['help.call']({}),
    textScale: () => aids.textScale(),
    log,
  });
  session.addWiper(guide);
  const aids = createVisitorAids({
    usage: usage.log,
    language: () => guide.language(),
    requireStaff: () => void staffName(),
    onActivity: () => session.dispatch({ type: 'input' }),
    onTextScale: () => guide.relayout(),
    emit: {
      help: (helpView) => events.emit('help.changed', helpView),
      keyboard: (keyboardView) => events.emit('keyboard.changed', keyboardView),
    },
    log,
  });
  session.addWiper(aids);
  const desk = createVoucherDesk({
    config: () => options.config.config,
    dataDir: folder,
    printing,
    members,
    staff: () => {
      const member = staff.signedIn();
      if (!member) throw new Error('staff only');
      return member;
    },
    onChange: (deskView) => events.emit('desk.changed', deskView),
    usage: usage.log,
    log,
  });
  const outOfService = new OutOfService(folder);
  const opening = () => openingState(options.config.config.openingHours, new Date());
  const view = (): SessionView => {
    const lock = outOfService.current();
    const hours = opening();
    return {
      ...toSessionView(session.state, session.timing, Date.now()),
      ...(lock ? { outOfService: { message: lock.message } } : {}),
      ...(hours.open ? {} : { closed: { today: hours.today, reopens: hours.reopens } }),
    };
  };
  /** A touch on the welcome screen starts no visit while locked or closed (one in progress goes on). */
  const startsNoVisit = () =>
    session.state.kind === 'attract' && (outOfService.current() !== null || !opening().open);
  // The hours are read on the wall clock: the screen follows when the site opens or closes.
  let wasOpen = opening().open;
  const openingWatch = setInterval(() => {
    const open = opening().open;
    if (open === wasOpen) return;
    wasOpen = open;
    events.emit('session.changed', view());
  }, OPENING_CHECK_MS);
  openingWatch.unref();
  /** The signed-in staff member's name; anything else is refused. */
  const staffName = (): string => {
    const current = staff.view();
    if (current.state !== 'signed-in') throw new Error('staff only');
    return current.name ?? '';
  };
  /** Set while a staff badge or desk card read is dispatched to the session. */
  let staffScan = false;
  let firstActive: string | undefined;
  let endLanguage: LanguageCode = options.config.config.languages.default;
  const unsubscribers = [
    options.config.onChange((loaded) => {
      session.setTiming(sessionTiming(loaded.config));
      guide.reload();
      events.emit('app.info.changed', describeApp(loaded, options.host, speech.voices()));
      wasOpen = opening().open;
      events.emit('session.changed', view());
    }),
    session.onChange(() => events.emit('session.changed', view())),
    session.onChange((state) => {
      // The visit's pseudonym lives from the first touch to the reset, and no longer.
      if (state.kind === 'active' && state.sessionId !== firstActive) {
        firstActive = state.sessionId;
        if (!staffScan) usage.visitStarted();
      }
      // The language the visit ended in, before the wipe puts the default back.
      if (state.kind === 'resetting') endLanguage = guide.language();
    }),
  ];
  const officePrinterStatus = async () => {
    const queue = options.config.config.documents.officePrinter.queue;
    const state = queue ? await documents.printerState() : null;
    return queue && state
      ? { queue, state: state.state, problems: state.problems, supplies: state.supplies }
      : null;
  };
  const handlers: Handlers = {
    'app.info': () => describeApp(options.config.current, options.host, speech.voices()),
    'session.get': view,
    'session.activity': () => {
      if (!startsNoVisit()) session.dispatch({ type: 'input' });
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
    'reader.scan': ({ text }) => {
      // Read first: a staff badge must see whether a visitor was there before it.
      readers.scan(text);
      // A badge or a card at the staff desk is staff work, not a visit to count.
      staffScan = staff.view().state !== 'signed-out';
      // Someone is at the kiosk: a card read starts or prolongs the session.
      session.dispatch({ type: 'input' });
      staffScan = false;
      return {};
    },
    'reader.card': () => ({ card: readers.idCardView() }),
    'reader.copy': async ({ field }) => {
      session.dispatch({ type: 'input' });
      const outcome = await idCardHelper.copy(field);
      if (outcome === 'copied') {
        usage.log.record({
          kind: 'aid-used',
          aid: 'id-card-copied',
          language: guide.language(),
          ...usageTime(new Date()),
        });
      }
      return { outcome };
    },
    'reader.forget': () => {
      readers.forgetIdCard();
      return {};
    },
    ...staff.handlers,
    ...guide.handlers,
    ...aids.handlers,
    ...desk.handlers,
    ...documents.handlers,
    'stats.get': (params) => {
      staffName();
      return usage.handlers['stats.get'](params);
    },
    'stats.export': (params) => {
      staffName();
      return usage.handlers['stats.export'](params);
    },
    'session.language': (params) => {
      const changed = params.language !== guide.language();
      const result = guide.handlers['session.language'](params);
      if (changed && visitorPresent()) {
        usage.log.record({ kind: 'language-chosen', ...params, ...usageTime(new Date()) });
      }
      return result;
    },
    'member.get': () => {
      staffName();
      return members.view();
    },
    'member.enrol': () => members.enrol(staffName()),
    'member.clear': () => {
      staffName();
      return members.clear();
    },
    'devices.status': async () => {
      staffName();
      const readerStatuses = readers.statuses();
      return {
        printers: await printing.statuses(),
        usage: usage.health(),
        fleet: fleet.view(),
        officePrinter: await officePrinterStatus(),
        readers: Object.entries(readerStatuses).map(([id, status]) => ({
          id,
          state: status.state,
          ...('message' in status ? { message: status.message } : {}),
        })),
      };
    },
  };
  const fleet = createFleetService({
    dataDir: folder,
    config: options.config,
    session,
    saleOpen: () => desk.saleOpen(),
    status: async () => {
      const lock = outOfService.current();
      const help = await aids.handlers['help.get']({});
      return {
        appVersion: BORNE_VERSION,
        session:
          session.state.kind !== 'attract'
            ? 'visit'
            : lock
              ? 'locked'
              : opening().open
                ? 'attract'
                : 'closed',
        lockMessage: lock?.message ?? null,
        printers: (await printing.statuses()).map(({ id, state, ok }) => ({ id, state, ok })),
        readers: Object.entries(readers.statuses()).map(([id, status]) => ({
          id,
          state: status.state,
        })),
        configSource: options.config.current.status.source,
        lastError: options.config.current.status.problems[0] ?? null,
        helpCalls: help.state === 'calling' ? [new Date(help.calledAt).toISOString()] : [],
      };
    },
    aggregates: () => usage.aggregates(3),
    commands: {
      'end-session': () => {
        if (!visitorPresent()) return 'aucune visite en cours';
        session.dispatch({ type: 'end', by: 'admin' });
        return 'session du visiteur terminée';
      },
      restart: () => {
        if (!options.restart) throw new Error('cette borne ne sait pas redémarrer seule');
        log('fleet: restart requested by the fleet console');
        setTimeout(() => options.restart?.(), 200).unref();
        return 'redémarrage';
      },
      lock: (message) => {
        outOfService.lock(message ?? 'Borne hors service.');
        events.emit('session.changed', view());
        return visitorPresent() ? 'hors service à la fin de la visite en cours' : 'hors service';
      },
      unlock: () => {
        outOfService.unlock();
        events.emit('session.changed', view());
        return 'remise en service';
      },
    },
    log,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.fleetAutostart === false ? { autostart: false } : {}),
  });

  return {
    logo: () => brandLogo(options.config.config),
    documents,
    handlers,
    events,
    fleet,
    session,
    sessionFolder,
    speech,
    printing,
    readers,
    idCardHelper,
    members,
    guide,
    aids,
    desk,
    usage,
    visitorSites: () => [...options.config.config.browsing.sites, ...guide.activeSites()],
    dispose: () => {
      clearInterval(openingWatch);
      fleet.dispose();
      desk.dispose();
      usage.dispose();
      members.dispose();
      printing.dispose();
      readers.dispose();
      staff.dispose();
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
