import { describe, expect, it } from 'vitest';
import { isAppPage } from '../../../main/shell/navigation-policy.js';
import { kioskWindowOptions } from '../../../main/shell/kiosk-window-options.js';

describe('Electron kiosk window options', () => {
  const options = kioskWindowOptions('/app/dist/electron/preload.cjs');

  it('is a full-screen kiosk window', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false });
  });

  it('isolates the renderer (Electron security checklist)', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
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
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('the kiosk window stays on its own pages', () => {
  const origin = 'http://127.0.0.1:5180/';
  it.each([
    ['http://127.0.0.1:5180/', true],
    ['http://127.0.0.1:5180/procedures/caf?step=2', true],
    ['http://127.0.0.1:5180.evil.example/', false],
    ['http://127.0.0.1:5181/', false],
    ['https://127.0.0.1:5180/', false],
    ['http://localhost:5180/', false],
    ['http://user:pass@127.0.0.1:5180/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,hi', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAppPage(url, origin)).toBe(allowed);
  });
});
