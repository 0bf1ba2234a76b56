/**
 * The admins' API, behind the console: sign-in, sites and their enrolment
 * codes, kiosks with their live status and alerts, configuration per scope
 * (fleet, site, kiosk) checked with the kiosk's schema before it is signed,
 * remote commands, fleet statistics and the audit log. A site manager sees
 * and changes only their sites; every change is audited.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopeKey, type BundleScope } from '../../main/fleet/config-bundle.js';
import { COMMAND_KINDS, KioskStatus, signCommand } from '../../main/fleet/fleet-protocol.js';
import { Id } from '../../main/fleet/fleet-protocol.js';
import { publishCells, type PeriodCell } from '../../main/usage/usage-suppression.js';
import type { MetricName } from '../../main/usage/usage-metrics.js';
import { alertsOf, isOnline } from '../alerts.js';
import { maySee, requireAdmin, signIn, signOut, visibleSites } from '../admin-auth.js';
import { ClientError, type FleetContext } from '../fleet-app.js';
import { hashPassword, PASSWORD_RULE } from '../passwords.js';
import { checkPublication, effectiveConfig, parseScope, publishScope } from '../publishing.js';
import type { Admin } from '../storage/fleet-store.js';
import { hashCode } from './kiosk-routes.js';

export const SETUP_TOKEN_SETTING = 'setup-token-sha256';
export const ENROLMENT_CODE_HOURS = 24;
export const COMMAND_VALIDITY_MS = 60 * 60_000;

const Password = z.string().min(PASSWORD_RULE.min).max(PASSWORD_RULE.max);
const Username = z.string().regex(/^[a-z0-9._-]{3,40}$/, 'lettres minuscules, chiffres, . _ -');
const Login = z.object({ username: z.string().max(40), password: z.string().max(200) }).strict();
const Setup = z
  .object({ token: z.string().max(100), username: Username, password: Password })
  .strict();
const NewSite = z.object({ id: Id, name: z.string().min(1).max(80) }).strict();
const NewUser = z
  .object({
    username: Username,
    password: Password,
    role: z.enum(['admin', 'site-manager']),
    sites: z.array(Id).max(100),
  })
  .strict();
const ScopeParam = z.object({ scope: z.string().max(80) }).strict();
const Publish = z.object({ payload: z.record(z.string(), z.unknown()) }).strict();
const KioskParam = z.object({ id: Id }).strict();
const NewCommand = z
  .object({ kind: z.enum(COMMAND_KINDS), message: z.string().min(1).max(200).optional() })
  .strict()
  .refine((command) => command.kind !== 'lock' || command.message, {
    message: 'un verrouillage "hors service" demande un message pour les visiteurs',
  });
const StatsQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    bin: z.enum(['day', 'month']).default('day'),
    site: Id.optional(),
  })
  .strict();

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const newId = () => randomBytes(8).toString('hex');
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const enrolmentCode = () =>
  Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
  ).join('-');

/** The admin `guard` signed in (the guard runs before every handler that calls this). */
function adminOf(request: FastifyRequest): Admin {
  if (!request.admin) throw new ClientError(401, 'signed-out', 'Connectez-vous pour continuer.');
  return request.admin;
}

const forbidden = () =>
  new ClientError(403, 'forbidden', "Vous n'avez pas accès à cet élément avec votre rôle.");

const me = (admin: Admin, csrf: string) => ({
  username: admin.username,
  role: admin.role,
  sites: admin.sites,
  csrf,
});

