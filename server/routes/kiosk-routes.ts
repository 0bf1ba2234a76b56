/**
 * The kiosks' side of the fleet server. A kiosk enrols once with a code an
 * admin made for its site; afterwards every request is signed with its
 * identity key and reaches only its own configuration and commands: a kiosk
 * key never opens an admin route, nor another kiosk's data.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { scopeKey } from '../../main/fleet/config-bundle.js';
import {
  CommandAck,
  EnrollRequest,
  Heartbeat,
  KioskStatus,
  PollQuery,
  type EnrollResponse,
  type PollResponse,
} from '../../main/fleet/fleet-protocol.js';
import {
  KIOSK_HEADER,
  SIGNATURE_HEADER,
  TIME_HEADER,
  verifyRequest,
} from '../../main/fleet/request-signature.js';
import { publicKeyBase64, publicKeyFromBase64, seal } from '../../main/fleet/sealed-box.js';
import { ClientError, type FleetContext } from '../fleet-app.js';
import { refreshIfAging } from '../publishing.js';
import type { KioskRow } from '../storage/fleet-store.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
    kiosk?: KioskRow;
  }
}

export const hashCode = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex');

const refused = () =>
  new ClientError(
    403,
    'not-a-kiosk',
    "Requête refusée : elle n'est pas signée par une borne inscrite.",
  );

/** The kiosk `authenticate` recognised (it runs before every handler that calls this). */
function kioskOf(request: FastifyRequest): KioskRow {
  if (!request.kiosk) throw refused();
  return request.kiosk;
}

export const kioskRoutes = (context: FleetContext) => async (app: FastifyInstance) => {
  const { store } = context;

  // Kiosk requests are signed over their exact bytes: keep them.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(
        new ClientError(400, 'invalid-request', "Requête refusée : le corps n'est pas du JSON."),
        undefined,
      );
    }
  });

  async function authenticate(request: FastifyRequest) {
    const kioskId = request.headers[KIOSK_HEADER];
    if (typeof kioskId !== 'string' || !/^[a-z0-9][a-z0-9-]{1,62}$/.test(kioskId)) throw refused();
    const kiosk = await store.kiosk(kioskId);
    if (!kiosk) throw refused();
    const check = verifyRequest({
      method: request.method,
      path: request.url,
      body: request.rawBody ?? '',
      time: request.headers[TIME_HEADER] as string | undefined,
      signature: request.headers[SIGNATURE_HEADER] as string | undefined,
      now: context.now(),
      publicKey: publicKeyFromBase64(kiosk.identityKey),
    });
    if (!check.ok) {
      request.log.warn({ kioskId, reason: check.detail }, 'kiosk request refused');
      throw refused();
    }
    request.kiosk = kiosk;
  }

  app.post('/enrol', { schema: { body: EnrollRequest } }, async (request, reply) => {
    const body = request.body as EnrollRequest;
    const at = context.now().getTime();
    const kioskId = `borne-${randomBytes(5).toString('hex')}`;
    const siteId = await store.enrol(hashCode(body.code), {
      id: kioskId,
      name: body.name,
      identityKey: body.identityKey,
      sealingKey: body.sealingKey,
      enrolledAt: at,
    });
    if (!siteId) {
      throw new ClientError(403, 'bad-code', "Code d'inscription inconnu, déjà utilisé ou expiré.");
    }
    const site = await store.site(siteId);
    if (!site) throw new ClientError(404, 'not-found', `Site inconnu : ${siteId}.`);
    const secrets = seal(
      publicKeyFromBase64(body.sealingKey),
      Buffer.from(
        JSON.stringify({ siteSecret: site.siteSecret, voucherPinKey: site.voucherPinKey }),
      ),
    );
    await store.audit({
      id: randomBytes(8).toString('hex'),
      at,
      actor: `kiosk:${kioskId}`,
      siteId,
      action: 'kiosk.enrolled',
      target: kioskId,
      detail: body.name,
    });
    const response: EnrollResponse = {
      kioskId,
      siteId,
      siteName: site.name,
      configKey: publicKeyBase64(context.signingKey.publicKey),
      secrets,
    };
    return reply.code(201).send(response);
  });

  app.get(
    '/poll',
    { schema: { querystring: PollQuery }, preValidation: authenticate },
    async (request): Promise<PollResponse> => {
      const kiosk = kioskOf(request);
      const have = request.query as z.infer<typeof PollQuery>;
      const now = context.now().getTime();
      const scopes = [
        { key: scopeKey({ kind: 'fleet' }), have: have.fleet },
        { key: scopeKey({ kind: 'site', id: kiosk.siteId }), have: have.site },
        { key: scopeKey({ kind: 'kiosk', id: kiosk.id }), have: have.kiosk },
      ];
      const bundles: string[] = [];
      for (const scope of scopes) {
        const latest = await refreshIfAging(context, scope.key, now);
        if (latest && latest.version > scope.have) bundles.push(latest.envelope);
      }
      const commands = (await store.pendingCommands(kiosk.id, now)).map((row) => row.envelope);
      return { bundles, commands };
    },
  );

  app.post(
    '/heartbeat',
    { schema: { body: Heartbeat }, preValidation: authenticate, bodyLimit: 4 * 1024 * 1024 },
    async (request) => {
      const kiosk = kioskOf(request);
      const heartbeat = request.body as Heartbeat;
      const at = context.now();
      await store.recordHeartbeat(
        kiosk.id,
        JSON.stringify(KioskStatus.parse(heartbeat.status)),
        at.getTime(),
      );
      if (heartbeat.aggregates?.length) {
        await store.replaceAggregates(kiosk.id, kiosk.siteId, heartbeat.aggregates);
      }
      return { receivedAt: at.toISOString() };
    },
  );

  app.post(
    '/commands/:id/ack',
    {
      schema: { params: z.object({ id: z.string().regex(/^[a-z0-9-]{8,64}$/) }), body: CommandAck },
      preValidation: authenticate,
    },
    async (request, reply) => {
      const kiosk = kioskOf(request);
      const { id } = request.params as { id: string };
      const ack = request.body as CommandAck;
      const at = context.now().getTime();
      const recorded = await store.ackCommand(kiosk.id, id, ack.outcome, ack.detail, at);
      if (!recorded) {
        throw new ClientError(
          404,
          'no-such-command',
          'Commande inconnue pour cette borne, ou déjà acquittée.',
        );
      }
      await store.audit({
        id: randomBytes(8).toString('hex'),
        at,
        actor: `kiosk:${kiosk.id}`,
        siteId: kiosk.siteId,
        action: `command.${ack.outcome}`,
        target: kiosk.id,
        detail: `${id}: ${ack.detail}`,
      });
      return reply.code(204).send();
    },
  );
};
