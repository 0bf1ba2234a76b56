/**
 * Starts the fleet server: opens its database (embedded SQLite in the data
 * folder, or PostgreSQL from BORNE_SERVER_DATABASE), loads the signing key,
 * makes a one-time setup token when no admin exists yet (printed once, only
 * its digest kept), listens, and prints the line scripts wait for:
 * "Borne fleet server ready: http://127.0.0.1:<port>/".
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { publicKeyBase64 } from '../main/fleet/sealed-box.js';
import { buildFleetApp } from './fleet-app.js';
import { SETUP_TOKEN_SETTING } from './routes/admin-routes.js';
import { loadSigningKey } from './signing-key.js';
import { FleetStore } from './storage/fleet-store.js';
import { openPostgres, openSqlite } from './storage/sql-db.js';

export interface ServerOptions {
  dataDir: string;
  /** 0: any free port. */
  port: number;
  host?: string;
  /** postgres://… ; embedded SQLite when absent. */
  database?: string;
  consoleDir?: string;
  secureCookies?: boolean;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** Where the ready line and the setup token go (stdout by default). */
  print?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  store: FleetStore;
  url: string;
  /** The configuration-signing public key (what kiosks pin), SPKI DER base64. */
  configKey: string;
  /** The one-time setup token, when this start made one. */
  setupToken?: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => console.log(line));
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const db = options.database
    ? openPostgres(options.database)
    : openSqlite(join(options.dataDir, 'fleet.sqlite'));
  const store = new FleetStore(db);
  await store.migrate();
  const signingKey = loadSigningKey(options.dataDir);
  const configKey = publicKeyBase64(signingKey.publicKey);
  const recorded = await store.settingOnce('config-key', configKey);
  if (recorded !== configKey) {
    await store.close();
    throw new Error(
      "this server's configuration-signing key is not the one the database was set up with: " +
        'give every server process the same data folder key (config-signing-key.pem)',
    );
  }
  let setupToken: string | undefined;
  if ((await store.countAdmins()) === 0 && !(await store.setting(SETUP_TOKEN_SETTING))) {
    setupToken = randomBytes(18).toString('base64url');
    const digest = createHash('sha256').update(setupToken, 'utf8').digest('hex');
    if ((await store.settingOnce(SETUP_TOKEN_SETTING, digest)) !== digest) setupToken = undefined;
  }
  const app = await buildFleetApp({
    store,
    signingKey,
    now: options.now ?? (() => new Date()),
    secureCookies: options.secureCookies ?? true,
    logger: options.logger,
    consoleDir: options.consoleDir,
  });
  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`;
  if (setupToken) {
    print(
      `First start: create the first admin in the console with this one-time setup token: ${setupToken}`,
    );
  }
  print(`Borne fleet server ready: ${url}`);
  return {
    app,
    store,
    url,
    configKey,
    ...(setupToken ? { setupToken } : {}),
    async close() {
      await app.close();
      await store.close();
    },
  };
}
