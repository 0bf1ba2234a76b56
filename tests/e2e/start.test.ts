import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

let running: Started | undefined;
const closed = new WeakSet<ChildProcessWithoutNullStreams>();
afterEach(() => {
  if (running && running.child.exitCode === null && running.child.signalCode === null) {
    try {
      process.kill(-(running.child.pid as number), 'SIGKILL');
    } catch {
      // the group is already gone
    }
  }
  running = undefined;
});

/** `npm start` as a person runs it, in its own process group (as a terminal does). */
function npmStart(env: Record<string, string>): Started {
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, BORNE_HOST: 'browser', ...env },
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.once('close', () => closed.add(child));
  running = { child, output: () => output };
  return running;
}

async function waitForOutput(
  started: Started,
  pattern: RegExp,
  limitMs = 20_000,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const match = pattern.exec(started.output());
    if (match) return match;
    if (started.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`expected ${pattern} in:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Resolves once every process of the group has let go of the output pipe
 * ('close', not 'exit': npm may exit before the host has printed its last
 * line). npm re-raises the signal it forwarded: that counts as a clean stop.
 */
function exitOf(started: Started): Promise<number | string> {
  const { child } = started;
  const result = () => child.exitCode ?? child.signalCode ?? -1;
  if (closed.has(child)) return Promise.resolve(result());
  return new Promise((resolve) => child.once('close', () => resolve(result())));
}

describe('npm start (browser host)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'serves the kiosk, prints its ready line and stops on %s within 2 s',
    async (signal) => {
      const started = npmStart({ BORNE_PORT: '0', BORNE_HEADLESS: '1' });
      const [, url] = await waitForOutput(started, /^Borne ready: (http:\/\/127\.0\.0\.1:\d+\/)$/m);
      expect(started.output()).toMatch(/^Configuration: .+$/m);
      const page = await fetch(url as string);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('borne-host-token');

      const asked = performance.now();
      process.kill(-(started.child.pid as number), signal);
      const code = await exitOf(started);
      expect(performance.now() - asked).toBeLessThan(2000);
      expect([0, signal]).toContain(code);
      expect(started.output()).toContain(`Borne stopping (${signal})`);
      await expect(fetch(url as string)).rejects.toThrow();
    },
  );

  it('honours a fixed BORNE_PORT and says clearly when it is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const started = npmStart({ BORNE_PORT: String(port), BORNE_HEADLESS: '1' });
      await waitForOutput(started, /the port is in use\. Set BORNE_PORT/);
      expect(await exitOf(started)).toBe(1);
    } finally {
      blocker.close();
    }
  });

  it('refuses a malformed BORNE_PORT with a message naming it', async () => {
    const started = npmStart({ BORNE_PORT: 'eighty', BORNE_HEADLESS: '1' });
    await waitForOutput(started, /BORNE_PORT must be a port number/);
    expect(await exitOf(started)).toBe(1);
  });

  it('says why no kiosk window opens where there is no display', async () => {
    const started = npmStart({ BORNE_PORT: '0', DISPLAY: '', WAYLAND_DISPLAY: '' });
    await waitForOutput(started, /^Borne ready: /m);
    await waitForOutput(started, /Kiosk window: no display/);
    process.kill(-(started.child.pid as number), 'SIGTERM');
    expect([0, 'SIGTERM']).toContain(await exitOf(started));
  });
});
