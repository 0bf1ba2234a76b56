import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type KioskServer, startKioskServer, TOKEN_META } from '../../../main/host/kiosk-server.js';
import { servicesOnTempConfig } from '../../support/fake-services.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function tokenOf(html: string): string {
  const match = new RegExp(`<meta name="${TOKEN_META}" content="([^"]+)">`).exec(html);
  if (!match?.[1]) throw new Error('no token in index.html');
  return match[1];
}

/** Opens a socket; resolves with it, or with the HTTP status that refused it. */
function connect(url: string, origin: string) {
  return new Promise<WebSocket | number>((resolve) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse(data.toString()))),
  );
}

let server: KioskServer;
let setup: ReturnType<typeof servicesOnTempConfig>;
let origin: string;
let sockets: WebSocket[] = [];

beforeEach(async () => {
  setup = servicesOnTempConfig();
  const root = join(setup.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>t</title></head></html>',
  );
  writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(join(setup.dir, 'secret.txt'), 'do not serve');
  server = await startKioskServer({ port: 0, rendererDir: root, services: setup.services });
  origin = `http://127.0.0.1:${server.port}`;
});

afterEach(async () => {
  for (const ws of sockets) ws.terminate();
  sockets = [];
  await server.close();
});

async function openSocket(): Promise<WebSocket> {
  const token = tokenOf((await get(server.port, '/')).body);
  const ws = await connect(`ws://127.0.0.1:${server.port}/ipc?token=${token}`, origin);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  sockets.push(ws);
  return ws;
}

describe('kiosk server: pages', () => {
  it('serves index.html with its token, a strict CSP and no caching', async () => {
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${server.port}`,
    );
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(tokenOf(res.body)).toMatch(/^[\w-]{32}$/);
  });

  it('serves the page for client routes and hashed assets for a year', async () => {
    expect((await get(server.port, '/procedures/caf')).status).toBe(200);
    const asset = await get(server.port, '/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/a%00.js'])(
    'never serves a file outside the renderer (%s)',
    async (path) => {
      const res = await get(server.port, path);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('do not serve');
    },
  );

  it('refuses other Host names (DNS rebinding) and methods other than GET/HEAD', async () => {
    expect((await get(server.port, '/', { Host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get(server.port, '/', {}, 'POST')).status).toBe(405);
    expect((await get(server.port, '/', {}, 'HEAD')).status).toBe(200);
  });
});

describe('kiosk server: read-aloud', () => {
  it('reads text aloud for its own page only', async () => {
    const token = tokenOf((await get(server.port, '/')).body);
    const query = (params: Record<string, string>) => `/speech?${new URLSearchParams(params)}`;
    const ok = await get(server.port, query({ lang: 'fr', text: 'Bienvenue', token }));
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('audio/wav');
    expect(ok.body.startsWith('RIFF')).toBe(true);
    expect((await get(server.port, query({ lang: 'fr', text: 'Bienvenue' }))).status).toBe(403);
    expect((await get(server.port, query({ lang: 'de', text: 'Willkommen', token }))).status).toBe(
      400,
    );
    expect(
      (await get(server.port, query({ lang: 'fr', text: 'x'.repeat(601), token }))).status,
    ).toBe(400);
  });
});

describe('kiosk server: the contract over WebSocket', () => {
  it('answers app.info to its own page', async () => {
    const ws = await openSocket();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 1, method: 'app.info', params: {} }));
    expect(await reply).toMatchObject({
      id: 1,
      ok: true,
      result: { host: 'browser', kioskId: 'borne-dev', languages: { default: 'fr' } },
    });
  });

  it('answers garbage with a bad-request, and stays up', async () => {
    const ws = await openSocket();
    let reply = nextMessage(ws);
    ws.send('{not json');
    expect(await reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 2, method: 'app.info' }));
    expect(await reply).toMatchObject({ id: 2, ok: true });
  });

  it('pushes app.info.changed when the configuration is reloaded', async () => {
    const ws = await openSocket();
    writeFileSync(setup.config.path, JSON.stringify({ kiosk: { siteName: 'Lyon 8e' } }));
    const event = nextMessage(ws);
    setup.config.reload();
    expect(await event).toMatchObject({
      event: 'app.info.changed',
      payload: { siteName: 'Lyon 8e' },
    });
  });

  it('refuses another origin, a wrong or missing token, another path and another Host', async () => {
    const token = tokenOf((await get(server.port, '/')).body);
    const base = `ws://127.0.0.1:${server.port}`;
    expect(await connect(`${base}/ipc?token=${token}`, 'http://evil.example')).toBe(403);
    expect(await connect(`${base}/ipc?token=${token}`, 'http://127.0.0.1:1')).toBe(403);
    expect(await connect(`${base}/ipc?token=${token}x`, origin)).toBe(403);
    expect(await connect(`${base}/ipc`, origin)).toBe(403);
    expect(await connect(`${base}/other?token=${token}`, origin)).toBe(403);
  });

  it('has no WebSocket at all when the host carries the contract itself (Electron)', async () => {
    const electronSide = await startKioskServer({
      port: 0,
      rendererDir: join(setup.dir, 'renderer'),
      services: setup.services,
      webSocket: false,
    });
    try {
      const token = tokenOf((await get(electronSide.port, '/')).body);
      const own = `http://127.0.0.1:${electronSide.port}`;
      expect(await connect(`ws://127.0.0.1:${electronSide.port}/ipc?token=${token}`, own)).toBe(
        403,
      );
    } finally {
      await electronSide.close();
    }
  });

  it('closes with open sockets in well under the 2 s stop budget', async () => {
    await openSocket();
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(500);
    server = await startKioskServer({ port: 0, rendererDir: setup.dir, services: setup.services });
  });
});
