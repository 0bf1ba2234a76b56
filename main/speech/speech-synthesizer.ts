/**
 * Read-aloud for visitors who cannot read the screen: text to a WAV with
 * Debian's espeak-ng, run as a separate process (Chromium's speech API on
 * Linux needs speech-dispatcher and often has no voice). The text goes in on
 * stdin, never on the command line; results are cached, as the same screen
 * texts are read again and again.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { LanguageCode } from '../contract/ipc-contract.js';

/** espeak-ng voice per kiosk language. */
const VOICES: Record<LanguageCode, string> = { fr: 'fr', en: 'en', ar: 'ar' };
/** Words per minute: slower than espeak's 175 default, for people reading along. */
const RATE = '145';
export const MAX_SPEECH_CHARS = 600;
const CACHE_ENTRIES = 64;
const TIMEOUT_MS = 5000;

export type SpeechResult =
  { ok: true; wav: Buffer } | { ok: false; error: 'unavailable' | 'too-long' | 'failed' };

export class SpeechSynthesizer {
  readonly #cache = new Map<string, Buffer>();

  constructor(private readonly binary = '/usr/bin/espeak-ng') {}

  get available(): boolean {
    return existsSync(this.binary);
  }

  async synthesize(text: string, language: LanguageCode): Promise<SpeechResult> {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean.length === 0 || clean.length > MAX_SPEECH_CHARS)
      return { ok: false, error: 'too-long' };
    if (!this.available) return { ok: false, error: 'unavailable' };
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
