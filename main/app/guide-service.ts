/**
 * Guided procedures in the kiosk: the catalogue, the procedure the visitor
 * chose, its site beside the guide panel, and the step the site shows. Both
 * hosts lend their visitor browsing as a GuideSite; every decision is taken
 * here or in the pure modules of main/procedures, never in a host.
 */
import { resolve } from 'node:path';
import {
  type GuideView,
  type LanguageCode,
  languageDirection,
  type ProcedureView,
} from '../contract/ipc-contract.js';
import type { KioskConfig } from '../config/config-schema.js';
import { receiptIdentity } from '../config/config-schema.js';
import type { Handlers } from '../ipc/dispatcher.js';
import {
  builtInCatalogueDir,
  type Catalogue,
  loadCatalogue,
} from '../procedures/catalogue-loader.js';
import {
  type GuideEvent,
  type GuideNote,
  type GuideState,
  NO_GUIDE,
  nextGuideState,
} from '../procedures/guide-machine.js';
import type { Procedure } from '../procedures/procedure-schema.js';
import { resolveProcedure } from '../procedures/procedure-text.js';
import { elementSelectors, locateStep, type PageObservation } from '../procedures/step-matcher.js';
import type { Wiper } from '../session/visitor-session.js';
import type { SiteRule } from '../shell/navigation-policy.js';
import type { ScreenLayout } from '../shell/split-layout.js';
import type { UsageLog } from '../usage/usage-event.js';
import { usageTime } from '../usage/usage-event.js';
import { visitorTicket } from '../../native/printer/templates/visitor-ticket.js';
import type { PrintingService } from './printing-service.js';

/** What the host tells the guide about the site page while a procedure is open. */
export interface SiteWatch {
  /** The selectors the procedure's steps look for (probe them in an isolated world). */
  selectors: readonly string[];
  onPage: (page: PageObservation) => void;
  /** A page of the site failed to load (no network, site down). */
  onUnreachable: (reason: string) => void;
}

export type SiteOpenResult = { ok: true } | { ok: false; reason: string };

/** The visitor's browsing as the guide uses it; each host provides one. */
export interface GuideSite {
  /** Opens the procedure's start page (closing any site page left open), and watches it. */
  open(url: string, watch: SiteWatch): Promise<SiteOpenResult>;
  /** Closes the visitor's site pages (the procedure is over). */
  close(): Promise<void>;
  /** The site beside the kiosk's page, or hidden behind it. */
  layout(layout: ScreenLayout): Promise<void>;
}

type GuideHandlers = Pick<
  Handlers,
  | 'session.language'
  | 'procedures.catalogue'
  | 'guide.get'
  | 'guide.start'
  | 'guide.retry'
  | 'guide.move'
  | 'guide.help'
  | 'guide.finish'
  | 'guide.leave'
  | 'guide.print'
  | 'guide.overlay'
  | 'guide.keyboard'
>;

export interface GuideService extends Wiper {
  handlers: GuideHandlers;
  attachSite(site: GuideSite): void;
  view(): GuideView;
  /** The sites of the open procedure: allowed while it is open. */
  activeSites(): readonly SiteRule[];
  catalogue(): Catalogue;
  /** Reads the catalogue again (the configuration changed). */
  reload(): void;
  /** The visitor's language now. */
  language(): LanguageCode;
  /** Places the site again (the text size changed). */
  relayout(): void;
}

export interface GuideServiceOptions {
  config: () => KioskConfig;
  /** The configuration file's folder: a relative catalogueDir is read from there. */
  configDir: () => string;
  builtInDir?: string;
  usage: UsageLog;
  printing: PrintingService;
  onChange: (view: GuideView) => void;
  /** "Appeler un bénévole" from the stuck panel or an unreachable site: the kiosk's one call. */
  onVolunteer?: () => void;
  /** The visit's text size: a larger text gets a wider panel. */
  textScale?: () => number;
  log?: (line: string) => void;
  now?: () => Date;
}

export function toGuideView(state: GuideState): GuideView {
  switch (state.kind) {
    case 'none':
      return { state: 'none' };
    case 'guiding':
      return {
        state: 'guiding',
        procedureId: state.procedureId,
        stepIndex: state.stepIndex,
        stepCount: state.stepCount,
        recognised: state.recognised,
        site: state.site,
        help: state.help,
      };
    case 'finished':
      return { state: 'finished', procedureId: state.procedureId, ticket: state.ticket };
  }
}

