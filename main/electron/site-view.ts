/**
 * The guide's site in Electron: a WebContentsView beside the kiosk's own view
 * in one BaseWindow, in the current visitor's partition, locked down like
 * every web contents. Pages are observed in an isolated world (never the
 * site's own) and handed to the guide service. Types only from 'electron':
 * tests drive it with typed fakes.
 */
import type { Debugger, Rectangle, WebContents, WebContentsView } from 'electron';
import type { CopyValue } from '../app/id-card-values.js';
import type { AidSite } from '../app/visitor-aids.js';
import type { FileChooserRequest } from '../app/documents-service.js';
import type { EditKey } from '../contract/ipc-contract.js';
import {
  type DevtoolsChannel,
  type FieldReport,
  NO_FIELD,
  watchSiteFields,
} from '../shell/site-field-watch.js';
import type { GuideSite, SiteOpenResult, SiteWatch } from '../app/guide-service.js';
import { pageProbeScript, parseProbe, PROBE_WORLD_ID } from '../procedures/page-probe.js';
import type { Wiper } from '../session/visitor-session.js';
import {
  type FillOutcome,
  fillFocusedField,
  type VisitorSiteInput,
} from '../shell/focused-field.js';
import { placeSurfaces, type ScreenLayout } from '../shell/split-layout.js';

/** Single-page sites change without navigating: they are looked at this often too. */
const POLL_MS = 500;
/** Chromium's net::ERR_ABORTED: a navigation refused by the lockdown, or replaced by another. */
const ERR_ABORTED = -3;

export interface SiteViewDeps {
  /** A new view for the site, in the current visitor's partition, locked down. */
  createView(): WebContentsView;
  addView(view: WebContentsView): void;
  removeView(view: WebContentsView): void;
  /** The window's content area, where both views are placed. */
  contentBounds(): Rectangle;
  /** The kiosk's own view: the whole window, or the guide panel's side. */
  kioskView: Pick<WebContentsView, 'setBounds'>;
  /** The focus moved on the site: the keyboard its field wants, or null. */
  onField?: (report: FieldReport) => void;
  /** The site opened a file chooser: Borne's picker answers it, never the system's dialog. */
  onFileChooser?: (request: FileChooserRequest) => void;
  log?: (line: string) => void;
}

/** Key codes as `webContents.sendInputEvent` names them. */
const KEY_CODES: Record<EditKey, string> = { Backspace: 'Backspace', Enter: 'Return', Tab: 'Tab' };

export class ElectronGuideSite implements GuideSite, VisitorSiteInput, AidSite, Wiper {
  readonly name = 'site view';
  #view: WebContentsView | null = null;
  #stopWatching: (() => void) | null = null;
  #zoom = 1;
  #layout: ScreenLayout = { mode: 'full' };

  constructor(private readonly deps: SiteViewDeps) {}

