/**
 * A kiosk and the fleet server, both real, on 127.0.0.1: enrolment with a
 * one-time code, configuration published in the console and applied by the
 * kiosk's agent, a command acknowledged, a hostile server's bundles each
 * refused with its reason while the last good configuration stays, and
 * either side restarting or the server down for a while.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskConfig } from '../../main/config/config-schema.js';
import { signBundle } from '../../main/fleet/config-bundle.js';
import { enrolKiosk, loadIdentity, type FleetIdentity } from '../../main/fleet/enrolment.js';
import { createFleetAgent } from '../../main/fleet/fleet-agent.js';
import { createFleetClient } from '../../main/fleet/fleet-client.js';
import { signCommand } from '../../main/fleet/fleet-protocol.js';
import { signRequest } from '../../main/fleet/request-signature.js';
import { createRemoteConfig } from '../../main/fleet/remote-config.js';
import type { SessionState } from '../../main/session/session-machine.js';
import { loadSigningKey } from '../../server/signing-key.js';
import {
  adminWithSites,
  consoleUser,
  removeDir,
  startTestServer,
  type TestServer,
} from '../support/fleet-server.js';

let server: TestServer;
let admin: ReturnType<typeof consoleUser>;
const kioskDir = mkdtempSync(join(tmpdir(), 'borne-kiosk-'));
const clock = { now: new Date('2026-12-06T09:00:00Z') };
let identity: FleetIdentity;
let port: number;

beforeAll(async () => {
  server = await startTestServer({ now: clock.now });
  server.clock.now = clock.now;
  port = Number(new URL(server.url).port);
  admin = await adminWithSites(server);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
  removeDir(kioskDir);
});

const tick = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
  server.clock.now = clock.now;
};

/** The kiosk as it runs: remote configuration, agent, and what they did. */
function kiosk(serverUrl = server.url) {
  const seen = { applied: [] as KioskConfig[], commands: [] as string[], session: 'attract' };
  const remote = createRemoteConfig({
    dataDir: kioskDir,
    publicKey: identity.configKey,
    identity: () => ({ kioskId: identity.kioskId, siteId: identity.siteId }),
    session: () => ({ kind: 'attract', sessionId: 'a' }) as SessionState,
    saleOpen: () => false,
    apply: (config) => seen.applied.push(config),
    now: () => clock.now,
  });
  const client = createFleetClient({
    serverUrl,
    kioskId: identity.kioskId,
    identityKey: identity.identityKey,
    now: () => clock.now,
    timeoutMs: 2000,
  });
  const record = (kind: string) => (message?: string) => {
    seen.commands.push(message ? `${kind}: ${message}` : kind);
    return `${kind} done`;
  };
  const agent = createFleetAgent({
    identity,
    dataDir: kioskDir,
    client,
    remote,
    status: () => ({
      appVersion: '0.1.0',
      session: 'attract',
      lockMessage: null,
      printers: [{ id: 'caisse', state: 'paper-out', ok: false }],
      readers: [{ id: 'carte', state: 'connected' }],
      configSource: 'fleet',
      lastError: null,
      helpCalls: [],
    }),
    commands: {
      'end-session': record('end-session'),
      restart: record('restart'),
      lock: record('lock'),
      unlock: record('unlock'),
    },
    now: () => clock.now,
  });
  return { seen, remote, agent };
}

