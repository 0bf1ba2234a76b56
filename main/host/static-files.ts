import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module file.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

/**
 * The Content-Security-Policy of the kiosk's own pages: only our bundle,
 * only our WebSocket, no plugins, no framing, no forms posting anywhere.
 */
export function kioskPageCsp(origin: string): string {
  const wsOrigin = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "media-src 'self'",
    `connect-src 'self' ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
};

export interface StaticSite {
  root: string;
  origin: string;
  /** Called on index.html before it is served (the browser host adds its token). */
  transformIndex?: (html: string) => string;
}

/** Resolves a URL path inside root, or null when it would leave root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const absoluteRoot = resolve(root);
  const target = resolve(join(absoluteRoot, decoded));
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + sep)) return null;
  return target;
}

/** Serves the built renderer. Paths without an extension get index.html. */
export async function serveStatic(
  site: StaticSite,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', {
      Allow: 'GET, HEAD',
    });
  }
  const urlPath = new URL(req.url ?? '/', site.origin).pathname;
  const isPage = urlPath === '/' || extname(urlPath) === '';
  const file = resolveInside(site.root, isPage ? '/index.html' : urlPath);
  if (!file) return send(res, 400, 'text/plain; charset=utf-8', 'Bad path');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  if (isPage) {
    const html = site.transformIndex ? site.transformIndex(body.toString('utf8')) : body;
    return send(res, 200, type, req.method === 'HEAD' ? '' : html, {
      'Content-Security-Policy': kioskPageCsp(site.origin),
      'Cache-Control': 'no-store',
    });
  }
  // Vite puts a content hash in every asset name under /assets/.
  const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  return send(res, 200, type, req.method === 'HEAD' ? '' : body, { 'Cache-Control': cache });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...headers });
  res.end(body);
}
