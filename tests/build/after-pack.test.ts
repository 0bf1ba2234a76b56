import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const afterPack = require('../../build/after-pack.cjs') as (context: unknown) => Promise<void>;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse states as Electron stores them: the ASCII digits. */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) };

/**
 * A stand-in for the packaged binary: Electron keeps its fuses as ASCII
 * '0'/'1' bytes right after a sentinel, a version byte and a length byte.
 * Here every fuse starts in the state Electron ships them in (all open).
 */
function fakeElectron(dir: string): string {
  const wire = Buffer.from('10111100', 'ascii');
  const binary = Buffer.concat([
    Buffer.from('\x7fELF…machine code…'),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, wire.length]),
    wire,
    Buffer.from('…more machine code'),
  ]);
  const path = join(dir, 'borne');
  writeFileSync(path, binary);
  return path;
}

describe('electron-builder afterPack hook (Electron fuses)', () => {
  it('flips every fuse of the packaged binary to the kiosk setting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-pack-'));
    const binary = fakeElectron(dir);
    await afterPack({ appOutDir: dir, packager: { executableName: 'borne' } });
    const fuses = await getCurrentFuseWire(binary);
    expect({
      runAsNode: fuses[FuseV1Options.RunAsNode],
      cookieEncryption: fuses[FuseV1Options.EnableCookieEncryption],
      nodeOptions: fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      nodeCliInspect: fuses[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: fuses[FuseV1Options.OnlyLoadAppFromAsar],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      cookieEncryption: FuseState.ENABLE,
      nodeOptions: FuseState.DISABLE,
      nodeCliInspect: FuseState.DISABLE,
      asarIntegrity: FuseState.ENABLE,
      onlyLoadAppFromAsar: FuseState.ENABLE,
    });
  });

  it('refuses a binary with no fuse wire rather than shipping it unprotected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-pack-'));
    writeFileSync(join(dir, 'borne'), 'not electron');
    await expect(
      afterPack({ appOutDir: dir, packager: { executableName: 'borne' } }),
    ).rejects.toThrow(/Could not find sentinel/);
  });
});
