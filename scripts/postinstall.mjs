// Runs after `npm ci` / `npm install` in Borne's folder.
// 1. Electron's own download script is switched off (package.json allowScripts),
//    because where its binary cannot be downloaded it would fail the whole install.
//    Here the download is tried, bounded in time, and a failure only means that
//    `npm start` will use the browser host. ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips it.
// 2. A stamp records which lock file node_modules matches (scripts/setup.mjs reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { electronBinary, LOCK_STAMP, lockHash } from './setup-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DOWNLOAD_LIMIT_MS = 5 * 60 * 1000;

function fetchElectron() {
  if (electronBinary(root)) return;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log(
      'postinstall: Electron binary skipped (ELECTRON_SKIP_BINARY_DOWNLOAD); npm start will use the browser host',
    );
    return;
  }
  const installer = `${root}node_modules/electron/install.js`;
  if (!existsSync(installer)) return;
  const result = spawnSync(process.execPath, [installer], {
    cwd: `${root}node_modules/electron`,
    stdio: 'pipe',
    timeout: DOWNLOAD_LIMIT_MS,
  });
  if (result.status === 0 && electronBinary(root)) {
    console.log('postinstall: Electron binary installed');
  } else {
    console.log(
      'postinstall: the Electron binary could not be downloaded; npm start will use the browser host',
    );
  }
}

fetchElectron();
if (existsSync(`${root}node_modules`))
  writeFileSync(`${root}node_modules/${LOCK_STAMP}`, `${lockHash(root)}\n`);
