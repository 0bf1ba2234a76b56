import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (the one whose package.json is Borne's), found from the
 * running file, so the same code works from sources, from dist/ and packaged.
 */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'borne') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Borne's package.json not found above ${from}`);
    dir = parent;
  }
}

/** The built renderer (vite build output). */
export function rendererDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BORNE_RENDERER_DIR ?? join(projectRoot(), 'dist', 'renderer');
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/**
 * Where the kiosk keeps its own state (the print journal, later the ledger
 * and usage log): $BORNE_DATA_DIR (the kiosk unit sets /var/lib/borne),
 * otherwise the user's XDG state folder.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (env.BORNE_DATA_DIR) return env.BORNE_DATA_DIR;
  return join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'borne');
}
