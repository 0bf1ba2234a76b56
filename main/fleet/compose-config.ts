/**
 * The configuration a kiosk runs on is the fleet's bundle, then its site's,
 * then its own, each overriding the one before (objects merged key by key,
 * lists replaced whole), checked once more by the kiosk's schema. The fleet
 * server composes the same way before it publishes, so that it never signs
 * a part that would make some kiosk's whole invalid.
 */
import { describeIssues } from '../../native/describe-issues.js';
import { KioskConfig } from '../config/config-schema.js';
import type { BundleScope } from './config-bundle.js';

const SCOPE_ORDER = ['fleet', 'site', 'kiosk'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** `over` on top of `base`: objects merged key by key, anything else replaced. */
export function overlay(base: Json, over: Json): Json {
  const isObject = (value: Json): value is { [key: string]: Json } =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(base) || !isObject(over)) return over;
  const merged: { [key: string]: Json } = { ...base };
  for (const [key, value] of Object.entries(over)) {
    merged[key] = key in base ? overlay(base[key] as Json, value) : value;
  }
  return merged;
}

/**
 * The configuration from the valid bundles, fleet then site then kiosk; the
 * result is checked by the kiosk's schema (a combination may be refused even
 * when each part was fine: a printer named by the kiosk but defined nowhere).
 */
export function composeConfig(
  payloads: readonly { scope: BundleScope; payload: unknown }[],
): { ok: true; config: KioskConfig } | { ok: false; detail: string } {
  const ordered = [...payloads].sort(
    (a, b) => SCOPE_ORDER.indexOf(a.scope.kind) - SCOPE_ORDER.indexOf(b.scope.kind),
  );
  const merged = ordered.reduce<Json>((base, entry) => overlay(base, entry.payload as Json), {});
  const result = KioskConfig.safeParse(merged);
  if (!result.success) {
    return { ok: false, detail: describeIssues(result.error).slice(0, 5).join('; ') };
  }
  return { ok: true, config: result.data };
}
