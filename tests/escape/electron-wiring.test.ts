/**
 * Escape vectors against Electron's wiring (main/electron/lockdown.ts), driven
 * through typed fakes of Electron's web contents, sessions and events: the
 * Electron binary cannot run here, but every handler the adapter registers is
 * called as Electron would call it. Test names start with the catalogue id.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { lockSession, lockWebContents } from '../../main/electron/lockdown.js';
import { startKioskServer } from '../../main/host/kiosk-server.js';
import type { KeyInput } from '../../main/shell/key-policy.js';
import { kioskWindowOptions } from '../../main/shell/kiosk-window-options.js';
import { REFUSED_PERMISSIONS } from '../../main/shell/permission-policy.js';
import { servicesOnTempConfig } from '../support/fake-services.js';

const APP = 'http://127.0.0.1:5180/';
const SITE = 'https://www.caf.fr/mon-compte';

class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class FakeWebContents extends EventEmitter {
  url = SITE;
  loaded: string[] = [];
  devtoolsClosed = 0;
  zoomFactor = 1.5;
  zoomLimits: number[] = [];
  openHandler?: (details: { url: string }) => { action: string };
  getURL() {
    return this.url;
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  closeDevTools() {
    this.devtoolsClosed += 1;
  }
  setZoomFactor(factor: number) {
    this.zoomFactor = factor;
  }
  setVisualZoomLevelLimits(min: number, max: number) {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

class FakeSession extends EventEmitter {
  request?: PermissionRequestHandler;
  check?: (contents: unknown, permission: string) => boolean;
  device?: () => boolean;
  display?: (request: unknown, callback: (streams: object) => void) => void;
  spellChecker = true;
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean) {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: () => boolean) {
    this.device = handler;
  }
  setDisplayMediaRequestHandler(
    handler: (request: unknown, callback: (streams: object) => void) => void,
  ) {
    this.display = handler;
  }
  setSpellCheckerEnabled(enabled: boolean) {
    this.spellChecker = enabled;
  }
}

const blocked: { url: string; reason: string }[] = [];
const options = {
  navigation: () => ({
    appOrigin: APP,
    sites: [{ scheme: 'https' as const, host: 'www.caf.fr', pathPrefix: '/' }],
  }),
  downloadsDir: () => '/tmp/borne-visitor-x/current',
  onBlocked: (entry: { url: string; reason: string }) => blocked.push(entry),
};

function lockedContents(): FakeWebContents {
  const contents = new FakeWebContents();
  lockWebContents(contents as unknown as WebContents, options);
  return contents;
}

function lockedSession(): FakeSession {
  const session = new FakeSession();
  lockSession(session as unknown as Session, options);
  return session;
}

/** Emits a navigation event as Electron does and tells whether it was prevented. */
function navigate(
  kind: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
  url: string,
): boolean {
  const contents = lockedContents();
  const event = new FakeEvent(url);
  contents.emit(kind, event);
  return event.defaultPrevented;
}

function press(spec: string): boolean {
  const contents = lockedContents();
  const parts = spec.split('+');
  const key = parts.pop() as string;
  const input: KeyInput = {
    type: 'keyDown',
    key,
    code: key.length === 1 ? `Key${key.toUpperCase()}` : key,
    control: parts.includes('Ctrl'),
    alt: parts.includes('Alt'),
    shift: parts.includes('Shift'),
    meta: parts.includes('Meta'),
  };
  const event = new FakeEvent();
  contents.emit('before-input-event', event, input);
  return event.defaultPrevented;
}

function permission(name: string): {
  requested: boolean | undefined;
  checked: boolean | undefined;
} {
  const session = lockedSession();
  let requested: boolean | undefined;
  session.request?.(null, name, (granted) => (requested = granted));
  return { requested, checked: session.check?.(null, name) };
}

describe('escape vectors: navigation (Electron will-navigate)', () => {
  it.each([
    ['E01', 'javascript:alert(document.cookie)'],
    ['E02', 'data:text/html,<h1>Votre session a expiré</h1>'],
    ['E03', 'file:///etc/passwd'],
    ['E04', 'chrome://settings'],
    ['E05', 'devtools://devtools/bundled/inspector.html'],
    ['E06', 'view-source:https://www.caf.fr/'],
    ['E07', 'about:config'],
    ['E08', 'blob:https://evil.example/0f1e2d3c-aaaa-bbbb-cccc-123456789abc'],
    ['E09', 'mailto:contact@caf.fr'],
    ['E10', 'tel:3230'],
    ['E10', 'sms:3230'],
    ['E11', 'intent://scan/#Intent;scheme=zxing;end'],
    ['E11', 'steam://run/1'],
    ['E12', 'https://www.google.com/'],
    ['E13', 'https://www.caf.fr.evil.example/'],
    ['E14', 'https://www.caf.fr@evil.example/'],
  ])('[%s] refuses %s', (_id, url) => {
    expect(navigate('will-navigate', url)).toBe(true);
  });

  it('lets allowed navigations through (the guard is not a wall)', () => {
    expect(navigate('will-navigate', 'https://www.caf.fr/allocataires')).toBe(false);
    expect(navigate('will-navigate', APP)).toBe(false);
  });

  it('[E15] refuses a server redirect to another site', () => {
    expect(navigate('will-redirect', 'https://evil.example/phish')).toBe(true);
    expect(navigate('will-redirect', 'https://www.caf.fr/connexion')).toBe(false);
  });

  it('[E16] refuses an iframe navigating to another site', () => {
    expect(navigate('will-frame-navigate', 'https://ads.example/')).toBe(true);
  });
});

