/**
 * Options of the Electron kiosk window and of its two views (the kiosk's UI,
 * and the official site beside it). Pure data, so the security-relevant
 * choices are unit-tested without Electron; main/electron passes them as is.
 */

/** What every web view of the kiosk is denied, the kiosk's own and the site's alike. */
const LOCKED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  devTools: false,
  safeDialogs: true,
  disableDialogs: true,
  // Middle-click (auxclick) would open links in a new window.
  disableBlinkFeatures: 'Auxclick',
} as const;

/** The window (a BaseWindow holding the views) and the kiosk UI view's preferences. */
export function kioskWindowOptions(preloadPath: string) {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#fdfcf8',
    webPreferences: { preload: preloadPath, ...LOCKED },
  } as const;
}

/**
 * The official site's view: the visitor's own partition, no preload (the site
 * never reaches the contract), no plugins (Chromium's PDF viewer could save
 * or print outside the kiosk's control: PDFs become downloads instead).
 */
export function siteViewPreferences<Session>(session: Session) {
  return { session, plugins: false, ...LOCKED } as const;
}
