/**
 * Wires the lockdown policies into Electron's web contents and sessions.
 * Only types come from 'electron' here (erased at build), so this wiring is
 * exercised under Node with typed fakes of Electron's objects; every decision
 * itself is a plain function in main/shell.
 */
import type { Event, Input, Session, WebContents } from 'electron';
import { kioskPageCsp } from '../host/static-files.js';
import { freePath } from '../session/session-folder.js';
import { decideKey } from '../shell/key-policy.js';
import {
  decideNavigation,
  type DenyReason,
  type NavigationPolicy,
} from '../shell/navigation-policy.js';
import { decidePermission } from '../shell/permission-policy.js';

export interface LockdownOptions {
  navigation: () => NavigationPolicy;
  /** The current visitor's session folder (downloads land there and nowhere else). */
  downloadsDir: () => string;
  /** A download finished in the session folder: the kiosk offers to show it. */
  onDownloaded?: (path: string) => void;
  onBlocked?: (blocked: { url: string; reason: DenyReason | 'window' | 'webview' | 'key' }) => void;
}

/** Navigation, popups, webviews, keys, devtools, zoom, unload traps. */
export function lockWebContents(contents: WebContents, options: LockdownOptions): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, options.navigation(), contents.getURL());
    if (decision.action === 'allow') return;
    event.preventDefault();
    options.onBlocked?.({ url, reason: decision.reason });
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-frame-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  // Popups never get a window: an allowed URL opens in place, anything else is refused.
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url, options.navigation(), contents.getURL());
    if (decision.action === 'allow' && decision.target !== 'blank') void contents.loadURL(url);
    else options.onBlocked?.({ url, reason: 'window' });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.onBlocked?.({ url: '', reason: 'webview' });
  });
  contents.on('before-input-event', (event: Event, input: Input) => {
    if (decideKey(input as Parameters<typeof decideKey>[0]).action === 'block')
      event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  void contents.setVisualZoomLevelLimits(1, 1);
  // "Leave this page?" must never keep a visitor's page alive through a reset.
  contents.on('will-prevent-unload', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

/**
 * The kiosk server already sends its CSP; Electron adds it again to every
 * response of the app's origin, so no page of ours runs without one.
 */
export function enforceAppCsp(session: Session, appUrl: string): void {
  const origin = new URL(appUrl).origin;
  session.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    const headers = { ...details.responseHeaders };
    if (details.resourceType === 'mainFrame')
      headers['Content-Security-Policy'] = [kioskPageCsp(origin)];
    callback({ responseHeaders: headers });
  });
}

/** Permissions, device pickers and downloads, for every page in a session. */
export function lockSession(session: Session, options: LockdownOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission).allow),
  );
  session.setPermissionCheckHandler((_contents, permission) => decidePermission(permission).allow);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('will-download', (_event, item) => {
    // No save dialog: straight into the visitor's session folder, which the reset deletes.
    const target = freePath(options.downloadsDir(), item.getFilename());
    item.setSavePath(target);
    item.once('done', (_done, state) => {
      if (state === 'completed') options.onDownloaded?.(target);
    });
  });
  session.setSpellCheckerEnabled(false);
}
