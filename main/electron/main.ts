/**
 * The Electron host: the only module that imports 'electron'. It wires the
 * same services as the browser host into a locked kiosk window; every
 * decision it applies comes from a plain module tested under Node.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, ipcMain, Menu, session } from 'electron';
import { bootKiosk } from '../app/boot.js';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../contract/channels.js';
import { readyLine } from '../host/env-options.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { isAppPage } from '../shell/navigation-policy.js';
import { kioskWindowOptions } from '../shell/kiosk-window-options.js';
import { enforceAppCsp, lockSession, lockWebContents } from './lockdown.js';
import { ElectronVisitorPartition } from './visitor-partition.js';

const here = fileURLToPath(new URL('.', import.meta.url));

async function start(): Promise<void> {
  const kiosk = await bootKiosk('electron', join(app.getAppPath(), 'dist', 'renderer'));
  const { server, services } = kiosk;
  const dispatch = createDispatcher(services.handlers, (method, error) =>
    console.error(`ipc ${method} failed:`, error),
  );

  Menu.setApplicationMenu(null);
  // The kiosk's own window may show its own pages only; visitor browsing gets
  // a partition of its own per visitor (ElectronVisitorPartition).
  const appLockdown = {
    navigation: () => ({ appOrigin: server.url, sites: [] }),
    downloadsDir: () => services.sessionFolder.path,
    onBlocked: (blocked: { url: string; reason: string }) =>
      console.log(`blocked ${blocked.reason}: ${blocked.url}`),
  };
  lockSession(session.defaultSession, appLockdown);
  enforceAppCsp(session.defaultSession, server.url);
  app.on('web-contents-created', (_event, created) => lockWebContents(created, appLockdown));
  const visitorPartition = new ElectronVisitorPartition(
    {
      fromPartition: (name) => session.fromPartition(name),
      clearClipboard: () => clipboard.clear(),
    },
    {
      navigation: () => ({ appOrigin: server.url, sites: kiosk.config.config.browsing.sites }),
      downloadsDir: appLockdown.downloadsDir,
      onBlocked: appLockdown.onBlocked,
    },
  );
  services.session.addWiper(visitorPartition);

  // contextIsolation, sandbox and disableBlinkFeatures: 'Auxclick' are set in
  // kioskWindowOptions (asserted by its unit test); electronegativity cannot see through the call.
  const window = new BrowserWindow(kioskWindowOptions(join(here, 'preload.cjs'))); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
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
  contents.on('render-process-gone', (_event, details) => {
    services.session.dispatch({
      type: 'renderer-gone',
      cause: details.reason === 'crashed' ? 'crash' : 'hang',
    });
    if (!window.isDestroyed()) void window.loadURL(server.url);
  });
  contents.on('unresponsive', () => {
    services.session.dispatch({ type: 'renderer-gone', cause: 'hang' });
    contents.forcefullyCrashRenderer();
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
