/**
 * The console's calls to the admin API: JSON both ways, the session cookie
 * sent by the browser, the CSRF token the server gave at sign-in sent with
 * every change. A refusal becomes an ApiError carrying the server's French
 * sentence, shown as it is.
 */
export interface Me {
  username: string;
  role: 'admin' | 'site-manager';
  sites: string[];
  csrf: string;
}
export interface Site {
  id: string;
  name: string;
}
export type Alert =
  | { kind: 'offline'; since: number }
  | { kind: 'paper-out'; printer: string }
  | { kind: 'reader-unplugged'; reader: string }
  | { kind: 'help-unanswered'; since: number };
export interface KioskStatus {
  appVersion: string;
  session: 'attract' | 'visit' | 'locked' | 'closed';
  lockMessage: string | null;
  printers: { id: string; state: string; ok: boolean }[];
  readers: { id: string; state: string }[];
  applied: Record<string, number>;
  bundles: {
    scope: string;
    version: number;
    state: string;
    reason?: string;
    detail?: string;
    at: string;
  }[];
  configSource: string;
  lastError: string | null;
  helpCalls: string[];
}
export interface Kiosk {
  id: string;
  name: string;
  siteId: string;
  online: boolean;
  lastSeen: string | null;
  status: KioskStatus | null;
  alerts: Alert[];
}
export interface CommandEntry {
  id: string;
  kind: string;
  message: string | null;
  createdBy: string;
  createdAt: string;
  state: string;
  detail: string | null;
  ackedAt: string | null;
}
export interface ScopeConfig {
  scope: string;
  version: number;
  payload: Record<string, unknown>;
  publishedBy: string | null;
  issuedAt: string | null;
}
export interface StatsCell {
  period: string;
  metric: string;
  key: string;
  /** null: fewer than 10 visits behind it, not shown. */
  value: number | null;
}
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  siteId: string | null;
  action: string;
  target: string;
  detail: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

let csrf = '';
export const setCsrf = (token: string) => {
  csrf = token;
};

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/admin${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'GET' || !csrf ? {} : { 'x-csrf-token': csrf }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw new ApiError(response.status, `Réponse inattendue du serveur (HTTP ${response.status}).`);
  }
  if (!response.ok) {
    throw new ApiError(
      response.status,
      typeof parsed.message === 'string' ? parsed.message : `Erreur HTTP ${response.status}.`,
      Array.isArray(parsed.problems) ? (parsed.problems as string[]) : [],
    );
  }
  return parsed as T;
}

export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : 'Erreur inattendue.';

export const dateTime = (iso: string | number | null) =>
  iso === null
    ? '—'
    : new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium' }).format(
        new Date(iso),
      );
