/**
 * `npm run bench -- fleet [--kiosks 5000] [--seconds 60] [--db sqlite|postgres]`:
 * the fleet server (built, in its own process, as `npm run server` runs it)
 * under simulated kiosks on 127.0.0.1, each enrolled for real, sending a
 * signed heartbeat every 30 s and a signed poll every 60 s with jitter, for
 * a bounded time. Reports requests, errors, latency percentiles and the
 * server's resident memory. Target: 0 errors and p99 under 50 ms at 5,000.
 * `--ramp` then doubles the kiosks per stage (their identities reused) until
 * p99 crosses 50 ms: the client runs on the same two cores as the server, so
 * the figure is a floor.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { enrolKiosk, loadIdentity } from '../../main/fleet/enrolment.js';
import { createFleetClient } from '../../main/fleet/fleet-client.js';
import type { KioskStatus } from '../../main/fleet/fleet-protocol.js';
import { consoleUser } from '../support/fleet-server.js';
import { startPostgres } from '../support/postgres-cluster.js';
import { percentile, round } from './stats.js';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const kiosks = Number(argument('kiosks', '5000'));
const seconds = Number(argument('seconds', '60'));
const db = argument('db', 'sqlite');
const ramp = process.argv.includes('--ramp');
const stageSeconds = Number(argument('stage-seconds', '30'));
if (
  !Number.isInteger(kiosks) ||
  kiosks < 1 ||
  kiosks > 20_000 ||
  !(seconds > 0 && seconds <= 600)
) {
  console.error(
    'usage: npm run bench -- fleet [--kiosks 1..20000] [--seconds 1..600] [--db sqlite|postgres]',
  );
  process.exit(2);
}

const cluster = db === 'postgres' ? await startPostgres() : undefined;
const data = mkdtempSync(join(tmpdir(), 'borne-bench-fleet-'));
const server = spawn(process.execPath, ['dist/server/main.mjs'], {
  env: {
    ...process.env,
    BORNE_SERVER_PORT: '0',
    BORNE_SERVER_DATA: data,
    BORNE_SERVER_LOG: 'warn',
    BORNE_SERVER_INSECURE_COOKIES: '1',
    ...(cluster ? { BORNE_SERVER_DATABASE: cluster.url } : {}),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
const url = await new Promise<string>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const ready = /ready: (\S+)/.exec(output);
    if (ready) resolve(ready[1] as string);
  });
  server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
});
const token = /setup token: (\S+)/.exec(output)?.[1];
const rss = () => {
  const line = readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : 0;
};

const admin = consoleUser(url);
await admin.call('POST', '/api/admin/setup', {
  token,
  username: 'bench',
  password: 'un mot de passe long',
});
await admin.login('bench', 'un mot de passe long');
await admin.call('POST', '/api/admin/sites', { id: 'bench-site', name: 'Banc' });
await admin.call('POST', '/api/admin/config/site:bench-site', {
  payload: { kiosk: { siteName: 'Banc' } },
});

console.log(`enrolling ${kiosks} kiosks (${db})…`);
const enrolStart = performance.now();
type Client = ReturnType<typeof createFleetClient>;
/** The server's own time per answer (its Server-Timing header), beside what the client waited. */
let serverTimes: number[] = [];
const timedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const dur = /dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  if (dur) serverTimes.push(Number(dur[1]));
  return response;
};
const clients: Client[] = [];
for (let start = 0; start < kiosks; start += 50) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(50, kiosks - start) }, async (_, offset) => {
      const code = await admin.call('POST', '/api/admin/sites/bench-site/enrolment-codes');
      const dir = join(data, 'kiosks', String(start + offset));
      const enrolled = await enrolKiosk({
        serverUrl: url,
        code: String(code.body.code),
        dataDir: dir,
        name: `Borne ${start + offset}`,
        appVersion: 'bench',
      });
      if (!enrolled.ok) throw new Error(`enrolment: ${enrolled.detail}`);
      const identity = loadIdentity(dir);
      if (!identity) throw new Error('no identity');
      return createFleetClient({
        serverUrl: url,
        kioskId: identity.kioskId,
        identityKey: identity.identityKey,
        fetch: timedFetch,
      });
    }),
  );
  clients.push(...batch);
}
console.log(`enrolled in ${round((performance.now() - enrolStart) / 1000)} s`);

