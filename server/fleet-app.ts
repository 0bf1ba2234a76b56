/**
 * The fleet server as a Fastify application: zod schemas on every route
 * (a request that does not match is answered 400 with what is wrong), pino
 * logs with secrets redacted, the kiosks' API and the admins' API, and the
 * console's files. Built without listening so that tests inject requests.
 */
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { z } from 'zod';
import { describeIssues } from '../native/describe-issues.js';
import { adminRoutes } from './routes/admin-routes.js';
import { kioskRoutes } from './routes/kiosk-routes.js';
import type { FleetStore } from './storage/fleet-store.js';

export interface FleetContext {
  store: FleetStore;
  signingKey: { privateKey: KeyObject; publicKey: KeyObject };
  now: () => Date;
  /** Session cookies marked Secure (on by default; off only for plain-HTTP tests on 127.0.0.1). */
  secureCookies: boolean;
}

/** An error the client can act on: its status, a stable code and a sentence in French. */
export class ClientError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FleetAppOptions extends FleetContext {
  logger?: FastifyServerOptions['logger'];
  /** The built console (dist/console); not served when absent. */
  consoleDir?: string;
}

export async function buildFleetApp(options: FleetAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: process.env.BORNE_SERVER_LOG ?? 'info',
      redact: [
        'req.headers.cookie',
        'req.headers["x-borne-signature"]',
        'req.headers["x-csrf-token"]',
      ],
    },
    bodyLimit: 256 * 1024,
    trustProxy: process.env.BORNE_SERVER_TRUST_PROXY === '1',
  });

  app.setValidatorCompiler(({ schema }) => (data) => {
    const result = (schema as z.ZodType).safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new Error(describeIssues(result.error).slice(0, 5).join('; ')) };
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ClientError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message });
    }
    const fastifyError = error as {
      validation?: unknown;
      statusCode?: number;
      code?: string;
      message: string;
    };
    if (fastifyError.validation) {
      return reply
        .code(400)
        .send({ error: 'invalid-request', message: `Requête refusée : ${fastifyError.message}` });
    }
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .code(413)
        .send({ error: 'too-large', message: 'Requête refusée : trop volumineuse.' });
    }
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      return reply.code(fastifyError.statusCode).send({
        error: 'invalid-request',
        message: `Requête refusée : ${fastifyError.message}`,
      });
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send({ error: 'server-error', message: 'Erreur du serveur : réessayez dans un instant.' });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not-found', message: `Adresse inconnue : ${request.url}` }),
  );

  // How long the server spent on each answer, for proxies, browsers' tools and the bench.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });

  await app.register(cookie);
  const context: FleetContext = options;
  await app.register(kioskRoutes(context), { prefix: '/api/kiosk' });
  await app.register(adminRoutes(context), { prefix: '/api/admin' });
  if (options.consoleDir && existsSync(options.consoleDir)) {
    await app.register(fastifyStatic, { root: options.consoleDir, index: 'index.html' });
  } else {
    app.get('/', (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Borne fleet server. The console is not built: run `npm run build`.'),
    );
  }
  return app;
}