describe('escape vectors: windows and embedding', () => {
  it('[E17] never opens a window; an allowed URL opens in place', () => {
    const contents = lockedContents();
    expect(contents.openHandler?.({ url: 'https://www.caf.fr/aide' })).toEqual({ action: 'deny' });
    expect(contents.loaded).toEqual(['https://www.caf.fr/aide']);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.loaded).toEqual(['https://www.caf.fr/aide']);
  });

  it('[E19] refuses <webview> and keeps the tag off', () => {
    const contents = lockedContents();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
    expect(kioskWindowOptions('/p.cjs').webPreferences.webviewTag).toBe(false);
  });

  it('[E42] a "leave this page?" prompt cannot keep a page alive', () => {
    const contents = lockedContents();
    const event = new FakeEvent();
    contents.emit('will-prevent-unload', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('[E43] no Node.js in any page: isolation, sandbox, no node integration', () => {
    expect(kioskWindowOptions('/p.cjs').webPreferences).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      contextIsolation: true,
      sandbox: true,
    });
  });

  it('[E44] the kiosk services refuse other local pages', async () => {
    const { dir, services } = servicesOnTempConfig();
    const server = await startKioskServer({ port: 0, rendererDir: dir, services });
    try {
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc?token=guess`, {
          origin: 'http://127.0.0.1:9999',
        });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => resolve(101));
        ws.once('error', () => resolve(-1));
      });
      expect(status).toBe(403);
    } finally {
      await server.close();
      services.dispose();
    }
  });
});

describe('escape vectors: downloads, permissions and devices (Electron session)', () => {
  it('[E20] saves downloads into the visitor session folder, with a safe name, and offers them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'borne-downloads-'));
    const offered: string[] = [];
    const session = new FakeSession();
    lockSession(session as unknown as Session, {
      ...options,
      downloadsDir: () => folder,
      onDownloaded: (path) => offered.push(path),
    });
    const download = (name: string, state: 'completed' | 'cancelled') => {
      const item = Object.assign(new EventEmitter(), {
        savePath: '',
        getFilename: () => name,
        setSavePath: (path: string) => (item.savePath = path),
      });
      session.emit('will-download', new FakeEvent(), item, null);
      writeFileSync(item.savePath, 'x');
      item.emit('done', new FakeEvent(), state);
      return item.savePath;
    };
    try {
      expect(download('../../.bashrc', 'completed')).toBe(join(folder, 'bashrc'));
      // A second file of the same name never replaces the first.
      expect(download('attestation.pdf', 'completed')).toBe(join(folder, 'attestation.pdf'));
      expect(download('attestation.pdf', 'completed')).toBe(join(folder, 'attestation (2).pdf'));
      download('coupé.pdf', 'cancelled');
      expect(offered).toEqual([
        join(folder, 'bashrc'),
        join(folder, 'attestation.pdf'),
        join(folder, 'attestation (2).pdf'),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.each([
    ['E25', 'media'],
    ['E26', 'geolocation'],
    ['E27', 'notifications'],
    ['E28', 'clipboard-read'],
    ['E31', 'midi'],
    ['E31', 'pointerLock'],
    ['E31', 'keyboardLock'],
    ['E31', 'idle-detection'],
    ['E31', 'window-management'],
    ['E31', 'a-permission-from-the-future'],
  ])('[%s] refuses %s, asked or checked', (_id, name) => {
    expect(permission(name)).toEqual({ requested: false, checked: false });
  });

  it('[E31] refuses every permission Borne knows of but fullscreen', () => {
    for (const name of REFUSED_PERMISSIONS)
      expect(permission(name)).toEqual({ requested: false, checked: false });
    expect(permission('fullscreen')).toEqual({ requested: true, checked: true });
  });

  it('[E29] answers device pickers with no device', () => {
    const session = lockedSession();
    expect(session.device?.()).toBe(false);
    for (const [kind, args] of [
      ['select-hid-device', [{}]],
      ['select-usb-device', [{}]],
      ['select-serial-port', [[], null]],
    ] as const) {
      const event = new FakeEvent();
      let answered: unknown = 'not called';
      session.emit(kind, event, ...args, (choice?: unknown) => (answered = choice));
      expect(event.defaultPrevented).toBe(true);
      expect(answered === undefined || answered === '').toBe(true);
    }
    const contents = lockedContents();
    const event = new FakeEvent();
    let bluetooth: unknown = 'not called';
    contents.emit(
      'select-bluetooth-device',
      event,
      [{ deviceId: 'x' }],
      (id: string) => (bluetooth = id),
    );
    expect([event.defaultPrevented, bluetooth]).toEqual([true, '']);
  });

  it('[E30] gives screen capture no source', () => {
    const session = lockedSession();
    let streams: object | undefined;
    session.display?.({}, (given) => (streams = given));
    expect(streams).toEqual({});
  });
});

describe('escape vectors: keys (Electron before-input-event)', () => {
  it.each([
    ['E32', 'F12'],
    ['E32', 'Ctrl+Shift+I'],
    ['E32', 'Ctrl+Shift+J'],
    ['E32', 'Ctrl+Shift+C'],
    ['E33', 'Ctrl+n'],
    ['E33', 'Ctrl+t'],
    ['E33', 'Ctrl+Shift+N'],
    ['E34', 'Ctrl+w'],
    ['E34', 'Alt+F4'],
    ['E34', 'Ctrl+q'],
    ['E35', 'Ctrl+l'],
    ['E35', 'F6'],
    ['E35', 'Ctrl+p'],
    ['E35', 'Ctrl+s'],
    ['E35', 'Ctrl+o'],
    ['E35', 'Ctrl+u'],
    ['E35', 'Ctrl+j'],
    ['E35', 'Ctrl+h'],
    ['E36', 'Ctrl+r'],
    ['E36', 'F5'],
    ['E36', 'Ctrl+F5'],
    ['E37', 'Alt+ArrowLeft'],
    ['E37', 'Alt+ArrowRight'],
    ['E37', 'BrowserBack'],
    ['E38', 'F11'],
    ['E39', 'Ctrl+-'],
    ['E39', 'Ctrl++'],
    ['E39', 'Ctrl+0'],
    ['E40', 'Ctrl+Tab'],
    ['E40', 'Ctrl+PageDown'],
    ['E40', 'Alt+Tab'],
    ['E40', 'Meta+Tab'],
    ['E41', 'Ctrl+Shift+Delete'],
  ])('[%s] blocks %s', (_id, spec) => {
    expect(press(spec)).toBe(true);
  });

  it('lets typing and editing through', () => {
    for (const spec of ['a', 'é', 'Enter', 'Ctrl+c', 'Ctrl+v', 'Escape', 'Ctrl+Alt+@'])
      expect(press(spec)).toBe(false);
  });

  it('[E32] closes devtools if anything opens them', () => {
    const contents = lockedContents();
    contents.emit('devtools-opened');
    expect(contents.devtoolsClosed).toBe(1);
    expect(kioskWindowOptions('/p.cjs').webPreferences.devTools).toBe(false);
  });

  it('[E38] the kiosk window has no windowed state to leave to', () => {
    expect(kioskWindowOptions('/p.cjs')).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
    });
  });

  it('[E39] pinch and page zoom stay at 100 %', () => {
    const contents = lockedContents();
    expect(contents.zoomLimits).toEqual([1, 1]);
    contents.emit('zoom-changed', new FakeEvent(), 'in');
    expect(contents.zoomFactor).toBe(1);
  });
});

describe('Electron visitor partition (reset wiper)', () => {
  class FakePartitionSession extends FakeSession {
    cleared: string[] = [];
    constructor(readonly partition: string) {
      super();
    }
    async clearData() {
      this.cleared.push('data');
    }
    async clearCache() {
      this.cleared.push('cache');
    }
    async clearAuthCache() {
      this.cleared.push('auth');
    }
    async clearHostResolverCache() {
      this.cleared.push('host-resolver');
    }
    async clearCodeCaches() {
      this.cleared.push('code');
    }
  }

  it('gives each visitor a new in-memory partition, cleared and dropped at reset with the clipboard', async () => {
    const { ElectronVisitorPartition } = await import('../../main/electron/visitor-partition.js');
    const made: FakePartitionSession[] = [];
    let clipboardCleared = 0;
    const partition = new ElectronVisitorPartition(
      {
        fromPartition: (name) => {
          const session = new FakePartitionSession(name);
          made.push(session);
          return session as unknown as Session;
        },
        clearClipboard: () => void (clipboardCleared += 1),
      },
      options,
    );
    const first = partition.session as unknown as FakePartitionSession;
    expect(first.partition).toBe('visitor-1');
    expect(first.partition.startsWith('persist:')).toBe(false);
    expect(first.request, 'locked down like every session').toBeDefined();
    await partition.wipe();
    expect(first.cleared).toEqual(['data', 'cache', 'auth', 'host-resolver', 'code']);
    expect(clipboardCleared).toBe(1);
    const second = partition.session as unknown as FakePartitionSession;
    expect(second).not.toBe(first);
    expect(second.partition).toBe('visitor-2');
  });
});
