/**
 * Read-aloud for visitors who cannot read the screen: text to a WAV with
 * Debian's espeak-ng, run as a separate process (Chromium's speech API on
 * Linux needs speech-dispatcher and often has no voice). The text goes in on
 * stdin, never on the command line; results are cached, as the same screen
 * texts are read again and again.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { LANGUAGE_CODES, type LanguageCode } from '../contract/ipc-contract.js';

/**
 * espeak-ng voice per kiosk language: the language's own voice, never another
 * one reading it (French reading Arabic says nothing a visitor understands).
 */
export const VOICES: Record<LanguageCode, string> = {
  fr: 'fr',
  en: 'en',
  ar: 'ar',
  es: 'es',
  pt: 'pt',
  ro: 'ro',
  uk: 'uk',
  fa: 'fa',
};
/** Words per minute: slower than espeak's 175 default, for people reading along. */
const RATE = '145';
export const MAX_SPEECH_CHARS = 600;
const CACHE_ENTRIES = 64;
const TIMEOUT_MS = 5000;

export type SpeechResult =
  | { ok: true; wav: Buffer }
  | { ok: false; error: 'unavailable' | 'no-voice' | 'too-long' | 'failed' };

export class SpeechSynthesizer {
  readonly #cache = new Map<string, Buffer>();
  #voices: readonly LanguageCode[] | undefined;

  constructor(private readonly binary = '/usr/bin/espeak-ng') {}

  get available(): boolean {
    return existsSync(this.binary);
  }

  /**
   * The kiosk languages this machine has a voice for, asked of espeak-ng once.
   * The screens offer "Écouter" only for these: a text with no voice stays
   * written, never read in the wrong one.
   */
  voices(): readonly LanguageCode[] {
    this.#voices ??= this.available ? installedLanguages(this.#listVoices()) : [];
    return this.#voices;
  }

  #listVoices(): string {
    try {
      return execFileSync(this.binary, ['--voices'], { encoding: 'utf8', timeout: TIMEOUT_MS });
    } catch {
      return '';
    }
  }

  async synthesize(text: string, language: LanguageCode): Promise<SpeechResult> {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean.length === 0 || clean.length > MAX_SPEECH_CHARS)
      return { ok: false, error: 'too-long' };
    if (!this.available) return { ok: false, error: 'unavailable' };
    if (!this.voices().includes(language)) return { ok: false, error: 'no-voice' };
    const key = `${language}\u0000${clean}`;
    const cached = this.#cache.get(key);
    if (cached) {
      this.#cache.delete(key); // most recently used goes last
      this.#cache.set(key, cached);
      return { ok: true, wav: cached };
    }
    const wav = await this.#run(clean, VOICES[language]);
    if (!wav) return { ok: false, error: 'failed' };
    this.#cache.set(key, wav);
    if (this.#cache.size > CACHE_ENTRIES)
      this.#cache.delete(this.#cache.keys().next().value as string);
    return { ok: true, wav };
  }

  #run(text: string, voice: string): Promise<Buffer | null> {
    return new Promise((resolve) => {
      const child = spawn(this.binary, ['-v', voice, '-s', RATE, '--stdout'], {
        stdio: ['pipe', 'pipe', 'ignore'],
        timeout: TIMEOUT_MS,
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', () => resolve(null));
      child.on('close', (code) => {
        const wav = Buffer.concat(chunks);
        resolve(code === 0 && wav.subarray(0, 4).toString('ascii') === 'RIFF' ? wav : null);
      });
      child.stdin.end(text);
    });
  }
}

/**
 * The kiosk languages whose voice appears in `espeak-ng --voices`: in its
 * "Language" column ("fr-fr") or among its "Other Languages" ("(fr 5)").
 */
export function installedLanguages(listing: string): LanguageCode[] {
  const installed = new Set<string>();
  for (const line of listing.split('\n').slice(1)) {
    const code = line.trim().split(/\s+/)[1];
    if (code) installed.add(code);
    for (const other of line.matchAll(/\(([a-z-]+) \d+\)/g)) installed.add(other[1] ?? '');
  }
  return LANGUAGE_CODES.filter((language) => installed.has(VOICES[language]));
}
