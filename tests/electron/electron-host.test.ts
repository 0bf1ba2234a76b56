import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript helper shared by the set-up scripts
import { electronBinary } from '../../scripts/setup-lib.mjs';

const root = process.cwd();
const binary: string | null = electronBinary(root);
const xvfb = existsSync('/usr/bin/xvfb-run');
const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const skipReason = !binary
  ? 'the Electron binary is not installed here (its download failed or was skipped); main/electron is type-checked against electron.d.ts instead'
  : !display && !xvfb
    ? 'no display and no xvfb-run (apt-get install xvfb) to give Electron a window'
    : null;
if (skipReason) console.warn(`skipped: Electron host tests: ${skipReason}`);

describe.skipIf(skipReason !== null)('Electron host (real binary)', () => {
  it('opens the kiosk window, prints its ready line and stops on SIGTERM', async () => {
    const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root];
    const [command, commandArgs] = display
      ? [binary as string, args]
      : ['xvfb-run', ['-a', binary as string, ...args]];
    const child = spawn(command, commandArgs, {
      env: { ...process.env, BORNE_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Borne ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const url = await ready;
    expect((await fetch(url)).status).toBe(200);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }, 30_000);
});
