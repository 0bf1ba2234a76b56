import { describe, expect, it } from 'vitest';
import { installedLanguages, SpeechSynthesizer } from '../../../main/speech/speech-synthesizer.js';

const LISTING = `Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  ar              --/M      Arabic             sem/ar
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)
 5  uk              --/M      Ukrainian          zle/uk
`;

describe('voices for read-aloud', () => {
  it('finds the kiosk languages espeak-ng has a voice for, by their code or another language', () => {
    expect(installedLanguages(LISTING)).toEqual(['fr', 'en', 'ar', 'uk']);
    expect(installedLanguages('')).toEqual([]);
  });

  it('has all eight visitor languages on this machine, each read with its own voice', async () => {
    const speech = new SpeechSynthesizer();
    expect(speech.voices()).toEqual(['fr', 'en', 'ar', 'es', 'pt', 'ro', 'uk', 'fa']);
    for (const [language, text] of [
      ['es', '¿Sigue usted ahí?'],
      ['pt', 'Ainda está aí?'],
      ['ro', 'Mai sunteți aici?'],
      ['uk', 'Ви ще тут?'],
      ['fa', 'هنوز اینجا هستید؟'],
    ] as const) {
      const result = await speech.synthesize(text, language);
      expect(result.ok, language).toBe(true);
    }
  });

  it('refuses a language with no voice rather than reading it with another one', async () => {
    const speech = new SpeechSynthesizer();
    // A machine whose espeak-ng lists only French.
    Object.defineProperty(speech, 'voices', { value: () => ['fr'] });
    await expect(speech.synthesize('هل ما زلت هنا؟', 'ar')).resolves.toEqual({
      ok: false,
      error: 'no-voice',
    });
  });
});
