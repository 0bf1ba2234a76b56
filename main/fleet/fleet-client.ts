/**
 * The kiosk's HTTP client for the fleet server: every request signed with
 * the kiosk's identity key, bounded in time and size, every answer parsed
 * with the protocol's schema. Results are typed: the server unreachable,
 * a refusal with its message, or an answer that is not what was expected.
 */
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import {
  type CommandAck,
  type Heartbeat,
  HeartbeatResponse,
  PollResponse,
} from './fleet-protocol.js';
import { signRequest } from './request-signature.js';

export const MAX_ANSWER_BYTES = 1024 * 1024;

export type FleetResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      problem: 'unreachable' | 'refused' | 'invalid-answer';
      status?: number;
      detail: string;
    };

export interface FleetClientOptions {
  serverUrl: string;
  kioskId: string;
  identityKey: KeyObject;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
}

/** Sends one request and parses the answer with `schema` (undefined: no body expected). */
export async function fleetRequest<T>(
  options: Omit<FleetClientOptions, 'kioskId' | 'identityKey'> & {
    sign?: { kioskId: string; identityKey: KeyObject };
  },
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  schema: z.ZodType<T> | undefined,
): Promise<FleetResult<T>> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> =
    body === undefined ? {} : { 'content-type': 'application/json' };
  if (options.sign) {
    Object.assign(
      headers,
      signRequest({
        kioskId: options.sign.kioskId,
        method,
        path,
        body: text,
        now: (options.now ?? (() => new Date()))(),
        privateKey: options.sign.identityKey,
      }),
    );
  }
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(new URL(path, options.serverUrl), {
      method,
      headers,
      ...(body === undefined ? {} : { body: text }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: 'error',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, problem: 'unreachable', detail: cause ?? (error as Error).message };
  }
  let answer: string;
  try {
    answer = await response.text();
  } catch (error) {
    return { ok: false, problem: 'unreachable', detail: (error as Error).message };
  }
  if (answer.length > MAX_ANSWER_BYTES) {
    return {
      ok: false,
      problem: 'invalid-answer',
      status: response.status,
      detail: 'answer too large',
    };
  }
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      message = (JSON.parse(answer) as { message?: string }).message ?? message;
    } catch {
      // not JSON: the status says enough
    }
    return { ok: false, problem: 'refused', status: response.status, detail: message };
  }
  if (!schema) return { ok: true, value: undefined as T };
  try {
    const parsed = schema.safeParse(JSON.parse(answer));
    if (parsed.success) return { ok: true, value: parsed.data };
  } catch {
    // falls through
  }
  return {
    ok: false,
    problem: 'invalid-answer',
    status: response.status,
    detail: 'not the expected answer',
  };
}

export function createFleetClient(options: FleetClientOptions) {
  const signed = {
    ...options,
    sign: { kioskId: options.kioskId, identityKey: options.identityKey },
  };
  return {
    poll: (have: { fleet: number; site: number; kiosk: number }) =>
      fleetRequest(
        signed,
        'GET',
        `/api/kiosk/poll?fleet=${have.fleet}&site=${have.site}&kiosk=${have.kiosk}`,
        undefined,
        PollResponse,
      ),
    heartbeat: (heartbeat: Heartbeat) =>
      fleetRequest(signed, 'POST', '/api/kiosk/heartbeat', heartbeat, HeartbeatResponse),
    ack: (id: string, ack: CommandAck) =>
      fleetRequest(
        signed,
        'POST',
        `/api/kiosk/commands/${encodeURIComponent(id)}/ack`,
        ack,
        undefined,
      ),
  };
}
export type FleetClient = ReturnType<typeof createFleetClient>;