  async open(url: string, watch: SiteWatch): Promise<SiteOpenResult> {
    await this.close();
    const view = this.deps.createView();
    this.#view = view;
    this.deps.addView(view);
    const stopPages = watchContents(view.webContents, watch);
    const stopFields = this.#watchDevtools(view.webContents);
    this.#stopWatching = () => {
      stopPages();
      stopFields();
    };
    view.webContents.setZoomFactor(this.#zoom);
    this.place();
    try {
      await view.webContents.loadURL(url);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  close(): Promise<void> {
    this.#stopWatching?.();
    this.#stopWatching = null;
    const view = this.#view;
    this.#view = null;
    if (view) {
      this.deps.removeView(view);
      if (!view.webContents.isDestroyed()) view.webContents.close();
    }
    this.place();
    return Promise.resolve();
  }

  layout(layout: ScreenLayout): Promise<void> {
    this.#layout = layout;
    this.place();
    return Promise.resolve();
  }

  /** Puts both views where the layout says; without a site the kiosk takes the window. */
  place(): void {
    const { width, height } = this.deps.contentBounds();
    const view = this.#view;
    const surfaces = placeSurfaces({ width, height }, view ? this.#layout : { mode: 'full' });
    this.deps.kioskView.setBounds(surfaces.kiosk);
    if (!view) return;
    if (surfaces.site) {
      view.setBounds(surfaces.site);
      view.setVisible(true);
    } else {
      view.setVisible(false);
    }
  }

  hasPage(): boolean {
    return this.#view !== null;
  }

  /** "Copier" of the ID card dialog: typed into the field the visitor touched on the site. */
  fillFocusedField(value: CopyValue): Promise<FillOutcome> {
    const contents = this.#view?.webContents;
    if (!contents || contents.isDestroyed()) return Promise.resolve('no-site');
    return fillFocusedField(value, {
      evaluate: (expression) => contents.executeJavaScript(expression) as Promise<unknown>,
      insertText: (text) => contents.insertText(text),
    });
  }

  /** The on-screen keyboard's text: `insertText`, as the ID card's "Copier". */
  typeText(text: string): Promise<boolean> {
    const contents = this.#contents();
    if (!contents) return Promise.resolve(false);
    return contents.insertText(text).then(() => true);
  }

  pressKey(key: EditKey): Promise<boolean> {
    const contents = this.#contents();
    if (!contents) return Promise.resolve(false);
    const keyCode = KEY_CODES[key];
    contents.sendInputEvent({ type: 'keyDown', keyCode });
    if (key === 'Enter') contents.sendInputEvent({ type: 'char', keyCode: '\r' });
    contents.sendInputEvent({ type: 'keyUp', keyCode });
    return Promise.resolve(true);
  }

  /** The visit's text size: Chromium's own page zoom in the site view. */
  setZoom(factor: number): Promise<void> {
    this.#zoom = factor;
    this.#contents()?.setZoomFactor(factor);
    return Promise.resolve();
  }

  #contents(): WebContents | null {
    const contents = this.#view?.webContents;
    return contents && !contents.isDestroyed() ? contents : null;
  }

  /**
   * Through the site view's own DevTools protocol: the keyboard's field watch,
   * and the file chooser intercepted for Borne's picker. Without the
   * protocol, no file chooser may open: the view is closed.
   */
  #watchDevtools(contents: WebContents): () => void {
    const { onField, onFileChooser } = this.deps;
    if (!onField && !onFileChooser) return () => {};
    try {
      contents.debugger.attach('1.3');
    } catch (error) {
      this.deps.log?.(`site view: no DevTools protocol (${String(error)})`);
      if (onFileChooser) contents.close();
      return () => {};
    }
    const channel = electronChannel(contents.debugger);
    const stopChooser = onFileChooser
      ? interceptFileChooser(channel, onFileChooser, this.deps.log)
      : () => {};
    if (!onField) return stopChooser;
    let stop = () => {};
    watchSiteFields(channel, onField).then(
      (stopWatch) => (stop = stopWatch),
      (error: unknown) => this.deps.log?.(`site view: no keyboard watch (${String(error)})`),
    );
    return () => {
      stopChooser();
      stop();
      onField(NO_FIELD);
    };
  }

  wipe(): Promise<void> {
    this.#zoom = 1;
    return this.close();
  }
}

/**
 * Chromium's own interception (Page.setInterceptFileChooserDialog, as
 * Playwright uses it): the dialog never opens; Borne's picker gets the
 * request and fills the input with DOM.setFileInputFiles.
 */
function interceptFileChooser(
  channel: DevtoolsChannel,
  onFileChooser: (request: FileChooserRequest) => void,
  log?: (line: string) => void,
): () => void {
  void channel
    .send('Page.enable')
    .then(() => channel.send('Page.setInterceptFileChooserDialog', { enabled: true }))
    .catch((error: unknown) => log?.(`site view: file chooser not intercepted (${String(error)})`));
  return channel.on('Page.fileChooserOpened', ({ backendNodeId, mode }) => {
    if (typeof backendNodeId !== 'number') return;
    onFileChooser({
      multiple: mode === 'selectMultiple',
      deliver: async (paths) => {
        if (paths.length > 0) {
          await channel.send('DOM.setFileInputFiles', { files: paths, backendNodeId });
        }
      },
    });
  });
}

function electronChannel(debug: Debugger): DevtoolsChannel {
  return {
    send: (method, params) => debug.sendCommand(method, params) as Promise<unknown>,
    on: (event, listener) => {
      const handler = (_event: unknown, method: string, params: Record<string, unknown>) => {
        if (method === event) listener(params);
      };
      debug.on('message', handler);
      return () => debug.off('message', handler);
    },
  };
}

/** Observes the site at each navigation, title change and load, and every POLL_MS. */
function watchContents(contents: WebContents, watch: SiteWatch): () => void {
  const script = pageProbeScript(watch.selectors);
  let stopped = false;
  let busy = false;
  const look = () => {
    if (stopped || busy || contents.isDestroyed()) return;
    busy = true;
    contents
      .executeJavaScriptInIsolatedWorld(PROBE_WORLD_ID, [{ code: script }])
      .then((value: unknown) => {
        const observation = parseProbe(value);
        if (observation && !stopped) watch.onPage(observation);
      })
      .catch(() => {}) // navigating or closing: the next event looks again
      .finally(() => {
        busy = false;
      });
  };
  contents.on('did-navigate', (_event, _url, httpResponseCode) => {
    if (httpResponseCode >= 500) watch.onUnreachable(`HTTP ${httpResponseCode}`);
    look();
  });
  contents.on('did-navigate-in-page', (_event, _url, isMainFrame) => {
    if (isMainFrame) look();
  });
  contents.on('page-title-updated', look);
  contents.on('dom-ready', look);
  contents.on('did-stop-loading', look);
  contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED) watch.onUnreachable(errorDescription);
  });
  const timer = setInterval(look, POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
