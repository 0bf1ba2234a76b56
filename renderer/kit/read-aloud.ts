import { SPEECH_PATH } from '../../main/contract/channels';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { readHostToken } from './host-token';

let playing: HTMLAudioElement | null = null;

/** Reads a text aloud in the given language (espeak-ng on the host); stops what was playing. */
export function readAloud(text: string, language: LanguageCode, doc: Document = document): void {
  stopReading();
  const url = new URL(SPEECH_PATH, doc.location.href);
  url.searchParams.set('lang', language);
  url.searchParams.set('text', text);
  url.searchParams.set('token', readHostToken(doc));
  playing = new Audio(url.href);
  playing.play().catch(() => {
    // No voice or no sound card: the text stays on screen, nothing else to do.
  });
}

export function stopReading(): void {
  playing?.pause();
  playing = null;
}
