// `npm run bench -- <name>`: builds, then runs tests/bench/<name>.ts with tsx.
// Each bench prints its figures and, as its last line, one JSON object.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = `${root}tests/bench`;
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));
const name = process.argv[2];

if (!name || !existsSync(`${benchDir}/${name}.ts`)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const tsx = `${root}node_modules/tsx/dist/cli.mjs`;
const run = spawnSync(process.execPath, [tsx, `${benchDir}/${name}.ts`, ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