describe('enrolment', () => {
  it('gives the kiosk its keys (0600), the pinned signing key and the site’s secrets, once per code', async () => {
    const code = await admin.call('POST', '/api/admin/sites/lyon-8/enrolment-codes');
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    const answers: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      answers.push(await response.clone().text());
      return response;
    };
    const enrolled = await enrolKiosk({
      serverUrl: server.url,
      code: String(code.body.code),
      dataDir: kioskDir,
      name: 'Accueil 1',
      appVersion: '0.1.0',
      fetch: recording,
    });
    expect(enrolled).toMatchObject({
      ok: true,
      siteId: 'lyon-8',
      siteName: 'Lyon 8e',
      keptSecrets: [],
    });
    identity = loadIdentity(kioskDir) as FleetIdentity;
    expect(identity.kioskId).toMatch(/^borne-[0-9a-f]{10}$/);
    for (const file of [
      'fleet/identity-key.pem',
      'fleet/sealing-key.pem',
      'site-secret',
      'voucher-pin.key',
    ]) {
      expect(statSync(join(kioskDir, file)).mode & 0o777).toBe(0o600);
    }
    const site = await server.store.site('lyon-8');
    expect(readFileSync(join(kioskDir, 'site-secret')).toString('base64')).toBe(site?.siteSecret);
    expect(readFileSync(join(kioskDir, 'voucher-pin.key')).toString('base64')).toBe(
      site?.voucherPinKey,
    );
    // Sealed on the wire: neither secret appears in what the server answered.
    expect(answers.join('')).not.toContain(site?.siteSecret);
    expect(answers.join('')).not.toContain(site?.voucherPinKey);

    const again = await enrolKiosk({
      serverUrl: server.url,
      code: String(code.body.code),
      dataDir: mkdtempSync(join(tmpdir(), 'borne-kiosk-2-')),
      name: 'Accueil 2',
      appVersion: '0.1.0',
    });
    expect(again).toEqual({
      ok: false,
      problem: 'refused',
      detail: "Code d'inscription inconnu, déjà utilisé ou expiré.",
    });
  });

  it('lets a kiosk read only what it signs for, and never an admin route', async () => {
    const poll = (headers: Record<string, string>) =>
      fetch(new URL('/api/kiosk/poll?fleet=0&site=0&kiosk=0', server.url), { headers });
    expect((await poll({})).status).toBe(403);
    const stranger = generateKeyPairSync('ed25519');
    const forged = signRequest({
      kioskId: identity.kioskId,
      method: 'GET',
      path: '/api/kiosk/poll?fleet=0&site=0&kiosk=0',
      body: '',
      now: clock.now,
      privateKey: stranger.privateKey,
    });
    expect((await poll(forged)).status).toBe(403);
    const stale = signRequest({
      kioskId: identity.kioskId,
      method: 'GET',
      path: '/api/kiosk/poll?fleet=0&site=0&kiosk=0',
      body: '',
      now: new Date(clock.now.getTime() - 10 * 60_000),
      privateKey: identity.identityKey,
    });
    expect((await poll(stale)).status).toBe(403);
    const asAdmin = signRequest({
      kioskId: identity.kioskId,
      method: 'GET',
      path: '/api/admin/kiosks',
      body: '',
      now: clock.now,
      privateKey: identity.identityKey,
    });
    const answer = await fetch(new URL('/api/admin/kiosks', server.url), { headers: asAdmin });
    expect(answer.status).toBe(401);
  });
});

