/**
 * Child processes for fault injection (the ledger's and the usage log's):
 * the child is bundled into one ES module (node starts it in a tenth of the
 * time tsx would), run with its arguments as JSON, read line by line, and
 * killed with SIGKILL when the test decides.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles tests/support/<name>.ts into tests/.output/bin/<name>.mjs. */
export async function bundleChild(name: string): Promise<string> {
  const folder = join(process.cwd(), 'tests', '.output', 'bin');
  mkdirSync(folder, { recursive: true });
  const outfile = join(folder, `${name}.mjs`);
  await build({
    entryPoints: [join(process.cwd(), 'tests', 'support', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs the child; `onLine` sees each line of its output and may kill it. */
export function runChild(
  bundle: string,
  args: object,
  onLine: (line: string, kill: () => void) => void,
  options: Pick<SpawnOptions, 'uid' | 'gid'> & {
    /** A command the child runs under (its arguments), e.g. setpriv dropping capabilities. */
    under?: string[];
  } = {},
): Promise<{ output: string; signal: NodeJS.Signals | null; code: number | null }> {
  const { under = [], ...ids } = options;
  const [command, ...prefix] = [...under, process.execPath];
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, [...prefix, bundle, JSON.stringify(args)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...ids,
    });
    let output = '';
    let pending = '';
    const kill = () => child.kill('SIGKILL');
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line, kill);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(kill, 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ output, signal, code });
    });
  });
}
