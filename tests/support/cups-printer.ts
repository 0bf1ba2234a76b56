/**
 * A real CUPS scheduler and a virtual IPP Everywhere printer for one test
 * file, from Debian's packages (cups, cups-ipp-utils; installed by .ci/run
 * and the setup script): cupsd on 127.0.0.1 with its own folders and Borne's
 * settings (no job files or history kept), ippeveprinter on localhost keeping
 * what it receives, and a queue made with `lpadmin -m everywhere` as an
 * installer would. ippeveprinter needs a D-Bus system bus for its DNS-SD
 * client, so a private bus is started for it (it announces nothing: -r off).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgres-cluster.js';

export interface CupsPrinter {
  /** host:port of the scheduler (CUPS_SERVER). */
  server: string;
  queue: string;
  /** The scheduler's spool folder: job files and control files while CUPS keeps them. */
  spool: string;
  /** Documents the virtual printer received, oldest first. */
  received(): string[];
  /** Stops the virtual printer (the printer is switched off). */
  switchOff(): Promise<void>;
  close(): Promise<void>;
}

const QUEUE = 'borne-a4';

function waitFor(test: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (await test()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(() => void tick(), 50);
    };
    void tick();
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

export function cupsInstalled(): boolean {
  return [
    '/usr/sbin/cupsd',
    '/usr/sbin/ippeveprinter',
    '/usr/bin/lp',
    '/usr/bin/dbus-daemon',
  ].every(existsSync);
}

export async function startCupsPrinter(): Promise<CupsPrinter> {
  if (!cupsInstalled()) {
    throw new Error(
      'CUPS is not installed (Debian packages cups, cups-ipp-utils, dbus): run `npm test` as root once, or apt-get install them',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'borne-cups-'));
  // The scheduler's filters run as lp: they must reach its folders.
  chmodSync(dir, 0o755);
  for (const sub of ['spool/tmp', 'cache', 'state', 'log', 'printer']) {
    mkdirSync(join(dir, sub), { recursive: true, mode: 0o755 });
  }
  const [cupsPort, printerPort] = [await freePort(), await freePort()];
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'lp' : execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
  const group = asRoot ? 'lp' : execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  writeFileSync(
    join(dir, 'cupsd.conf'),
    `Listen 127.0.0.1:${cupsPort}
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
# Borne's queue keeps nothing of a visitor's documents once printed.
PreserveJobFiles No
PreserveJobHistory No
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
`,
  );
  writeFileSync(
    join(dir, 'cups-files.conf'),
    `ServerRoot ${dir}
RequestRoot ${dir}/spool
CacheDir ${dir}/cache
StateDir ${dir}/state
TempDir ${dir}/spool/tmp
ErrorLog ${dir}/log/error_log
AccessLog ${dir}/log/access_log
PageLog ${dir}/log/page_log
User ${user}
Group ${group}
SystemGroup ${asRoot ? 'root' : group}
`,
  );
  const bus = join(dir, 'bus');
  const children: ChildProcess[] = [];
  const start = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    children.push(child);
    return child;
  };
  start('dbus-daemon', ['--session', '--nofork', `--address=unix:path=${bus}`]);
  await waitFor(() => existsSync(bus), 'the private D-Bus');
  const printerSpool = join(dir, 'printer');
  // -k keeps what it receives, for the tests to count pages; only localhost hears it.
  const printer = start(
    'ippeveprinter',
    [
      ...['-r', 'off', '-n', 'localhost', '-p', String(printerPort), '-k', '-d', printerSpool],
      ...['-f', 'application/pdf,image/jpeg', 'Borne A4 test'],
    ],
    { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${bus}` },
  );
  await waitFor(() => accepts(printerPort), 'ippeveprinter');
  start('cupsd', ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')]);
  await waitFor(() => accepts(cupsPort), 'cupsd');
  const server = `127.0.0.1:${cupsPort}`;
  execFileSync(
    'lpadmin',
    ['-p', QUEUE, '-E', '-v', `ipp://localhost:${printerPort}/ipp/print`, '-m', 'everywhere'],
    { env: { ...process.env, CUPS_SERVER: server }, timeout: 30_000, stdio: 'pipe' },
  );
  return {
    server,
    queue: QUEUE,
    spool: join(dir, 'spool'),
    received: () =>
      readdirSync(printerSpool)
        .filter((name) => /^\d+-/.test(name))
        .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
        .map((name) => join(printerSpool, name)),
    switchOff: () => stop(printer),
    close: async () => {
      for (const child of children.reverse()) await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