describe('the kiosk agent', () => {
  it('applies what the console published, and the console sees it applied', async () => {
    await admin.call('POST', '/api/admin/config/fleet', {
      payload: { session: { idleSeconds: 240 } },
    });
    await admin.call('POST', '/api/admin/config/site:lyon-8', {
      payload: { kiosk: { siteName: 'Lyon 8e' } },
    });
    const { seen, agent } = kiosk();
    await agent.pollOnce();
    expect(seen.applied.at(-1)?.kiosk.siteName).toBe('Lyon 8e');
    expect(seen.applied.at(-1)?.session.idleSeconds).toBe(240);
    await agent.heartbeatOnce();
    const list = (await admin.call('GET', '/api/admin/kiosks')).body.kiosks as {
      id: string;
      online: boolean;
      status: { applied: Record<string, number>; bundles: { state: string }[] };
      alerts: { kind: string }[];
    }[];
    const mine = list.find((entry) => entry.id === identity.kioskId);
    expect(mine?.online).toBe(true);
    expect(mine?.status.applied).toEqual({ fleet: 1, 'site:lyon-8': 1 });
    expect(mine?.status.bundles.map((report) => report.state)).toEqual(['applied', 'applied']);
    expect(mine?.alerts).toEqual([{ kind: 'paper-out', printer: 'caisse' }]);
  });

  it('carries out "end the visitor’s session" once and the console sees it acknowledged', async () => {
    const { seen, agent } = kiosk();
    const sent = await admin.call('POST', `/api/admin/kiosks/${identity.kioskId}/commands`, {
      kind: 'end-session',
    });
    expect(sent.status).toBe(201);
    await agent.pollOnce();
    await agent.pollOnce();
    expect(seen.commands).toEqual(['end-session']);
    const commands = (await admin.call('GET', `/api/admin/kiosks/${identity.kioskId}/commands`))
      .body.commands as { kind: string; state: string; detail: string }[];
    expect(commands[0]).toMatchObject({
      kind: 'end-session',
      state: 'done',
      detail: 'end-session done',
    });
    const audit = (await admin.call('GET', '/api/admin/audit')).body.entries as {
      action: string;
    }[];
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['command.end-session', 'command.done']),
    );
  });

  it('refuses an unknown command with its reason, and a lock without a message never leaves the console', async () => {
    const { seen, agent } = kiosk();
    const key = loadSigningKey(server.dataDir);
    const command = {
      id: 'unknown-command-1',
      kioskId: identity.kioskId,
      kind: 'format-disk',
      issuedAt: clock.now.toISOString(),
      expiresAt: new Date(clock.now.getTime() + 60_000).toISOString(),
    };
    await server.store.addCommand({
      ...command,
      message: null,
      envelope: signCommand(command, key.privateKey),
      createdBy: 'test',
      createdAt: clock.now.getTime(),
      expiresAt: clock.now.getTime() + 60_000,
    });
    await agent.pollOnce();
    expect(seen.commands).toEqual([]);
    expect(await server.store.command('unknown-command-1')).toMatchObject({
      outcome: 'refused',
      detail: 'commande inconnue : « format-disk »',
    });
    const lock = await admin.call('POST', `/api/admin/kiosks/${identity.kioskId}/commands`, {
      kind: 'lock',
    });
    expect(lock.status).toBe(400);
  });

  it('keeps working on its last good configuration while the server is down, and says since when', async () => {
    const { agent } = kiosk();
    await agent.pollOnce();
    const lastContact = clock.now;
    await server.stop();
    tick(3 * 60_000);
    await agent.pollOnce();
    expect(agent.state()).toMatchObject({ lastContact, unreachableSince: lastContact });
    expect(agent.state().lastProblem).toMatch(/ECONNREFUSED|UND_ERR_SOCKET|ECONNRESET/);
    // A kiosk restarted meanwhile starts on its kept bundles.
    expect(kiosk().remote.startup()?.kiosk.siteName).toBe('Lyon 8e');
    const restarted = await startTestServer({ dataDir: server.dataDir, port, now: clock.now });
    server = restarted;
    await agent.pollOnce();
    expect(agent.state().unreachableSince).toBeNull();
  });

  it('after a restart of the kiosk, asks only for newer versions and applies nothing twice', async () => {
    const { seen, agent } = kiosk();
    await agent.pollOnce();
    expect(seen.applied).toEqual([]);
    await admin.login('camille', 'un mot de passe long');
    for (const idleSeconds of [200, 300]) {
      await admin.call('POST', `/api/admin/config/kiosk:${identity.kioskId}`, {
        payload: { session: { idleSeconds } },
      });
    }
    await agent.pollOnce();
    expect(seen.applied.map((config) => config.session.idleSeconds)).toEqual([300]);
  });
});

describe('fleet statistics', () => {
  it('come from the kiosks’ daily aggregates, small cells suppressed, each manager seeing their sites only', async () => {
    const cell = (metric: string, key: string, count: number, visits = count) => ({
      day: '2026-12-05',
      metric,
      key,
      count,
      visits,
    });
    const client = createFleetClient({
      serverUrl: server.url,
      kioskId: identity.kioskId,
      identityKey: identity.identityKey,
      now: () => clock.now,
    });
    const { status } = (await server.store.kiosk(identity.kioskId)) ?? {};
    const sent = await client.heartbeat({
      status: JSON.parse(status ?? '{}') as never,
      aggregates: [
        cell('visits', '', 24),
        cell('visits-by-language', 'fr', 17),
        cell('visits-by-language', 'ar', 7),
      ],
    });
    expect(sent.ok).toBe(true);
    const stats = await admin.call('GET', '/api/admin/stats?from=2026-12-01&to=2026-12-06&bin=day');
    expect(stats.body.cells).toEqual([
      { period: '2026-12-05', metric: 'visits', key: '', value: 24 },
      // 7 visits in Arabic would single people out; so would 17 in French, from 24 in all.
      { period: '2026-12-05', metric: 'visits-by-language', key: 'ar', value: null },
      { period: '2026-12-05', metric: 'visits-by-language', key: 'fr', value: null },
    ]);

    const manager = consoleUser(server.url);
    await admin.call('POST', '/api/admin/users', {
      username: 'nadia',
      password: 'le mot de passe de nadia',
      role: 'site-manager',
      sites: ['paris-18'],
    });
    await manager.login('nadia', 'le mot de passe de nadia');
    expect((await manager.call('GET', '/api/admin/kiosks')).body.kiosks).toEqual([]);
    expect(
      (await manager.call('GET', '/api/admin/stats?from=2026-12-01&to=2026-12-06')).body.cells,
    ).toEqual([]);
    expect(
      (await manager.call('GET', `/api/admin/kiosks/${identity.kioskId}/commands`)).status,
    ).toBe(404);
  });
});

