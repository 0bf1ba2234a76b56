// `npm start`: makes the machine ready, builds if the sources changed, then runs
// Borne in Electron when its binary is present, otherwise in the browser host
// (which opens Chromium in kiosk mode unless BORNE_HEADLESS=1).
// BORNE_HOST=browser forces the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './setup-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [
  'main',
  'renderer',
  'native',
  'vite.config.ts',
  'package.json',
  'scripts/build.mjs',
];

function step(script, ...args) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

function buildIsStale() {
  const stamp = join(root, 'dist', '.build-stamp');
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

step('setup.mjs', 'start');
if (buildIsStale()) step('build.mjs');

const electron = process.env.BORNE_HOST === 'browser' ? null : electronBinary(root);
const [command, args] = electron
  ? [electron, [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root]]
  : [process.execPath, ['--enable-source-maps', join(root, 'dist', 'host', 'main.mjs')]];
if (!electron) console.log('Borne: Electron binary not found, starting the browser host');

const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