export function createGuideService(options: GuideServiceOptions): GuideService {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  // Read on first use, and soon after start (not during it: ~20 ms of files and
  // validation that the first screen does not need); a refused file is logged then.
  let loaded: Catalogue | undefined;
  const catalogue = (): Catalogue => (loaded ??= readCatalogue());
  setImmediate(catalogue).unref();
  const resolved = new Map<LanguageCode, ProcedureView[]>();
  let state: GuideState = NO_GUIDE;
  let site: GuideSite | undefined;
  let language: LanguageCode = options.config().languages.default;
  let overlay = false;
  /** The on-screen keyboard is open over the site. */
  let typing = false;
  let placed = '';
  /** Bumped at each start and leave: a site answer for an older run is ignored. */
  let run = 0;

  function readCatalogue(): Catalogue {
    const dir = options.config().procedures.catalogueDir;
    const loaded = loadCatalogue({
      builtIn: options.builtInDir ?? builtInCatalogueDir(),
      extra: dir ? resolve(options.configDir(), dir) : undefined,
    });
    for (const problem of loaded.problems) log(`catalogue: refused ${problem}`);
    return loaded;
  }

  /** The procedures offered here: all, or the configuration's list in its order. */
  function offered(): Procedure[] {
    const ids = options.config().procedures.offered;
    const all = [...catalogue().procedures.values()];
    if (!ids) return all;
    return ids.flatMap((id) => all.filter((procedure) => procedure.id === id));
  }

  const current = (): Procedure | undefined =>
    state.kind === 'none' ? undefined : catalogue().procedures.get(state.procedureId);

  function ticketPrinter(): string | undefined {
    return options.config().procedures.ticketPrinter ?? options.printing.printerIds[0];
  }

  function dispatch(event: GuideEvent): GuideView {
    const transition = nextGuideState(state, event);
    const changed = transition.state !== state;
    state = transition.state;
    for (const note of transition.notes) record(note);
    if (changed) {
      options.onChange(toGuideView(state));
      applyLayout();
    }
    return toGuideView(state);
  }

  function record(note: GuideNote): void {
    const procedure = catalogue().procedures.get(note.procedureId);
    const stepId =
      'stepIndex' in note && procedure ? procedure.steps[note.stepIndex]?.id : undefined;
    options.usage.record({
      kind: note.kind,
      procedureId: note.procedureId,
      ...(stepId ? { stepId } : {}),
      ...(note.kind === 'help-asked' ? { outcome: note.outcome } : {}),
      language,
      ...usageTime(now()),
    });
  }

  /**
   * Split while the site is there to be seen and nothing covers the guide
   * (the site above the keyboard while it is open); the kiosk's whole screen
   * otherwise.
   */
  function applyLayout(): void {
    const scale = options.textScale?.() ?? 1;
    const shown = state.kind === 'guiding' && state.site !== 'unreachable' && !overlay;
    const layout: ScreenLayout = !shown
      ? { mode: 'full' }
      : typing
        ? { mode: 'typing', ...(scale !== 1 ? { scale } : {}) }
        : {
            mode: 'split',
            direction: languageDirection(language),
            ...(scale !== 1 ? { scale } : {}),
          };
    const key = JSON.stringify(layout);
    if (!site || key === placed) return;
    placed = key;
    site.layout(layout).catch((error: unknown) => log(`guide: layout failed: ${String(error)}`));
  }

  function openSite(procedure: Procedure): void {
    const mine = ++run;
    const target = site;
    if (!target) {
      dispatch({ type: 'site', status: 'unreachable' });
      return;
    }
    dispatch({ type: 'site', status: 'opening' });
    const stillMine = () => mine === run && state.kind === 'guiding';
    // The guide follows what the site shows when it changes: the same page seen
    // again (hosts look every half second) never undoes a step chosen by hand.
    let lastPage = '';
    const watch: SiteWatch = {
      selectors: elementSelectors(procedure),
      onPage: (page) => {
        if (!stillMine() || state.kind !== 'guiding') return;
        // Browser error pages (chrome-error://…) are not the site: onUnreachable said it.
        if (!/^https?:\/\//.test(page.url)) return;
        if (state.site !== 'open') dispatch({ type: 'site', status: 'open' });
        const key = JSON.stringify([page.url, page.title, page.elements]);
        if (key === lastPage) return;
        lastPage = key;
        dispatch({ type: 'page', step: locateStep(procedure, page, state.stepIndex) });
      },
      onUnreachable: (reason) => {
        if (!stillMine()) return;
        log(`guide: ${procedure.id}: site unreachable (${reason})`);
        dispatch({ type: 'site', status: 'unreachable' });
      },
    };
    target.open(procedure.startUrl, watch).then(
      (result) => {
        if (!stillMine()) return;
        if (result.ok) {
          if (state.kind === 'guiding' && state.site === 'opening')
            dispatch({ type: 'site', status: 'open' });
        } else watch.onUnreachable(result.reason);
      },
      (error: unknown) => watch.onUnreachable(String(error)),
    );
  }

  function leave(): GuideView {
    run += 1;
    const view = dispatch({ type: 'leave' });
    void site
      ?.close()
      .catch((error: unknown) => log(`guide: closing the site failed: ${String(error)}`));
    return view;
  }

  async function printTicket(): Promise<GuideView> {
    const procedure = current();
    const printerId = ticketPrinter();
    if (state.kind !== 'finished' || !procedure || !printerId) return toGuideView(state);
    if (state.ticket !== 'ready' && state.ticket !== 'failed') return toGuideView(state);
    const french = resolveProcedure(procedure, 'fr');
    const profile = options.printing.profile(printerId);
    dispatch({ type: 'ticket', state: 'printing' });
    const document = profile
      ? visitorTicket(
          {
            procedure: french.title,
            done: french.end.done,
            next: french.end.next,
            link: { label: `Le site : ${procedure.siteName}`, url: procedure.startUrl },
          },
          receiptIdentity(options.config()),
          profile,
          now(),
        )
      : null;
    const outcome = document
      ? await options.printing.print(printerId, {
          kind: 'visitor-ticket',
          document,
          containsPin: false,
        })
      : ({ ok: false, error: 'printer not ready' } as const);
    const printed = outcome.ok && outcome.job.state === 'done';
    if (!printed) {
      log(`guide: ticket not printed (${outcome.ok ? outcome.job.state : outcome.error})`);
    } else {
      options.usage.record({
        kind: 'aid-used',
        aid: 'ticket-printed',
        language,
        ...usageTime(now()),
      });
    }
    return dispatch({ type: 'ticket', state: printed ? 'printed' : 'failed' });
  }

  const handlers: GuideHandlers = {
    'session.language': ({ language: chosen }) => {
      language = chosen;
      applyLayout();
      return {};
    },
    'procedures.catalogue': ({ language: wanted }) => {
      let list = resolved.get(wanted);
      if (!list) {
        list = offered().map((procedure) => resolveProcedure(procedure, wanted));
        resolved.set(wanted, list);
      }
      return { procedures: list };
    },
    'guide.get': () => toGuideView(state),
    'guide.start': ({ procedureId }) => {
      const procedure = offered().find((candidate) => candidate.id === procedureId);
      if (!procedure) throw new Error(`no procedure "${procedureId}" is offered here`);
      dispatch({ type: 'start', procedureId, stepCount: procedure.steps.length });
      openSite(procedure);
      return toGuideView(state);
    },
    'guide.retry': () => {
      const procedure = current();
      if (state.kind === 'guiding' && state.site === 'unreachable' && procedure)
        openSite(procedure);
      return toGuideView(state);
    },
    'guide.move': ({ direction }) => dispatch({ type: 'move', direction }),
    'guide.help': ({ ask }) => {
      const view = dispatch({ type: 'help', ask });
      if (ask === 'volunteer') options.onVolunteer?.();
      return view;
    },
    'guide.finish': () => dispatch({ type: 'finish', canPrint: ticketPrinter() !== undefined }),
    'guide.leave': leave,
    'guide.print': printTicket,
    'guide.overlay': ({ open }) => {
      overlay = open;
      applyLayout();
      return {};
    },
    'guide.keyboard': ({ open }) => {
      typing = open;
      applyLayout();
      return {};
    },
  };

  return {
    name: 'guided procedure',
    handlers,
    attachSite(attached) {
      site = attached;
      placed = '';
      applyLayout();
    },
    view: () => toGuideView(state),
    activeSites: () => {
      const procedure = state.kind === 'guiding' ? current() : undefined;
      return procedure?.sites ?? [];
    },
    catalogue,
    reload() {
      loaded = readCatalogue();
      resolved.clear();
    },
    language: () => language,
    relayout: applyLayout,
    wipe() {
      // The visitor browser's own wiper closes the pages; here the guide forgets the visit.
      run += 1;
      overlay = false;
      typing = false;
      dispatch({ type: 'leave' });
      language = options.config().languages.default;
      applyLayout();
    },
  };
}
