/**
 * A local test site that leaves every kind of trace a visitor's browsing can
 * leave, and a probe page that looks for them. Two instances on two ports of
 * 127.0.0.1 give two origins. Counters on the server side reveal the traces a
 * page cannot see itself (HttpOnly cookies, the HTTP cache, the auth cache).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LeakSite {
  origin: string;
  /** Requests of /cached.js that reached the server (not answered from a cache). */
  cachedHits(): number;
  /** Requests of /auth that carried credentials. */
  authorizedHits(): number;
  close(): Promise<void>;
}

const WRITE_PAGE = `<!doctype html><html><head><title>write</title></head><body>
<p id="secret">IBAN FR76 3000 6000 0112 3456 7890 189</p>
<button id="copy">copier</button>
<a id="download" href="/file.txt" download>attestation</a>
<script>
document.getElementById('copy').addEventListener('click', () => {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('secret'));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  document.execCommand('copy');
});
window.writeAll = async () => {
  document.cookie = 'visitor=jeanne; max-age=3600; path=/';
  await fetch('/set-cookie');
  localStorage.setItem('draft', 'numéro allocataire 1234567');
  sessionStorage.setItem('step', '3');
  await new Promise((resolve, reject) => {
    const open = indexedDB.open('visitor-db', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('forms');
    open.onsuccess = () => {
      const tx = open.result.transaction('forms', 'readwrite');
      tx.objectStore('forms').put({ name: 'Jeanne' }, 'me');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
  const cache = await caches.open('visitor-cache');
  await cache.put('/note', new Response('rendez-vous CAF mardi'));
  await navigator.serviceWorker.register('/sw.js');
  await navigator.serviceWorker.ready;
  await fetch('/cached.js');
  await new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/auth', true, 'jeanne', 'motdepasse');
    xhr.onloadend = resolve;
    xhr.send();
  });
  history.pushState({}, '', '/write#1');
  history.pushState({}, '', '/write#2');
  return 'written';
};
</script></body></html>`;

const PROBE_PAGE = `<!doctype html><html><head><title>probe</title></head><body><script>
window.probeAll = async () => {
  const cookies = document.cookie !== '' || (await (await fetch('/echo-cookie')).text()) !== '';
  const dbs = await indexedDB.databases();
  const before = Number(await (await fetch('/hits')).text());
  await fetch('/cached.js');
  const after = Number(await (await fetch('/hits')).text());
  const authBefore = Number(await (await fetch('/auth-hits')).text());
  await fetch('/auth?probe=1');
  const authAfter = Number(await (await fetch('/auth-hits')).text());
  return {
    cookies,
    localStorage: localStorage.length > 0,
    sessionStorage: sessionStorage.length > 0,
    indexedDB: dbs.length > 0,
    cacheStorage: (await caches.keys()).length > 0,
    serviceWorker: (await navigator.serviceWorker.getRegistrations()).length > 0,
    httpCache: after === before,
    authCache: authAfter > authBefore,
    historyLength: history.length,
  };
};
</script></body></html>`;

export async function startLeakSite(): Promise<LeakSite> {
  let cachedHits = 0;
  let authorizedHits = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = (body: string) =>
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    const text = (body: string, headers: Record<string, string> = {}) =>
      res
        .writeHead(200, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
          ...headers,
        })
        .end(body);
    switch (path) {
      case '/write':
        return html(WRITE_PAGE);
      case '/probe':
        return html(PROBE_PAGE);
      case '/popup':
        return html('<!doctype html><title>popup</title><p>fenêtre ouverte</p>');
      case '/sw.js':
        return res
          .writeHead(200, { 'Content-Type': 'text/javascript' })
          .end("self.addEventListener('fetch', () => {});");
      case '/set-cookie':
        return text('ok', { 'Set-Cookie': 'sid=visitor-secret; HttpOnly; Max-Age=3600; Path=/' });
      case '/echo-cookie':
        return text(req.headers.cookie ?? '');
      case '/cached.js':
        cachedHits += 1;
        return res
          .writeHead(200, {
            'Content-Type': 'text/javascript',
            'Cache-Control': 'public, max-age=3600',
          })
          .end('// cacheable');
      case '/hits':
        return text(String(cachedHits));
      case '/auth':
        if (!req.headers.authorization) {
          // The probe must not trigger a login prompt: it only looks for credentials sent unasked.
          const probing = req.url?.includes('probe=1');
          return res
            .writeHead(401, probing ? {} : { 'WWW-Authenticate': 'Basic realm="espace"' })
            .end();
        }
        authorizedHits += 1;
        return text('espace personnel');
      case '/auth-hits':
        return text(String(authorizedHits));
      case '/file.txt':
        return text('attestation de paiement', {
          'Content-Disposition': 'attachment; filename="attestation-caf.txt"',
        });
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cachedHits: () => cachedHits,
    authorizedHits: () => authorizedHits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
