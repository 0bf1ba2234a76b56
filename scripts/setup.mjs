// Makes this machine ready for `npm start` or `npm test`, using only Node's
// own modules (it runs before dependencies exist):
//   1. Debian packages (chromium, libusb-1.0-0, espeak-ng), installed with apt-get when root;
//   2. npm dependencies, installed with `npm ci` when missing or out of date;
//   3. native modules (better-sqlite3, node-hid, serialport) checked to really load.
// Usage: node scripts/setup.mjs start|test
import { spawnSync } from 'node:child_process';

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { electronBinary, LOCK_STAMP, lockHash } from './setup-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const mode = process.argv[2] === 'test' ? 'test' : 'start';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function isDebian() {
  return existsSync('/usr/bin/dpkg-query') && existsSync('/usr/bin/apt-get');
}

function missingDebianPackages(names) {
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !result.stdout?.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  // Tests drive Debian's Chromium; start needs it only where Electron is absent.
  // espeak-ng reads the screens aloud; libusb-1.0-0 is node-hid's; python3
  // opens the pseudo-terminals that stand in for serial printers in tests;
  // openssl makes the test certificate of the stand-ins for official sites.
  // cups-client and cups-ipp-utils print A4 documents and read the office
  // printer's state; sane-utils scans (sane-airscan adds network scanners);
  // poppler-utils draws the documents' thumbnails; tesseract-ocr with its
  // orientation data (tesseract-ocr-osd) turns scanned pages upright.
  const wanted = [
    ...['libusb-1.0-0', 'espeak-ng', 'cups-client', 'cups-ipp-utils', 'sane-utils'],
    ...['poppler-utils', 'tesseract-ocr', 'tesseract-ocr-osd'],
  ];
  if (mode === 'test' || !electronBinary(root)) wanted.push('chromium');
  // postgresql: the fleet server's storage suite runs on a throw-away cluster too;
  // cups and dbus-daemon: the A4 printing tests start their own scheduler and IPP printer;
  // fonts-dejavu-core: the letters the orientation tests scan are drawn in DejaVu Sans.
  if (mode === 'test')
    wanted.push('python3', 'openssl', 'postgresql', 'cups', 'dbus-daemon', 'fonts-dejavu-core');
  if (!isDebian()) {
    console.log(`setup: not a Debian system; make sure these are installed: ${wanted.join(', ')}`);
    return true;
  }
  const missing = missingDebianPackages(wanted);
  if (missing.length === 0) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `setup: Borne needs these Debian packages: ${missing.join(' ')}\n` +
        `       install them as root: sudo apt-get install -y ${missing.join(' ')}`,
    );
    return mode === 'start'; // start can still serve the UI headless; tests cannot run
  }
  console.log(`setup: installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['update'], { env }) &&
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env })
  );
}

function ensureNpmDependencies() {
  const stamp = `${root}node_modules/${LOCK_STAMP}`;
  const current = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  if (current === lockHash(root)) return true;
  console.log('setup: installing npm dependencies (npm ci)');
  return run('npm', ['ci']);
}

function nativeModulesLoad() {
  const probe =
    "const D=require('better-sqlite3');const d=new D(':memory:');d.prepare('select 1').get();d.close();" +
    "require('node-hid').devices();" +
    "require('@serialport/bindings-cpp').autoDetect();";
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'pipe' }).status === 0;
}

function ensureNativeModules() {
  if (nativeModulesLoad()) return true;
  console.log('setup: native modules do not load; rebuilding them for Node');
  run('npm', ['rebuild', 'better-sqlite3', 'node-hid', '@serialport/bindings-cpp']);
  if (nativeModulesLoad()) return true;
  console.error(
    'setup: better-sqlite3, node-hid or serialport still does not load (is libusb-1.0-0 installed?)',
  );
  return false;
}

const ok = ensureDebianPackages() && ensureNpmDependencies() && ensureNativeModules();
if (!ok) process.exit(1);
