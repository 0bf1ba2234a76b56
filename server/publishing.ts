/**
 * Publishing a scope's configuration: checked first with the kiosk's own
 * schema, alone and composed with the other scopes for every kiosk it
 * reaches (fleet → site → kiosk), then signed as the scope's next version.
 * Bundles are valid 30 days; one with less than 10 days left is signed
 * again as a new version when a kiosk asks, so that a kiosk that stays in
 * touch never runs on an expired configuration.
 */
import { scopeKey, type BundleScope, signBundle } from '../main/fleet/config-bundle.js';
import { composeConfig } from '../main/fleet/compose-config.js';
import { KioskConfig } from '../main/config/config-schema.js';
import { describeIssues } from '../native/describe-issues.js';
import type { FleetContext } from './fleet-app.js';
import type { BundleRow } from './storage/fleet-store.js';

export const BUNDLE_VALIDITY_MS = 30 * 24 * 3600_000;
export const REFRESH_BEFORE_MS = 10 * 24 * 3600_000;

export function parseScope(text: string): BundleScope | undefined {
  if (text === 'fleet') return { kind: 'fleet' };
  const match = /^(site|kiosk):([a-z0-9][a-z0-9-]{1,62})$/.exec(text);
  if (!match) return undefined;
  return { kind: match[1] as 'site' | 'kiosk', id: match[2] as string };
}

function signVersion(context: FleetContext, scope: BundleScope, payload: string, now: number) {
  return (version: number) => {
    const issuedAt = now;
    const expiresAt = now + BUNDLE_VALIDITY_MS;
    const envelope = signBundle(
      {
        scope,
        version,
        issuedAt: new Date(issuedAt).toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
        payload,
      },
      context.signingKey.privateKey,
    );
    return { envelope, issuedAt, expiresAt };
  };
}

export type PublishCheck = { ok: true } | { ok: false; problems: string[] };

/**
 * Each scope's payload as it would stand with `payload` published for
 * `scope`: read once per scope however many kiosks are composed.
 */
function payloadsWith(context: FleetContext, scope: BundleScope, payload: unknown) {
  const read = new Map<string, Promise<unknown>>([[scopeKey(scope), Promise.resolve(payload)]]);
  return (key: string): Promise<unknown> => {
    let value = read.get(key);
    if (!value) {
      value = context.store
        .latestBundle(key)
        .then((row) => (row ? (JSON.parse(row.payload) as unknown) : {}));
      read.set(key, value);
    }
    return value;
  };
}

/** Fleet, then the site's (if any), then the kiosk's (if any), composed as the kiosk does. */
async function compose(
  payloadOf: (key: string) => Promise<unknown>,
  siteId: string | undefined,
  kioskId?: string,
) {
  const parts: { scope: BundleScope; payload: unknown }[] = [
    { scope: { kind: 'fleet' }, payload: await payloadOf('fleet') },
  ];
  if (siteId) {
    parts.push({ scope: { kind: 'site', id: siteId }, payload: await payloadOf(`site:${siteId}`) });
  }
  if (kioskId) {
    parts.push({
      scope: { kind: 'kiosk', id: kioskId },
      payload: await payloadOf(`kiosk:${kioskId}`),
    });
  }
  return composeConfig(parts);
}

/** Whether `payload` may be published for `scope`: alone, and in every kiosk's composition. */
export async function checkPublication(
  context: FleetContext,
  scope: BundleScope,
  payload: unknown,
): Promise<PublishCheck> {
  const alone = KioskConfig.safeParse(payload);
  if (!alone.success) return { ok: false, problems: describeIssues(alone.error).slice(0, 10) };
  const payloadOf = payloadsWith(context, scope, payload);
  const kiosks = await context.store.kiosks(null);
  const reached = kiosks.filter(
    (kiosk) =>
      scope.kind === 'fleet' ||
      (scope.kind === 'site' && kiosk.siteId === scope.id) ||
      (scope.kind === 'kiosk' && kiosk.id === scope.id),
  );
  const problems: string[] = [];
  for (const kiosk of reached) {
    const composed = await compose(payloadOf, kiosk.siteId, kiosk.id);
    if (!composed.ok) problems.push(`${kiosk.name} (${kiosk.id}) : ${composed.detail}`);
  }
  if (scope.kind === 'site' && reached.length === 0) {
    const composed = await compose(payloadOf, scope.id);
    if (!composed.ok) problems.push(composed.detail);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** The whole configuration a kiosk of this scope would run on with `payload` (its site's, for a site). */
export async function effectiveConfig(
  context: FleetContext,
  scope: BundleScope,
  payload: unknown,
): Promise<unknown> {
  const siteId =
    scope.kind === 'site'
      ? scope.id
      : scope.kind === 'kiosk'
        ? (await context.store.kiosk(scope.id))?.siteId
        : undefined;
  const composed = await compose(
    payloadsWith(context, scope, payload),
    siteId,
    scope.kind === 'kiosk' ? scope.id : undefined,
  );
  return composed.ok ? composed.config : undefined;
}

export function publishScope(
  context: FleetContext,
  scope: BundleScope,
  payload: unknown,
  by: string,
): Promise<BundleRow> {
  const text = JSON.stringify(payload);
  return context.store.publish(
    scopeKey(scope),
    text,
    by,
    signVersion(context, scope, text, context.now().getTime()),
  );
}

/** The scope's latest bundle, signed again first if it has less than 10 days left. */
export async function refreshIfAging(
  context: FleetContext,
  key: string,
  now: number,
): Promise<BundleRow | undefined> {
  const latest = await context.store.latestBundle(key);
  if (!latest || latest.expiresAt - now > REFRESH_BEFORE_MS) return latest;
  const scope = parseScope(key);
  if (!scope) return latest;
  return context.store.publish(
    key,
    latest.payload,
    'system',
    signVersion(context, scope, latest.payload, now),
  );
}
