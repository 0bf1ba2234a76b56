// Builds Borne: the renderer with Vite, the Node entries with esbuild.
// dist/renderer/        the UI both hosts serve
// dist/console/         the fleet console
// dist/host/main.mjs    the browser host (npm start without Electron)
// dist/cli/main.mjs     the `borne` command
// dist/server/main.mjs  the fleet server (npm run server, borne server)
// dist/electron/        the Electron main process (ESM) and its sandboxed preload (CJS)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const started = Date.now();

await viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
// The fleet console (served by the fleet server): its own small React app.
await viteBuild({
  configFile: false,
  root: `${root}server/console`,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${root}dist/console`,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Dependencies are installed next to dist/; native modules cannot be bundled anyway.
  packages: 'external',
  define: { __BORNE_VERSION__: JSON.stringify(version) },
  sourcemap: 'linked',
  logLevel: 'warning',
};

// Chunk names carry a hash: without this, every build would leave the last one's behind.
for (const dir of ['dist/chunks', 'dist/electron/chunks'])
  rmSync(`${root}${dir}`, { recursive: true, force: true });

await Promise.all([
  esbuild({
    ...common,
    format: 'esm',
    entryPoints: {
      'host/main': 'main/host/main.ts',
      'cli/main': 'main/cli/main.ts',
      'server/main': 'server/entry.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    // Modules imported on demand (the printing stack) load with their packages only then.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  esbuild({
    ...common,
    format: 'esm',
    entryPoints: { main: 'main/electron/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.mjs' },
    external: ['electron'],
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  // Sandboxed preloads cannot be ES modules and may only require('electron').
  esbuild({
    ...common,
    packages: undefined,
    format: 'cjs',
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);

writeFileSync(`${root}dist/.build-stamp`, `${new Date().toISOString()}\n`);
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
