/**
 * The kiosk's fleet agent: polls the server every 60 s (with jitter, so a
 * fleet restarted at once does not knock in step) for newer bundles and
 * commands, and sends a heartbeat every 30 s with its status, what it did
 * with the bundles it received, and (hourly) its usage aggregates. Bundles
 * go through remote-config (verified, applied between visitors); commands
 * are verified (pinned key, this kiosk, in time, known), carried out once
 * (remembered across restarts), and acknowledged. When the server cannot
 * be reached the kiosk carries on with its last-known-good configuration
 * and the agent says since when, for the staff space.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ApplyOutcome } from './remote-config.js';
import type { FleetClient } from './fleet-client.js';
import {
  type AggregateCell,
  type BundleReport,
  type CommandKind,
  type KioskStatus,
  verifyCommand,
} from './fleet-protocol.js';
import type { FleetIdentity } from './enrolment.js';

export const POLL_MS = 60_000;
export const HEARTBEAT_MS = 30_000;
export const AGGREGATES_MS = 3600_000;
/** Missing this many polls in a row makes the server "unreachable" for the staff space. */
export const UNREACHABLE_AFTER_MS = 2 * POLL_MS + 10_000;

export type CommandHandlers = {
  [kind in CommandKind]: (message: string | undefined) => Promise<string> | string;
};

export interface FleetAgentOptions {
  identity: Pick<FleetIdentity, 'kioskId' | 'siteId' | 'configKey'>;
  dataDir: string;
  client: FleetClient;
  remote: {
    receive(body: string): ApplyOutcome;
    applied(key: string): number | undefined;
  };
  /** The kiosk's status, without what the agent adds (versions applied, bundle reports). */
  status: () => Omit<KioskStatus, 'applied' | 'bundles'>;
  aggregates?: () => AggregateCell[];
  commands: CommandHandlers;
  now?: () => Date;
  random?: () => number;
  log?: (line: string) => void;
}

export interface FleetState {
  /** When the server last answered. */
  lastContact: Date | null;
  /** Since when it has not answered (null while it does). */
  unreachableSince: Date | null;
  lastProblem: string | null;
}

const Done = z.record(
  z.string(),
  z.object({ outcome: z.enum(['done', 'refused']), detail: z.string() }),
);

