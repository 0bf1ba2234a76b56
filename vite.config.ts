/**
 * One Vite config: the renderer build, and the test projects (vitest).
 * unit: plain TypeScript under Node (pure logic, real SQLite, local sockets).
 * e2e: the built renderer in Debian's Chromium through the browser host.
 * escape: the escape catalogue's vectors (Chromium, and Electron's wiring with fakes).
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(
  readFileSync(new URL('./package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};

export default defineConfig({
  root: 'renderer',
  base: '/',
  define: { __BORNE_VERSION__: JSON.stringify(version) },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // No data: URIs: every asset is a file the CSP allows as 'self'.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  test: {
    root: '.',
    reporters: [
      'default',
      './tests/support/escape-reporter.ts',
      './tests/support/summary-reporter.ts',
    ],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: '.',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/escape/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file drives its own Chromium; two at once fill both cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'escape',
          root: '.',
          include: ['tests/escape/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
