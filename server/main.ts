/**
 * `npm run server` and `borne server`: the fleet server from environment
 * settings. BORNE_SERVER_PORT (default 8411; 0 = any free port),
 * BORNE_SERVER_HOST (default 127.0.0.1; put a TLS proxy in front for the
 * network), BORNE_SERVER_DATA (default ~/.local/state/borne-server),
 * BORNE_SERVER_DATABASE (postgres://…; embedded SQLite when unset).
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './start-server.js';

export function serverSettings(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.BORNE_SERVER_PORT ?? 8411);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `BORNE_SERVER_PORT must be a port number (0 for any free port), not "${env.BORNE_SERVER_PORT}"`,
    );
  }
  const database = env.BORNE_SERVER_DATABASE || undefined;
  if (database && !/^postgres(ql)?:\/\//.test(database)) {
    throw new Error(
      'BORNE_SERVER_DATABASE must be a postgres://… address (unset for embedded SQLite)',
    );
  }
  return {
    port,
    host: env.BORNE_SERVER_HOST ?? '127.0.0.1',
    dataDir:
      env.BORNE_SERVER_DATA ??
      join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'borne-server'),
    ...(database ? { database } : {}),
  };
}

export async function runServer(env: NodeJS.ProcessEnv = process.env) {
  // dist/server/main.mjs (or a chunk beside it): the console is built to dist/console.
  const here = dirname(fileURLToPath(import.meta.url));
  const consoleDir = env.BORNE_CONSOLE_DIR ?? join(here, '..', 'console');
  const server = await startServer({
    ...serverSettings(env),
    consoleDir,
    secureCookies: env.BORNE_SERVER_INSECURE_COOKIES !== '1',
  });
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
