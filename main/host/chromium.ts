import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Debian's Chromium, or the one named by $BORNE_CHROMIUM. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BORNE_CHROMIUM) return existsSync(env.BORNE_CHROMIUM) ? env.BORNE_CHROMIUM : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Flags that keep Chromium quiet and self-contained: no phoning home, no
 * first-run or translate prompts, no sync. On a closed network the background
 * connections would otherwise fail by the dozen at every start.
 */
export function quietChromiumFlags(isRoot: boolean): string[] {
  return [
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-quic',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--password-store=basic',
    // Chromium refuses to run as root with its sandbox; dev machines and CI run as root.
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
