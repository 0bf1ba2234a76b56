/**
 * The Electron host: the only module that imports 'electron'. It wires the
 * same services as the browser host into a locked kiosk window; every
 * decision it applies comes from a plain module tested under Node.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { bootKiosk } from '../app/boot.js';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../contract/channels.js';
import { readyLine } from '../host/env-options.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { isAppPage } from '../shell/app-navigation.js';
import { kioskWindowOptions } from '../shell/kiosk-window-options.js';

const here = fileURLToPath(new URL('.', import.meta.url));

async function start(): Promise<void> {
  const kiosk = await bootKiosk('electron', join(app.getAppPath(), 'dist', 'renderer'));
  const { server, services } = kiosk;
  const dispatch = createDispatcher(services.handlers, (method, error) =>
    console.error(`ipc ${method} failed:`, error),
  );

  const denyAll = session.defaultSession;
  denyAll.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  denyAll.setPermissionCheckHandler(() => false);

  const window = new BrowserWindow(kioskWindowOptions(join(here, 'preload.cjs')));
  const contents = window.webContents;
  ipcMain.handle(IPC_REQUEST_CHANNEL, (event, raw: unknown) => {
    // Only the kiosk's own page may call the services, never a frame it embeds.
    const sender = event.senderFrame;
    if (!sender || sender !== contents.mainFrame || !isAppPage(sender.url, server.url)) {
      return { id: 0, ok: false, error: { code: 'bad-request', message: 'untrusted sender' } };
    }
    return dispatch(raw);
  });
  services.events.subscribe((envelope) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, envelope);
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, server.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('render-process-gone', () => {
    if (!window.isDestroyed()) void window.loadURL(server.url);
  });
  window.once('ready-to-show', () => window.show());

  await window.loadURL(server.url);
  console.log(readyLine(server.url));

  const stop = () => void kiosk.stop().finally(() => app.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', kiosk.reloadConfig);
  app.on('window-all-closed', stop);
}

if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  app.whenReady().then(start, (error: unknown) => {
    console.error('Borne cannot start:', error);
    app.exit(1);
  });
}
