/**
 * A real fleet server on 127.0.0.1 for tests (embedded SQLite in a
 * temporary folder, or a PostgreSQL address), and an admin's browser-like
 * session against it: the session cookie and the CSRF header, as the
 * console sends them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../server/start-server.js';

export interface TestServer extends RunningServer {
  dataDir: string;
  clock: { now: Date };
  stop(): Promise<void>;
}

export async function startTestServer(
  options: {
    dataDir?: string;
    database?: string;
    port?: number;
    now?: Date;
    consoleDir?: string;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'borne-fleet-server-'));
  const clock = { now: options.now ?? new Date() };
  const server = await startServer({
    dataDir,
    port: options.port ?? 0,
    ...(options.database ? { database: options.database } : {}),
    ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
    secureCookies: false,
    logger: false,
    now: () => clock.now,
    print: () => undefined,
  });
  return {
    ...server,
    dataDir,
    clock,
    async stop() {
      await server.close();
    },
  };
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** Someone using the console: keeps the cookie the server sets, sends the CSRF token it gave. */
export function consoleUser(baseUrl: string) {
  let cookie = '';
  let csrf = '';
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] as string;
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (typeof parsed.csrf === 'string') csrf = parsed.csrf;
    return { status: response.status, body: parsed } as Answer;
  }
  return {
    call,
    login: (username: string, password: string) =>
      call('POST', '/api/admin/login', { username, password }),
    get cookie() {
      return cookie;
    },
    forgetCsrf() {
      csrf = '';
    },
  };
}

export const ADMIN = { username: 'camille', password: 'un mot de passe long' };

/** The first admin (from the setup token), signed in, with two sites. */
export async function adminWithSites(server: TestServer) {
  const admin = consoleUser(server.url);
  const setup = await admin.call('POST', '/api/admin/setup', {
    token: server.setupToken,
    ...ADMIN,
  });
  if (setup.status !== 201) throw new Error(`setup: ${JSON.stringify(setup.body)}`);
  await admin.login(ADMIN.username, ADMIN.password);
  await admin.call('POST', '/api/admin/sites', { id: 'lyon-8', name: 'Lyon 8e' });
  await admin.call('POST', '/api/admin/sites', { id: 'paris-18', name: 'Paris 18e' });
  return admin;
}
