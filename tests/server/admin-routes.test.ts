/**
 * The admins' API as the console uses it, against a real server on
 * 127.0.0.1: first-start setup, sign-in with its brute-force limit, CSRF,
 * roles (a site manager never sees another site), configuration checked by
 * the kiosk's schema before it is signed, commands audited, and bad input
 * answered 4xx with a sentence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  adminWithSites,
  consoleUser,
  removeDir,
  startTestServer,
  type TestServer,
} from '../support/fleet-server.js';

let server: TestServer;
let admin: ReturnType<typeof consoleUser>;

beforeAll(async () => {
  server = await startTestServer({ now: new Date('2026-12-06T09:00:00Z') });
  admin = await adminWithSites(server);
});
afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('the first start', () => {
  it('accepts its one-time setup token once', async () => {
    const again = await consoleUser(server.url).call('POST', '/api/admin/setup', {
      token: server.setupToken,
      username: 'intrus',
      password: 'un autre mot de passe',
    });
    expect(again.status).toBe(403);
    expect(again.body.message).toBe('Jeton de première installation inconnu ou déjà utilisé.');
    expect((await consoleUser(server.url).call('GET', '/api/admin/setup')).body).toEqual({
      needed: false,
    });
  });
});

describe('signing in', () => {
  it('sets an HttpOnly SameSite=Strict cookie and answers who is signed in', async () => {
    const response = await fetch(new URL('/api/admin/login', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^borne_session=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    expect(await response.json()).toMatchObject({ username: 'camille', role: 'admin' });
  });

  it('refuses a wrong password, then every attempt for 15 minutes after five failures', async () => {
    const user = consoleUser(server.url);
    await admin.call('POST', '/api/admin/users', {
      username: 'dominique',
      password: 'encore un mot de passe',
      role: 'site-manager',
      sites: ['lyon-8'],
    });
    for (let attempt = 0; attempt < 5; attempt++) {
      const refused = await user.login('dominique', `faux ${attempt}`);
      expect(refused).toEqual({
        status: 401,
        body: { error: 'bad-credentials', message: 'Identifiant ou mot de passe incorrect.' },
      });
    }
    const locked = await user.login('dominique', 'encore un mot de passe');
    expect(locked.status).toBe(429);
    expect(locked.body.message).toBe('Trop de tentatives. Réessayez dans 15 minutes.');
    server.clock.now = new Date(server.clock.now.getTime() + 16 * 60_000);
    expect((await user.login('dominique', 'encore un mot de passe')).status).toBe(200);
  });

  it('answers 401 to a request without a session, and nothing about the fleet', async () => {
    const stranger = consoleUser(server.url);
    const answer = await stranger.call('GET', '/api/admin/kiosks');
    expect(answer).toEqual({
      status: 401,
      body: { error: 'signed-out', message: 'Connectez-vous pour continuer.' },
    });
  });
});

describe('changes', () => {
  it('are refused without the CSRF token that goes with the session', async () => {
    const user = consoleUser(server.url);
    await user.login(ADMIN.username, ADMIN.password);
    user.forgetCsrf();
    const forged = await user.call('POST', '/api/admin/sites', { id: 'forge', name: 'Forgé' });
    expect(forged.status).toBe(403);
    expect(forged.body.error).toBe('csrf');
    const wrong = await user.call(
      'POST',
      '/api/admin/sites',
      { id: 'forge', name: 'F' },
      {
        'x-csrf-token': 'A'.repeat(43),
      },
    );
    expect(wrong.status).toBe(403);
    expect((await admin.call('GET', '/api/admin/sites')).body.sites).not.toContainEqual(
      expect.objectContaining({ id: 'forge' }),
    );
  });

  it('say what is wrong in a request that does not match the route’s schema', async () => {
    const bad = await admin.call('POST', '/api/admin/sites', { id: 'Lyon 8', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Requête refusée : /);
    const notJson = await admin.call('POST', '/api/admin/sites', '{"id": ');
    expect(notJson.status).toBe(400);
    const huge = await admin.call('POST', '/api/admin/config/fleet', {
      payload: { kiosk: { siteName: 'x'.repeat(300 * 1024) } },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe('Requête refusée : trop volumineuse.');
  });
});

describe('configuration', () => {
  it('is published as the scope’s next signed version once the kiosk’s schema accepts it', async () => {
    const first = await admin.call('POST', '/api/admin/config/site:lyon-8', {
      payload: { kiosk: { siteName: 'Emmaüs Connect Lyon 8e' } },
    });
    expect(first).toEqual({ status: 201, body: { scope: 'site:lyon-8', version: 1 } });
    const second = await admin.call('POST', '/api/admin/config/site:lyon-8', {
      payload: { kiosk: { siteName: 'Lyon 8e' }, session: { idleSeconds: 240 } },
    });
    expect(second.body.version).toBe(2);
    const read = await admin.call('GET', '/api/admin/config/site:lyon-8');
    expect(read.body).toMatchObject({
      version: 2,
      payload: { kiosk: { siteName: 'Lyon 8e' }, session: { idleSeconds: 240 } },
      publishedBy: 'camille',
    });
  });

  it('is refused with the schema’s reasons, and nothing is published', async () => {
    const refused = await admin.call('POST', '/api/admin/config/fleet', {
      payload: { session: { idleSeconds: 5 }, vouchers: { printer: 'absente' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('invalid-config');
    expect(refused.body.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/session\.idleSeconds/)]),
    );
    expect((await admin.call('GET', '/api/admin/config/fleet')).body.version).toBe(0);
    const hours = await admin.call('POST', '/api/admin/config/fleet', {
      payload: {
        openingHours: { weekly: { monday: [{ from: '14:00', to: '09:00' }] } },
        branding: { colour: '#7fb3ff' },
      },
    });
    expect(hours.status).toBe(422);
    expect(hours.body.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/openingHours\.weekly\.monday.*the opening comes before the closing/),
        expect.stringMatching(/branding\.colour.*contrast under 7:1/),
      ]),
    );
    const unknown = await admin.call('POST', '/api/admin/config/planet:mars', { payload: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Portée inconnue : « planet:mars ».');
  });
});

describe('a site manager', () => {
  let manager: ReturnType<typeof consoleUser>;
  beforeAll(async () => {
    await admin.call('POST', '/api/admin/users', {
      username: 'sacha',
      password: 'mot de passe de sacha',
      role: 'site-manager',
      sites: ['paris-18'],
    });
    manager = consoleUser(server.url);
    await manager.login('sacha', 'mot de passe de sacha');
  });

  it('sees only their sites, their audit entries and their statistics', async () => {
    expect((await manager.call('GET', '/api/admin/sites')).body.sites).toEqual([
      { id: 'paris-18', name: 'Paris 18e' },
    ]);
    const audit = (await manager.call('GET', '/api/admin/audit')).body.entries as {
      siteId: string;
    }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((entry) => entry.siteId === 'paris-18')).toBe(true);
    const stats = await manager.call(
      'GET',
      '/api/admin/stats?from=2026-12-01&to=2026-12-06&site=lyon-8',
    );
    expect(stats.status).toBe(403);
  });

  it('cannot read or change another site’s configuration, nor the fleet’s, nor create sites', async () => {
    expect((await manager.call('GET', '/api/admin/config/site:lyon-8')).status).toBe(403);
    const fleet = await manager.call('POST', '/api/admin/config/fleet', { payload: {} });
    expect(fleet).toEqual({
      status: 403,
      body: { error: 'forbidden', message: "Vous n'avez pas accès à cet élément avec votre rôle." },
    });
    expect(
      (await manager.call('POST', '/api/admin/sites', { id: 'nantes', name: 'Nantes' })).status,
    ).toBe(403);
    expect((await manager.call('POST', '/api/admin/sites/lyon-8/enrolment-codes')).status).toBe(
      403,
    );
    const own = await manager.call('POST', '/api/admin/config/site:paris-18', {
      payload: { kiosk: { siteName: 'Paris 18e' } },
    });
    expect(own.status).toBe(201);
  });
});
