/**
 * Browser host cold start to attract screen painted in Chromium.
 * Each run starts a new host process (node dist/host/main.mjs), waits for its
 * ready line, opens the kiosk in a fresh Chromium context and stops the clock
 * once the attract screen is on screen with its fonts loaded. Chromium itself
 * is launched once, before the runs (on a kiosk it stays up across restarts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.js';
import { percentile, round } from './stats.js';

const RUNS = 10;

function startHost(configDir: string) {
  const child = spawn(process.execPath, ['dist/host/main.mjs'], {
    env: {
      ...process.env,
      BORNE_PORT: '0',
      BORNE_HEADLESS: '1',
      BORNE_CONFIG: join(configDir, 'config.json'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Borne ready: (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`host exited before ready:\n${output}`)));
  });
  return { child, ready };
}

const chromiumStarted = performance.now();
const browser = await launchChromium();
const chromiumLaunchMs = performance.now() - chromiumStarted;
const configDir = mkdtempSync(join(tmpdir(), 'borne-bench-'));
const totals: number[] = [];
const hostReady: number[] = [];

for (let run = 1; run <= RUNS; run += 1) {
  const started = performance.now();
  const host = startHost(configDir);
  const url = await host.ready;
  const readyAt = performance.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-screen="attract"]') !== null &&
      document.fonts.status === 'loaded',
  );
  // Two animation frames: the screen has been painted, not just built.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const painted = performance.now();
  totals.push(painted - started);
  hostReady.push(readyAt - started);
  console.log(
    `run ${run}: host ready ${round(readyAt - started)} ms, attract painted ${round(painted - started)} ms`,
  );
  await context.close();
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  host.child.kill('SIGTERM');
  await exited;
}
await browser.close();

console.log(`chromium launch (once): ${round(chromiumLaunchMs)} ms`);
console.log(
  `host ready p50 ${round(percentile(hostReady, 50))} ms; attract painted p50 ${round(percentile(totals, 50))} ms, p95 ${round(percentile(totals, 95))} ms`,
);
console.log(
  JSON.stringify({
    bench: 'startup',
    runs: RUNS,
    p50Ms: round(percentile(totals, 50)),
    p95Ms: round(percentile(totals, 95)),
    hostReadyP50Ms: round(percentile(hostReady, 50)),
    chromiumLaunchMs: round(chromiumLaunchMs),
  }),
);