const status: Omit<KioskStatus, 'bundles'> = {
  appVersion: 'bench',
  session: 'attract',
  lockMessage: null,
  printers: [{ id: 'caisse', state: 'ready', ok: true }],
  readers: [{ id: 'carte', state: 'connected' }],
  applied: { 'site:bench-site': 1 },
  configSource: 'fleet',
  lastError: null,
  helpCalls: [],
};
/** Load from `count` simulated kiosks (identities reused round-robin past the enrolled ones). */
async function measure(count: number, durationS: number) {
  const latencies: number[] = [];
  serverTimes = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let errors = 0;
  let peak = rss();
  const end = performance.now() + durationS * 1000;
  const timed = async (work: () => Promise<{ ok: boolean }>) => {
    const start = performance.now();
    const result = await work();
    latencies.push(performance.now() - start);
    if (!result.ok) errors++;
  };
  const loop = async (periodMs: number, jitter: number, work: () => Promise<void>) => {
    // A random phase: kiosks were not all switched on at the same second.
    let next = performance.now() + Math.random() * periodMs;
    while (next < end) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      if (performance.now() >= end) break;
      await work();
      next += periodMs * (1 - jitter + 2 * jitter * Math.random());
    }
  };
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 1000);
  await Promise.all(
    Array.from({ length: count }, (_, index) => clients[index % clients.length] as Client).flatMap(
      (client) => [
        loop(30_000, 0.1, () =>
          timed(() => client.heartbeat({ status: { ...status, bundles: [] } })),
        ),
        loop(60_000, 0.2, () => timed(() => client.poll({ fleet: 0, site: 1, kiosk: 0 }))),
      ],
    ),
  );
  clearInterval(sampler);
  loopDelay.disable();
  return {
    requests: latencies.length,
    errors,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    serverP99Ms: round(percentile(serverTimes, 99), 2),
    clientLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6, 2),
    serverRssMb: round(peak),
  };
}

const main = await measure(kiosks, seconds);
console.log(
  `${kiosks} kiosks, ${seconds} s on ${db}: ${main.requests} requests (${round(main.requests / seconds)}/s), ` +
    `${main.errors} errors, p50 ${main.p50Ms} ms, p99 ${main.p99Ms} ms (server's own p99 ${main.serverP99Ms} ms, ` +
    `client event-loop delay p99 ${main.clientLoopDelayP99Ms} ms), server RSS ${main.serverRssMb} MB`,
);

// Where p99 crosses 50 ms: twice as many kiosks per stage. Seen from the
// simulated kiosks (their own event loop shares the two cores) and from the
// server (its Server-Timing); the ramp ends when the server's p99 crosses,
// on errors, or when the simulator can no longer keep the rate.
let crossesAt: number | null = main.p99Ms >= 50 ? kiosks : null;
let serverCrossesAt: number | null = main.serverP99Ms >= 50 ? kiosks : null;
let rampEnd = 'not run';
if (ramp) {
  rampEnd = 'reached 160,000 kiosks';
  for (let count = kiosks * 2; count <= 160_000; count *= 2) {
    const stage = await measure(count, stageSeconds);
    const rate = stage.requests / stageSeconds;
    console.log(
      `  ramp: ${count} kiosks, ${stageSeconds} s: ${round(rate)}/s (expected ${round(count / 20)}), ` +
        `${stage.errors} errors, p50 ${stage.p50Ms} ms, p99 ${stage.p99Ms} ms (server ${stage.serverP99Ms} ms, ` +
        `client loop ${stage.clientLoopDelayP99Ms} ms), RSS ${stage.serverRssMb} MB`,
    );
    // A kiosk sends a heartbeat every 30 s and a poll every 60 s: count / 20 requests a second.
    if (rate < 0.9 * (count / 20) || stage.clientLoopDelayP99Ms > 200) {
      rampEnd = `the simulator could not keep ${round(count / 20)}/s at ${count} (server p99 ${stage.serverP99Ms} ms)`;
      break;
    }
    if (crossesAt === null && stage.p99Ms >= 50) crossesAt = count;
    if (stage.serverP99Ms >= 50 || stage.errors > 0) {
      serverCrossesAt = count;
      rampEnd = stage.errors > 0 ? `errors at ${count}` : `server p99 crossed 50 ms at ${count}`;
      break;
    }
  }
  console.log(`ramp: ${rampEnd}`);
}

server.kill('SIGTERM');
cluster?.stop();
rmSync(data, { recursive: true, force: true });

const result = {
  bench: 'fleet',
  db,
  kiosks,
  seconds,
  ...main,
  ...(ramp
    ? { p99Crosses50MsAt: crossesAt, serverP99Crosses50MsAt: serverCrossesAt, rampEnd }
    : {}),
};
console.log(JSON.stringify(result));
process.exit(0);
