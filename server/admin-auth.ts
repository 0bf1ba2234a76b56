/**
 * Admin sign-in: scrypt-hashed passwords, a random session token in an
 * HttpOnly, SameSite=Strict cookie (Secure outside tests), only its SHA-256
 * kept in the database; a CSRF token bound to the session, required in the
 * `x-csrf-token` header of every change; sign-in refused for 15 minutes
 * after 5 failures for one account or 20 from one address.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientError, type FleetContext } from './fleet-app.js';
import { checkPassword } from './passwords.js';
import type { Admin } from './storage/fleet-store.js';

export const SESSION_COOKIE = 'borne_session';
export const SESSION_HOURS = 8;
export const LOCKOUT_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

declare module 'fastify' {
  interface FastifyRequest {
    admin?: Admin;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// A hash to compare with when the account does not exist: the answer takes as long.
let decoy: string | undefined;

export async function signIn(
  context: FleetContext,
  request: FastifyRequest,
  reply: FastifyReply,
  username: string,
  password: string,
) {
  const { store } = context;
  const now = context.now().getTime();
  const accountKey = `user:${username.toLowerCase()}`;
  const addressKey = `ip:${request.ip}`;
  const since = now - LOCKOUT_MS;
  if (
    (await store.loginFailures(accountKey, since)) >= MAX_FAILURES_PER_ACCOUNT ||
    (await store.loginFailures(addressKey, since)) >= MAX_FAILURES_PER_ADDRESS
  ) {
    throw new ClientError(
      429,
      'too-many-attempts',
      'Trop de tentatives. Réessayez dans 15 minutes.',
    );
  }
  const admin = await store.adminByName(username);
  decoy ??=
    'scrypt$32768$' + randomBytes(16).toString('base64') + '$' + randomBytes(32).toString('base64');
  const good = await checkPassword(password, admin?.passwordHash ?? decoy);
  if (!admin || !good) {
    await store.recordLoginFailure(accountKey, now);
    await store.recordLoginFailure(addressKey, now);
    request.log.warn({ username }, 'admin sign-in refused');
    throw new ClientError(401, 'bad-credentials', 'Identifiant ou mot de passe incorrect.');
  }
  await store.clearLoginFailures(accountKey);
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  await store.createSession(sha256(token), admin.id, csrf, now + SESSION_HOURS * 3600_000);
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: context.secureCookies,
    maxAge: SESSION_HOURS * 3600,
  });
  return { admin, csrf };
}

export async function signOut(context: FleetContext, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[SESSION_COOKIE];
  if (token) await context.store.deleteSession(sha256(token));
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in admin and their CSRF token, or a 401. Changes also need the CSRF header. */
export async function requireAdmin(context: FleetContext, request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  const session = token
    ? await context.store.session(sha256(token), context.now().getTime())
    : undefined;
  if (!session) throw new ClientError(401, 'signed-out', 'Connectez-vous pour continuer.');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const sent = request.headers['x-csrf-token'];
    const ok =
      typeof sent === 'string' &&
      sent.length === session.csrf.length &&
      timingSafeEqual(Buffer.from(sent), Buffer.from(session.csrf));
    if (!ok) {
      throw new ClientError(
        403,
        'csrf',
        'Requête refusée : jeton anti-falsification absent ou faux. Rechargez la page.',
      );
    }
  }
  request.admin = session.admin;
  return session;
}

/** The sites this admin may see: null for all (admin role). */
export const visibleSites = (admin: Admin): string[] | null =>
  admin.role === 'admin' ? null : admin.sites;

export const maySee = (admin: Admin, siteId: string) =>
  admin.role === 'admin' || admin.sites.includes(siteId);