describe('a hostile or broken server', () => {
  let hostile: Server;
  let answer = '';
  beforeAll(async () => {
    hostile = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

  const url = () => {
    const address = hostile.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  };
  const key = () => loadSigningKey(server.dataDir).privateKey;
  const bundle = (fields: Partial<Parameters<typeof signBundle>[0]>, privateKey = key()) =>
    signBundle(
      {
        scope: { kind: 'site', id: 'lyon-8' },
        version: 50,
        issuedAt: clock.now.toISOString(),
        expiresAt: new Date(clock.now.getTime() + 86_400_000).toISOString(),
        payload: JSON.stringify({ kiosk: { siteName: 'Piraté' } }),
        ...fields,
      },
      privateKey,
    );

  it.each([
    ['tampered payload', () => bundle({}).replace('Piraté', 'Pirate'), 'bad-signature'],
    ['wrong key', () => bundle({}, generateKeyPairSync('ed25519').privateKey), 'bad-signature'],
    ['replay of an old bundle', () => bundle({ version: 1, scope: { kind: 'fleet' } }), 'replay'],
    [
      'expired bundle',
      () => bundle({ expiresAt: new Date(clock.now.getTime() - 1).toISOString() }),
      'expired',
    ],
    [
      'another kiosk’s scope',
      () => bundle({ scope: { kind: 'kiosk', id: 'borne-voisine' } }),
      'wrong-scope',
    ],
    [
      'another site’s scope',
      () => bundle({ scope: { kind: 'site', id: 'paris-18' } }),
      'wrong-scope',
    ],
    ['malformed JSON', () => '{"signed": "{', 'malformed'],
    [
      'oversized body',
      () => JSON.stringify({ signed: 'x'.repeat(300 * 1024), signature: 'y' }),
      'oversized',
    ],
    [
      'invalid configuration',
      () => bundle({ payload: JSON.stringify({ session: { idleSeconds: 1 } }) }),
      'invalid-config',
    ],
  ])(
    'refuses a %s with its reason, applies nothing, keeps the last good configuration',
    async (_name, make, reason) => {
      const { seen, agent } = kiosk(url());
      answer = JSON.stringify({ bundles: [make()], commands: [] });
      await agent.pollOnce();
      expect(seen.applied).toEqual([]);
      expect(agent.reports().at(-1)).toMatchObject({ state: 'refused', reason });
      expect(kiosk().remote.startup()?.kiosk.siteName).toBe('Lyon 8e');
    },
  );

  it('refuses an older version of a scope (rollback)', async () => {
    const { seen, agent } = kiosk(url());
    answer = JSON.stringify({
      bundles: [
        bundle({ version: 1, scope: { kind: 'kiosk', id: identity.kioskId } }) /* v2 applied */,
      ],
      commands: [],
    });
    await agent.pollOnce();
    expect(seen.applied).toEqual([]);
    expect(agent.reports().at(-1)).toMatchObject({ state: 'refused', reason: 'rollback' });
  });

  it('treats an answer that is not the protocol’s as a failed poll', async () => {
    const { seen, agent } = kiosk(url());
    answer = '<html>proxy error</html>';
    await agent.pollOnce();
    expect(seen.applied).toEqual([]);
    expect(agent.state().lastProblem).toBe('not the expected answer');
  });
});
