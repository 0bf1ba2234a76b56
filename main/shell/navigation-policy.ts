/**
 * Where web content may go. Every decision is taken on the parsed URL
 * (scheme, host, path segments), never on string prefixes: the WHATWG parser
 * resolves dot segments, percent-encoding and user-info tricks first.
 */

/** One allowed place: a scheme, a host (or `*.domain` for its subdomains) and a path prefix. */
export interface SiteRule {
  scheme: 'https' | 'http';
  host: string;
  pathPrefix: string;
  /** Only for local and test sites: official sites use the scheme's default port. */
  port?: number;
}

export interface NavigationPolicy {
  /** The kiosk's own UI (http://127.0.0.1:<port>). */
  appOrigin: string;
  sites: readonly SiteRule[];
}

export type DenyReason =
  | 'malformed'
  | 'blocked-scheme'
  | 'external-protocol'
  | 'credentials'
  | 'not-allowed'
  | 'foreign-blob';

export type NavigationDecision =
  { action: 'allow'; target: 'app' | 'site' | 'blank' } | { action: 'deny'; reason: DenyReason };

/** Browser-internal and script schemes: never reachable, whatever the allowlist says. */
const BLOCKED_SCHEMES = new Set([
  'javascript:',
  'data:',
  'file:',
  'filesystem:',
  'chrome:',
  'chrome-extension:',
  'chrome-untrusted:',
  'devtools:',
  'view-source:',
  'about:',
  'blob:',
  'ws:',
  'wss:',
  'ftp:',
]);

/** Schemes that hand off to another program (mail, phone, apps): refused with a kind message. */
const EXTERNAL_SCHEMES = new Set([
  'mailto:',
  'tel:',
  'sms:',
  'intent:',
  'market:',
  'callto:',
  'geo:',
]);

export function decideNavigation(
  url: string,
  policy: NavigationPolicy,
  currentOrigin?: string,
): NavigationDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'deny', reason: 'malformed' };
  }
  if (parsed.href === 'about:blank') return { action: 'allow', target: 'blank' };
  if (parsed.protocol === 'blob:') {
    // A blob URL belongs to the origin that made it; a page may open its own, never another's.
    const inner = blobOrigin(parsed);
    if (inner && currentOrigin && inner === originOf(currentOrigin)) {
      return { action: 'allow', target: 'site' };
    }
    return { action: 'deny', reason: 'foreign-blob' };
  }
  if (BLOCKED_SCHEMES.has(parsed.protocol)) return { action: 'deny', reason: 'blocked-scheme' };
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { action: 'deny', reason: 'external-protocol' };
  }
  if (parsed.username !== '' || parsed.password !== '')
    return { action: 'deny', reason: 'credentials' };
  if (parsed.origin === originOf(policy.appOrigin)) return { action: 'allow', target: 'app' };
  if (policy.sites.some((rule) => matchesRule(parsed, rule)))
    return { action: 'allow', target: 'site' };
  return { action: 'deny', reason: 'not-allowed' };
}

export function isExternalProtocol(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function matchesRule(url: URL, rule: SiteRule): boolean {
  if (url.protocol !== `${rule.scheme}:`) return false;
  if (url.port !== (rule.port === undefined ? '' : String(rule.port))) return false;
  if (!hostMatches(url.hostname, rule.host)) return false;
  return pathMatches(url.pathname, rule.pathPrefix);
}

/** `www.caf.fr` matches `www.caf.fr`; `*.caf.fr` matches its subdomains, not `caf.fr` itself. */
export function hostMatches(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase();
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2).toLowerCase();
    return host.endsWith(`.${base}`);
  }
  return host === pattern.toLowerCase();
}

/** `/espace` allows `/espace` and `/espace/…`, not `/espace-pro`. */
function pathMatches(pathname: string, prefix: string): boolean {
  if (prefix === '/' || prefix === '') return true;
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return pathname === base || pathname.startsWith(`${base}/`);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function blobOrigin(url: URL): string | null {
  const inner = originOf(url.pathname);
  return inner && inner !== 'null' ? inner : null;
}

/** Whether a URL is one of the kiosk's own pages (the app origin, no user-info). */
export function isAppPage(url: string, appOrigin: string): boolean {
  const decision = decideNavigation(url, { appOrigin, sites: [] });
  return decision.action === 'allow' && decision.target === 'app';
}
