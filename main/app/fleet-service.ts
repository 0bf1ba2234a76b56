/**
 * The kiosk's link to its fleet server, when it is enrolled (fleet/
 * identity.json in the data folder; `borne enroll`): runs on its kept
 * bundles from the start, lets the agent poll and report, puts a new
 * configuration into service between visitors, carries out the admins'
 * commands, and tells the staff space whether the server answers. A kiosk
 * that is not enrolled runs on its file as before.
 */
import { loadIdentity } from '../fleet/enrolment.js';
import { type CommandHandlers, createFleetAgent, type FleetAgent } from '../fleet/fleet-agent.js';
import { createFleetClient } from '../fleet/fleet-client.js';
import type { AggregateCell, KioskStatus } from '../fleet/fleet-protocol.js';
import { createRemoteConfig } from '../fleet/remote-config.js';
import type { VisitorSession } from '../session/visitor-session.js';
import type { ConfigStore } from './config-store.js';

export interface FleetView {
  server: string;
  kioskId: string;
  siteId: string;
  /** When the server last answered (ISO), null before the first answer. */
  lastContact: string | null;
  /** Since when it has not answered (ISO), null while it does. */
  unreachableSince: string | null;
  /** Versions in service per scope. */
  applied: Record<string, number>;
}

export interface FleetService {
  /** Null when the kiosk is not enrolled. */
  view(): FleetView | null;
  /** Tests: one poll and one heartbeat now. */
  syncNow(): Promise<void>;
  dispose(): void;
}

export function createFleetService(options: {
  dataDir: string;
  config: ConfigStore;
  session: VisitorSession;
  saleOpen: () => boolean;
  status: () => Promise<Omit<KioskStatus, 'applied' | 'bundles'>>;
  aggregates?: () => AggregateCell[];
  commands: CommandHandlers;
  log?: (line: string) => void;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Off in tests that drive `syncNow` themselves. */
  autostart?: boolean;
}): FleetService {
  const log = options.log ?? (() => {});
  let identity;
  try {
    identity = loadIdentity(options.dataDir);
  } catch (error) {
    log(
      `fleet: the enrolment in ${options.dataDir}/fleet is damaged (${(error as Error).message}): enrol again`,
    );
  }
  if (!identity) {
    return { view: () => null, syncNow: async () => undefined, dispose: () => undefined };
  }
  const enrolled = identity;
  const remote = createRemoteConfig({
    dataDir: options.dataDir,
    publicKey: enrolled.configKey,
    identity: () => ({ kioskId: enrolled.kioskId, siteId: enrolled.siteId }),
    session: () => options.session.state,
    saleOpen: options.saleOpen,
    apply: (config) => options.config.applyFleet(config),
    ...(options.now ? { now: options.now } : {}),
  });
  const kept = remote.startup();
  if (kept) options.config.applyFleet(kept);
  let status: Omit<KioskStatus, 'applied' | 'bundles'> | undefined;
  const refreshStatus = () =>
    options.status().then(
      (fresh) => {
        status = fresh;
      },
      (error: unknown) => log(`fleet: status: ${String(error)}`),
    );
  const agent: FleetAgent = createFleetAgent({
    identity: enrolled,
    dataDir: options.dataDir,
    client: createFleetClient({
      serverUrl: enrolled.serverUrl,
      kioskId: enrolled.kioskId,
      identityKey: enrolled.identityKey,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
    remote,
    status: () => {
      // The agent's heartbeat is synchronous about status: it sends the last one read.
      void refreshStatus();
      return (
        status ?? {
          appVersion: '',
          session: 'attract',
          lockMessage: null,
          printers: [],
          readers: [],
          configSource: 'fleet',
          lastError: null,
          helpCalls: [],
        }
      );
    },
    ...(options.aggregates ? { aggregates: options.aggregates } : {}),
    commands: options.commands,
    ...(options.now ? { now: options.now } : {}),
    log,
  });
  const unsubscribe = options.session.onChange((state) => {
    if (state.kind !== 'attract') return;
    const outcome = remote.betweenVisitors();
    if (outcome) log(`fleet: configuration ${outcome.state} between visitors`);
  });
  if (options.autostart !== false) {
    void refreshStatus();
    agent.start();
  }
  return {
    view: () => {
      const state = agent.state();
      const applied: Record<string, number> = {};
      for (const key of ['fleet', `site:${enrolled.siteId}`, `kiosk:${enrolled.kioskId}`]) {
        const version = remote.applied(key);
        if (version !== undefined) applied[key] = version;
      }
      return {
        server: enrolled.serverUrl,
        kioskId: enrolled.kioskId,
        siteId: enrolled.siteId,
        lastContact: state.lastContact?.toISOString() ?? null,
        unreachableSince: state.unreachableSince?.toISOString() ?? null,
        applied,
      };
    },
    async syncNow() {
      await refreshStatus();
      await agent.pollOnce();
      await agent.heartbeatOnce();
    },
    dispose() {
      agent.stop();
      unsubscribe();
    },
  };
}
