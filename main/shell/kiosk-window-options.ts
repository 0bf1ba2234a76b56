/**
 * Options of the Electron kiosk window. Pure data, so the security-relevant
 * choices are unit-tested without Electron; main/electron passes them as is.
 */
export function kioskWindowOptions(preloadPath: string) {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#fdfcf8',
    webPreferences: {
      preload: preloadPath,
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
    },
  } as const;
}
