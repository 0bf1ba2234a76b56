// Runs tests/<folder>/<name>.ts with tsx after a build: what `npm run bench`
// and `npm run audit` share. Each script prints its figures or findings and,
// as its last line, one JSON object.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function runNamedScript(folder, command) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dir = `${root}tests/${folder}`;
  const available = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3));
  const name = process.argv[2];
  if (!name || !existsSync(`${dir}/${name}.ts`)) {
    console.error(`usage: npm run ${command} -- <name>\navailable: ${available.join(', ')}`);
    process.exit(2);
  }
  const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const tsx = `${root}node_modules/tsx/dist/cli.mjs`;
  const run = spawnSync(process.execPath, [tsx, `${dir}/${name}.ts`, ...process.argv.slice(3)], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}
