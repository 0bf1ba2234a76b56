/**
 * The kiosk server: serves the built renderer on 127.0.0.1 for both hosts.
 * For the browser host it also carries the IPC contract over a WebSocket, so
 * the same UI and services run in any Chromium. Only the page it served may
 * connect: the Origin must be its own and the per-launch token (written into
 * index.html) must match.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  DOCUMENT_PATH,
  DRAFT_PAGE_PATH,
  SPEECH_PATH,
  THUMBNAIL_PATH,
  WS_PATH,
} from '../contract/channels.js';
import { LANGUAGE_CODES, LanguageCode } from '../contract/ipc-contract.js';
import type { SpeechSynthesizer } from '../speech/speech-synthesizer.js';
import type { Logo } from '../config/branding.js';
import type { DocumentsService } from '../app/documents-service.js';
import { type KioskServices, LOGO_PATH } from '../app/kiosk-services.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { serveStatic } from './static-files.js';

export interface KioskServerOptions {
  /** 0 picks any free port. */
  port: number;
  rendererDir: string;
  services: KioskServices;
  /** Carry the contract over a WebSocket (false for Electron, which uses its own IPC). */
  webSocket?: boolean;
  log?: (line: string) => void;
}

export interface KioskServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Largest message a renderer may send; requests are small JSON objects. */
const MAX_MESSAGE_BYTES = 64 * 1024;
export const TOKEN_META = 'borne-host-token';

export async function startKioskServer(options: KioskServerOptions): Promise<KioskServer> {
  const log = options.log ?? (() => {});
  const token = randomBytes(24).toString('base64url');
  const dispatch = createDispatcher(options.services.handlers, (method, error) =>
    log(
      `ipc ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    ),
  );
  let origin = '';
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      // Refuses DNS-rebinding: a page on another name that resolves to us.
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Misdirected request');
      return;
    }
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === SPEECH_PATH) {
      void serveSpeech(req, res, origin, token, options.services.speech);
      return;
    }
    if (path === LOGO_PATH) return serveLogo(res, options.services.logo());
    if (path === DOCUMENT_PATH || path === DRAFT_PAGE_PATH || path === THUMBNAIL_PATH) {
      void serveDocument(req, res, origin, token, options.services.documents).catch(
        (error: unknown) => {
          log(`http ${path} failed: ${String(error)}`);
          if (!res.headersSent) res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    serveStatic(
      {
        root: options.rendererDir,
        origin,
        transformIndex: (html) =>
          html.replace('<head>', `<head><meta name="${TOKEN_META}" content="${token}">`),
      },
      req,
      res,
    ).catch((error: unknown) => {
      log(`http ${req.url ?? ''} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (options.webSocket === false || !isAllowedUpgrade(req, origin, allowedHosts, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveConnection(ws));
  });

  function serveConnection(ws: WebSocket): void {
    const unsubscribe = options.services.events.subscribe((envelope) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(envelope));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        raw = undefined;
      }
      void dispatch(raw).then((response) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
      });
    });
    ws.on('close', unsubscribe);
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/`,
    port,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A document of the visit's folder (for the viewer and the thumbnails), or a
 * page of the scan being made. Same per-launch token as the WebSocket: only
 * the kiosk's own page may ask; never cached, since the next visitor must not
 * find it.
 */
async function serveDocument(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  token: string,
  documents: DocumentsService,
): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  const fail = (status: number, message: string): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
  };
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) return fail(403, 'Forbidden');
  let body: { bytes: Buffer; type: string } | null;
  if (url.pathname === DRAFT_PAGE_PATH) {
    const index = Number(url.searchParams.get('index'));
    const png = Number.isInteger(index) ? await documents.pagePreview(index) : null;
    body = png && { bytes: png, type: 'image/png' };
  } else if (url.pathname === THUMBNAIL_PATH) {
    const png = await documents.thumbnail(url.searchParams.get('name') ?? '');
    body = png && { bytes: png, type: 'image/png' };
  } else {
    body = await documents.read(url.searchParams.get('name') ?? '');
  }
  if (!body) return fail(404, 'No such document');
  res
    .writeHead(200, {
      'Content-Type': body.type,
      'Content-Length': String(body.bytes.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // Shown inside the kiosk's page only, never as a page of its own.
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
    })
    .end(body.bytes);
}

/** The welcome point's logo, from the configuration: its type was read from its bytes. */
function serveLogo(res: ServerResponse, logo: Logo | null): void {
  if (!logo) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('No logo');
    return;
  }
  res
    .writeHead(200, {
      'Content-Type': logo.type,
      'Content-Length': logo.bytes.length,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    })
    .end(logo.bytes);
}

/**
 * `GET /speech?lang=fr&text=…&token=…` → audio/wav read by espeak-ng. Same
 * per-launch token as the WebSocket: only the kiosk's own page may use it.
 */
async function serveSpeech(
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
  token: string,
  speech: SpeechSynthesizer,
): Promise<void> {
  const url = new URL(req.url ?? '/', origin);
  const fail = (status: number, message: string): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
  };
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) return fail(403, 'Forbidden');
  const language = LanguageCode.safeParse(url.searchParams.get('lang'));
  if (!language.success) return fail(400, `lang must be one of ${LANGUAGE_CODES.join(', ')}`);
  const result = await speech.synthesize(url.searchParams.get('text') ?? '', language.data);
  if (!result.ok) {
    return fail(
      result.error === 'too-long' || result.error === 'no-voice' ? 400 : 503,
      `speech ${result.error}`,
    );
  }
  res
    .writeHead(200, {
      'Content-Type': 'audio/wav',
      'Content-Length': String(result.wav.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .end(result.wav);
}

function isAllowedUpgrade(
  req: IncomingMessage,
  origin: string,
  allowedHosts: Set<string>,
  token: string,
): boolean {
  if (!allowedHosts.has(req.headers.host ?? '')) return false;
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname !== WS_PATH) return false;
  const allowedOrigins = [...allowedHosts].map((host) => `http://${host}`);
  if (!allowedOrigins.includes(req.headers.origin ?? '')) return false;
  return sameSecret(url.searchParams.get('token') ?? '', token);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
