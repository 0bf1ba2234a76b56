/**
 * The Electron host: the only module that imports 'electron'. It wires the
 * same services as the browser host into a locked kiosk window; every
 * decision it applies comes from a plain module tested under Node.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BaseWindow, clipboard, ipcMain, Menu, session, WebContentsView } from 'electron';
import { bootKiosk } from '../app/boot.js';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../contract/channels.js';
import { readyLine } from '../host/env-options.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { isAppPage } from '../shell/navigation-policy.js';
import { kioskWindowOptions, siteViewPreferences } from '../shell/kiosk-window-options.js';
import { enforceAppCsp, lockSession, lockWebContents } from './lockdown.js';
import { ElectronGuideSite } from './site-view.js';
import { ElectronVisitorPartition } from './visitor-partition.js';

const here = fileURLToPath(new URL('.', import.meta.url));

async function start(): Promise<void> {
  const kiosk = await bootKiosk('electron', join(app.getAppPath(), 'dist', 'renderer'), () => {
    app.relaunch();
    app.exit(0);
  });
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
  const visitorLockdown = {
    navigation: () => ({ appOrigin: server.url, sites: services.visitorSites() }),
    downloadsDir: appLockdown.downloadsDir,
    onDownloaded: (path: string) => services.documents.received(path),
    onBlocked: appLockdown.onBlocked,
  };
  // Every web contents is locked as it is made: the kiosk's own to its pages,
  // the site's (in a visitor partition) to the sites the visitor may browse now.
  app.on('web-contents-created', (_event, created) =>
    lockWebContents(
      created,
      created.session === session.defaultSession ? appLockdown : visitorLockdown,
    ),
  );
  const visitorPartition = new ElectronVisitorPartition(
    {
      fromPartition: (name) => session.fromPartition(name),
      clearClipboard: () => clipboard.clear(),
    },
    visitorLockdown,
  );

  // One window, two views: the kiosk's own UI, and the official site beside it
  // while a guided procedure is open. contextIsolation, sandbox and
  // disableBlinkFeatures: 'Auxclick' are set in kioskWindowOptions and
  // siteViewPreferences (asserted by their unit tests); electronegativity
  // cannot see through the calls.
  const { webPreferences, ...windowOptions } = kioskWindowOptions(join(here, 'preload.cjs'));
  const window = new BaseWindow(windowOptions);
  const kioskView = new WebContentsView({ webPreferences }); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  window.contentView.addChildView(kioskView);
  const contents = kioskView.webContents;
  const site = new ElectronGuideSite({
    createView: () =>
      new WebContentsView({ webPreferences: siteViewPreferences(visitorPartition.session) }), // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    addView: (view) => window.contentView.addChildView(view),
    removeView: (view) => window.contentView.removeChildView(view),
    contentBounds: () => window.getContentBounds(),
    kioskView,
    onField: (report) => services.aids.siteFieldFocused(report),
    onFileChooser: (request) => services.documents.openPicker(request),
  });
  // The site view goes before the partition it browses in is cleared.
  services.session.addWiper(site);
  services.session.addWiper(visitorPartition);
  services.guide.attachSite(site);
  services.idCardHelper.attachSite(site);
  services.aids.attachSite(site);
  window.on('resize', () => site.place());
  site.place();

  ipcMain.handle(IPC_REQUEST_CHANNEL, (event, raw: unknown) => {
    // Only the kiosk's own page may call the services, never a frame it embeds nor the site.
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
    if (!contents.isDestroyed()) void contents.loadURL(server.url);
  });
  contents.on('unresponsive', () => {
    services.session.dispatch({ type: 'renderer-gone', cause: 'hang' });
    contents.forcefullyCrashRenderer();
  });
  contents.once('did-finish-load', () => window.show());

  await contents.loadURL(server.url);
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