export function createFleetAgent(options: FleetAgentOptions) {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => undefined);
  const { kioskId, siteId } = options.identity;
  const doneFile = join(options.dataDir, 'fleet', 'commands-done.json');
  let done: z.infer<typeof Done> = {};
  try {
    done = Done.parse(JSON.parse(readFileSync(doneFile, 'utf8')));
  } catch {
    // none yet
  }
  const reports: BundleReport[] = [];
  const state: FleetState = { lastContact: null, unreachableSince: null, lastProblem: null };
  const timers = new Set<NodeJS.Timeout>();
  let lastAggregates = -Infinity;
  let stopped = false;

  const report = (outcome: ApplyOutcome) => {
    const at = now().toISOString();
    reports.push(
      outcome.state === 'refused'
        ? {
            scope: '',
            version: 0,
            state: 'refused',
            reason: outcome.reason,
            detail: outcome.detail.slice(0, 500),
            at,
          }
        : { scope: outcome.scope, version: outcome.version, state: outcome.state, at },
    );
    reports.splice(0, Math.max(0, reports.length - 10));
  };

  const contact = (ok: boolean, problem?: string) => {
    const at = now();
    if (ok) {
      state.lastContact = at;
      state.unreachableSince = null;
      state.lastProblem = null;
      return;
    }
    state.lastProblem = problem ?? null;
    if (
      !state.unreachableSince &&
      at.getTime() - (state.lastContact?.getTime() ?? 0) > UNREACHABLE_AFTER_MS
    ) {
      state.unreachableSince = state.lastContact ?? at;
    }
  };

  function remember(id: string, outcome: 'done' | 'refused', detail: string) {
    done[id] = { outcome, detail };
    done = Object.fromEntries(Object.entries(done).slice(-200));
    writeFileSync(doneFile, JSON.stringify(done), { mode: 0o600 });
  }

  async function runCommand(body: string) {
    const check = verifyCommand(body, {
      publicKey: options.identity.configKey,
      kioskId,
      now: now(),
    });
    if (!check.ok) {
      log(`fleet: command refused: ${check.detail}`);
      if (check.id) {
        remember(check.id, 'refused', check.detail);
        await options.client.ack(check.id, { outcome: 'refused', detail: check.detail });
      }
      return;
    }
    const { command } = check;
    const earlier = done[command.id];
    if (earlier) {
      // Carried out already (the acknowledgement was lost): say it again, do not redo it.
      await options.client.ack(command.id, earlier);
      return;
    }
    if (command.kind === 'restart') {
      // Acknowledged first: the app will not be there to say it afterwards.
      remember(command.id, 'done', 'redémarrage');
      await options.client.ack(command.id, { outcome: 'done', detail: 'redémarrage' });
      await options.commands.restart(command.message);
      return;
    }
    let outcome: { outcome: 'done' | 'refused'; detail: string };
    try {
      outcome = { outcome: 'done', detail: await options.commands[command.kind](command.message) };
    } catch (error) {
      outcome = { outcome: 'refused', detail: (error as Error).message.slice(0, 500) };
    }
    remember(command.id, outcome.outcome, outcome.detail);
    await options.client.ack(command.id, outcome);
  }

  async function pollOnce(): Promise<void> {
    const have = {
      fleet: options.remote.applied('fleet') ?? 0,
      site: options.remote.applied(`site:${siteId}`) ?? 0,
      kiosk: options.remote.applied(`kiosk:${kioskId}`) ?? 0,
    };
    const answer = await options.client.poll(have);
    contact(answer.ok, answer.ok ? undefined : answer.detail);
    if (!answer.ok) {
      log(`fleet: poll failed (${answer.problem}): ${answer.detail}`);
      return;
    }
    for (const body of answer.value.bundles) {
      const outcome = options.remote.receive(body);
      report(outcome);
      log(
        `fleet: bundle ${outcome.state}${outcome.state === 'refused' ? ` (${outcome.reason}: ${outcome.detail})` : ''}`,
      );
    }
    for (const body of answer.value.commands) await runCommand(body);
  }

  async function heartbeatOnce(): Promise<void> {
    const base = options.status();
    const applied: Record<string, number> = {};
    for (const key of ['fleet', `site:${siteId}`, `kiosk:${kioskId}`]) {
      const version = options.remote.applied(key);
      if (version !== undefined) applied[key] = version;
    }
    const sendAggregates = options.aggregates && now().getTime() - lastAggregates >= AGGREGATES_MS;
    const aggregates = sendAggregates ? options.aggregates?.() : undefined;
    const answer = await options.client.heartbeat({
      status: { ...base, applied, bundles: [...reports] },
      ...(aggregates ? { aggregates } : {}),
    });
    contact(answer.ok, answer.ok ? undefined : answer.detail);
    if (answer.ok && sendAggregates) lastAggregates = now().getTime();
  }

  const every = (periodMs: number, jitter: number, work: () => Promise<void>) => {
    const schedule = (delay: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        work()
          .catch((error: unknown) => log(`fleet: ${(error as Error).message}`))
          .finally(() => {
            if (!stopped) schedule(periodMs * (1 - jitter + 2 * jitter * random()));
          });
      }, delay);
      timer.unref();
      timers.add(timer);
    };
    schedule(periodMs * jitter * random());
  };

  return {
    start() {
      stopped = false;
      every(POLL_MS, 0.2, pollOnce);
      every(HEARTBEAT_MS, 0.1, heartbeatOnce);
    },
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    pollOnce,
    heartbeatOnce,
    state: (): FleetState => ({ ...state }),
    reports: (): BundleReport[] => [...reports],
  };
}
export type FleetAgent = ReturnType<typeof createFleetAgent>;