export const adminRoutes = (context: FleetContext) => async (app: FastifyInstance) => {
  const { store } = context;
  const now = () => context.now().getTime();
  const guard = async (request: FastifyRequest) => {
    await requireAdmin(context, request);
  };
  const adminOnly = async (request: FastifyRequest) => {
    await requireAdmin(context, request);
    if (adminOf(request).role !== 'admin') throw forbidden();
  };
  const audit = (
    request: FastifyRequest,
    siteId: string | null,
    action: string,
    target: string,
    detail = '',
  ) =>
    store.audit({
      id: newId(),
      at: now(),
      actor: adminOf(request).username,
      siteId,
      action,
      target,
      detail,
    });

  /** The scope's site, checked against the admin's rights (fleet: admins only). */
  async function siteOfScope(admin: Admin, scope: BundleScope): Promise<string | null> {
    if (scope.kind === 'fleet') {
      if (admin.role !== 'admin') throw forbidden();
      return null;
    }
    const siteId = scope.kind === 'site' ? scope.id : (await store.kiosk(scope.id))?.siteId;
    if (!siteId || !(await store.site(siteId))) {
      throw new ClientError(404, 'not-found', `${scopeKey(scope)} : inconnu.`);
    }
    if (!maySee(admin, siteId)) throw forbidden();
    return siteId;
  }

  const scopeOf = (text: string) => {
    const scope = parseScope(text);
    if (!scope) throw new ClientError(400, 'invalid-request', `Portée inconnue : « ${text} ».`);
    return scope;
  };

  async function visibleKiosk(admin: Admin, id: string) {
    const kiosk = await store.kiosk(id);
    if (!kiosk || !maySee(admin, kiosk.siteId)) {
      throw new ClientError(404, 'not-found', `Borne inconnue : ${id}.`);
    }
    return kiosk;
  }

  app.get('/setup', async () => ({ needed: (await store.countAdmins()) === 0 }));

  app.post('/setup', { schema: { body: Setup } }, async (request, reply) => {
    const body = request.body as z.infer<typeof Setup>;
    const expected = await store.setting(SETUP_TOKEN_SETTING);
    if (!expected || (await store.countAdmins()) > 0 || sha256(body.token) !== expected) {
      throw new ClientError(
        403,
        'bad-setup-token',
        'Jeton de première installation inconnu ou déjà utilisé.',
      );
    }
    const created = await store.createAdmin(
      {
        id: newId(),
        username: body.username,
        passwordHash: await hashPassword(body.password),
        role: 'admin',
        sites: [],
      },
      now(),
    );
    if (!created) throw new ClientError(409, 'exists', 'Ce compte existe déjà.');
    await store.deleteSetting(SETUP_TOKEN_SETTING);
    await store.audit({
      id: newId(),
      at: now(),
      actor: body.username,
      siteId: null,
      action: 'admin.setup',
      target: body.username,
      detail: '',
    });
    return reply.code(201).send({ username: body.username });
  });

  app.post('/login', { schema: { body: Login } }, async (request, reply) => {
    const body = request.body as z.infer<typeof Login>;
    const { admin, csrf } = await signIn(context, request, reply, body.username, body.password);
    return me(admin, csrf);
  });

  app.post('/logout', { preValidation: guard }, async (request, reply) => {
    await signOut(context, request, reply);
    return reply.code(204).send();
  });

  app.get('/me', async (request) => {
    const session = await requireAdmin(context, request);
    return me(session.admin, session.csrf);
  });

  app.get('/sites', { preValidation: guard }, async (request) => ({
    sites: await store.sites(visibleSites(adminOf(request))),
  }));

  app.post(
    '/sites',
    { schema: { body: NewSite }, preValidation: adminOnly },
    async (request, reply) => {
      const body = request.body as z.infer<typeof NewSite>;
      const created = await store.createSite(
        {
          ...body,
          siteSecret: randomBytes(32).toString('base64'),
          voucherPinKey: randomBytes(32).toString('base64'),
        },
        now(),
      );
      if (!created) throw new ClientError(409, 'exists', `Le site ${body.id} existe déjà.`);
      await audit(request, body.id, 'site.created', body.id, body.name);
      return reply.code(201).send(body);
    },
  );

  app.post(
    '/users',
    { schema: { body: NewUser }, preValidation: adminOnly },
    async (request, reply) => {
      const body = request.body as z.infer<typeof NewUser>;
      for (const site of body.sites) {
        if (!(await store.site(site)))
          throw new ClientError(404, 'not-found', `Site inconnu : ${site}.`);
      }
      const created = await store.createAdmin(
        {
          id: newId(),
          username: body.username,
          passwordHash: await hashPassword(body.password),
          role: body.role,
          sites: body.role === 'admin' ? [] : body.sites,
        },
        now(),
      );
      if (!created) throw new ClientError(409, 'exists', `Le compte ${body.username} existe déjà.`);
      await audit(
        request,
        null,
        'user.created',
        body.username,
        `${body.role} ${body.sites.join(',')}`,
      );
      return reply.code(201).send({ username: body.username, role: body.role });
    },
  );

  app.post(
    '/sites/:id/enrolment-codes',
    { schema: { params: KioskParam }, preValidation: guard },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      if (!(await store.site(id))) throw new ClientError(404, 'not-found', `Site inconnu : ${id}.`);
      if (!maySee(adminOf(request), id)) throw forbidden();
      const code = enrolmentCode();
      const expiresAt = now() + ENROLMENT_CODE_HOURS * 3600_000;
      await store.createEnrolmentCode(hashCode(code), id, adminOf(request).username, expiresAt);
      // The code itself is shown once, to the admin; only its digest is kept or logged.
      await audit(
        request,
        id,
        'enrolment-code.created',
        id,
        `expires ${new Date(expiresAt).toISOString()}`,
      );
      return reply.code(201).send({ code, expiresAt: new Date(expiresAt).toISOString() });
    },
  );

  app.get('/kiosks', { preValidation: guard }, async (request) => {
    const at = now();
    const rows = await store.kiosks(visibleSites(adminOf(request)));
    return {
      kiosks: rows.map((row) => {
        const parsed = row.status ? KioskStatus.safeParse(JSON.parse(row.status)) : undefined;
        const status = parsed?.success ? parsed.data : null;
        return {
          id: row.id,
          name: row.name,
          siteId: row.siteId,
          online: isOnline(row.lastSeen, at),
          lastSeen: row.lastSeen === null ? null : new Date(row.lastSeen).toISOString(),
          status,
          alerts: alertsOf(row, status, at),
        };
      }),
    };
  });

  app.get(
    '/config/:scope',
    { schema: { params: ScopeParam }, preValidation: guard },
    async (request) => {
      const scope = scopeOf((request.params as { scope: string }).scope);
      await siteOfScope(adminOf(request), scope);
      const latest = await store.latestBundle(scopeKey(scope));
      return {
        scope: scopeKey(scope),
        version: latest?.version ?? 0,
        payload: latest ? (JSON.parse(latest.payload) as unknown) : {},
        publishedBy: latest?.publishedBy ?? null,
        issuedAt: latest ? new Date(latest.issuedAt).toISOString() : null,
      };
    },
  );

  app.post(
    '/config/:scope',
    { schema: { params: ScopeParam, body: Publish }, preValidation: guard },
    async (request, reply) => {
      const scope = scopeOf((request.params as { scope: string }).scope);
      const siteId = await siteOfScope(adminOf(request), scope);
      const { payload } = request.body as z.infer<typeof Publish>;
      if (JSON.stringify(payload).length > 200 * 1024) {
        throw new ClientError(413, 'too-large', 'Configuration trop volumineuse (200 Ko au plus).');
      }
      const check = await checkPublication(context, scope, payload);
      if (!check.ok) {
        return reply.code(422).send({
          error: 'invalid-config',
          message: `Configuration refusée : ${check.problems.join(' ; ')}`,
          problems: check.problems,
        });
      }
      const row = await publishScope(context, scope, payload, adminOf(request).username);
      await audit(request, siteId, 'config.published', scopeKey(scope), `version ${row.version}`);
      return reply.code(201).send({ scope: row.scope, version: row.version });
    },
  );

  app.post(
    '/config/:scope/check',
    { schema: { params: ScopeParam, body: Publish }, preValidation: guard },
    async (request) => {
      const scope = scopeOf((request.params as { scope: string }).scope);
      await siteOfScope(adminOf(request), scope);
      const { payload } = request.body as z.infer<typeof Publish>;
      const check = await checkPublication(context, scope, payload);
      if (!check.ok) return { ok: false, problems: check.problems };
      return { ok: true, problems: [], effective: await effectiveConfig(context, scope, payload) };
    },
  );

  app.post(
    '/kiosks/:id/commands',
    { schema: { params: KioskParam, body: NewCommand }, preValidation: guard },
    async (request, reply) => {
      const kiosk = await visibleKiosk(adminOf(request), (request.params as { id: string }).id);
      const body = request.body as z.infer<typeof NewCommand>;
      const at = now();
      const command = {
        id: randomBytes(12).toString('hex'),
        kioskId: kiosk.id,
        kind: body.kind,
        ...(body.message ? { message: body.message } : {}),
        issuedAt: new Date(at).toISOString(),
        expiresAt: new Date(at + COMMAND_VALIDITY_MS).toISOString(),
      };
      await store.addCommand({
        id: command.id,
        kioskId: kiosk.id,
        kind: body.kind,
        message: body.message ?? null,
        envelope: signCommand(command, context.signingKey.privateKey),
        createdBy: adminOf(request).username,
        createdAt: at,
        expiresAt: at + COMMAND_VALIDITY_MS,
      });
      await audit(request, kiosk.siteId, `command.${body.kind}`, kiosk.id, body.message ?? '');
      return reply.code(201).send({ id: command.id });
    },
  );

  app.get(
    '/kiosks/:id/commands',
    { schema: { params: KioskParam }, preValidation: guard },
    async (request) => {
      const kiosk = await visibleKiosk(adminOf(request), (request.params as { id: string }).id);
      const rows = await store.commands([kiosk.id]);
      return {
        commands: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          message: row.message,
          createdBy: row.createdBy,
          createdAt: new Date(row.createdAt).toISOString(),
          state: row.ackedAt === null ? (row.expiresAt <= now() ? 'expired' : 'sent') : row.outcome,
          detail: row.detail,
          ackedAt: row.ackedAt === null ? null : new Date(row.ackedAt).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/stats',
    { schema: { querystring: StatsQuery }, preValidation: guard },
    async (request) => {
      const query = request.query as z.infer<typeof StatsQuery>;
      const admin = adminOf(request);
      if (query.site && !maySee(admin, query.site)) throw forbidden();
      const sites = query.site ? [query.site] : visibleSites(admin);
      const cells = await store.aggregateCells(sites, query.from, query.to, query.bin === 'month');
      return {
        from: query.from,
        to: query.to,
        bin: query.bin,
        cells: publishCells(
          cells.map(
            (cell) => ({ ...cell, metric: cell.metric as MetricName }) satisfies PeriodCell,
          ),
        ),
      };
    },
  );

  app.get('/audit', { preValidation: guard }, async (request) => ({
    entries: (await store.auditLog(visibleSites(adminOf(request)))).map((row) => ({
      ...row,
      at: new Date(row.at).toISOString(),
    })),
  }));
};
