import { describe, expect, it } from 'vitest';
import { MAX_SPEECH_CHARS, SpeechSynthesizer } from '../../../main/speech/speech-synthesizer.js';

/** Seconds of audio in a WAV file (espeak-ng writes 16-bit mono PCM). */
function wavSeconds(wav: Buffer): number {
  const byteRate = wav.readUInt32LE(28);
  return (wav.length - 44) / byteRate;
}

describe('read-aloud with espeak-ng', () => {
  const speech = new SpeechSynthesizer();

  it.each([
    ['fr', 'Êtes-vous toujours là ? Sans réponse, tout sera effacé.'],
    ['en', 'Are you still there?'],
    ['ar', 'هل ما زلت هنا؟'],
  ] as const)('reads %s text into a WAV of plausible length', async (language, text) => {
    const result = await speech.synthesize(text, language);
    if (!result.ok) throw new Error(`speech failed: ${result.error}`);
    expect(result.wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(result.wav.subarray(8, 12).toString('ascii')).toBe('WAVE');
    expect(wavSeconds(result.wav)).toBeGreaterThan(0.5);
    expect(wavSeconds(result.wav)).toBeLessThan(10);
  });

  it('answers the same text from its cache', async () => {
    const first = await speech.synthesize('Continuer', 'fr');
    const second = await speech.synthesize('  Continuer ', 'fr');
    expect(first.ok && second.ok && first.wav === second.wav).toBe(true);
  });

  it('refuses empty or overlong text, and says when espeak-ng is missing', async () => {
    expect(await speech.synthesize('   ', 'fr')).toEqual({ ok: false, error: 'too-long' });
    expect(await speech.synthesize('a'.repeat(MAX_SPEECH_CHARS + 1), 'fr')).toEqual({
      ok: false,
      error: 'too-long',
    });
    expect(
      await new SpeechSynthesizer('/nonexistent/espeak-ng').synthesize('Bonjour', 'fr'),
    ).toEqual({
      ok: false,
      error: 'unavailable',
    });
  });

  it('takes text that looks like options as text (stdin, not argv)', async () => {
    const result = await speech.synthesize('--help -w /tmp/x.wav', 'en');
    expect(result.ok).toBe(true);
  });
});
