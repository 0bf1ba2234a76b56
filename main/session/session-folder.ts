/**
 * A per-session folder for what a visitor downloads or prints; the reset
 * deletes it and makes a new, empty one.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Wiper } from './visitor-session.js';

export class SessionFolder implements Wiper {
  readonly name = 'session folder';
  readonly #root: string;
  #current: string;

  constructor(root: string = mkdtempSync(join(tmpdir(), 'borne-visitor-'))) {
    this.#root = root;
    this.#current = this.#fresh();
  }

  get path(): string {
    return this.#current;
  }

  wipe(): void {
    rmSync(this.#root, { recursive: true, force: true });
    this.#current = this.#fresh();
  }

  /** Removes the folder for good (the kiosk is stopping). */
  dispose(): void {
    rmSync(this.#root, { recursive: true, force: true });
  }

  #fresh(): string {
    const dir = join(this.#root, 'current');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }
}

/** A downloaded file's name, with no path and nothing hidden. */
export function safeFileName(suggested: string): string {
  const name = basename(suggested.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return name || 'document';
}

/**
 * Where a file a site gives should land in `dir`: its safe name, or
 * "name (2).ext", "name (3).ext"… when a document of that name is already
 * there (a second attestation never replaces the first).
 */
export function freePath(dir: string, suggested: string): string {
  const name = safeFileName(suggested);
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n += 1) {
    const candidate = join(dir, n === 1 ? name : `${stem} (${n})${extension}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Writes a file a site gave under its free name (freePath), never over
 * another: two files of one name arriving at once both stay. Returns its path.
 */
export async function writeNewFile(
  dir: string,
  suggested: string,
  bytes: Uint8Array,
): Promise<string> {
  for (;;) {
    const target = freePath(dir, suggested);
    try {
      await writeFile(target, bytes, { flag: 'wx' });
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
