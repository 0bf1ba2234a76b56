/**
 * The wedge decoder on the page: every key press is seen first (capture
 * phase). Character keys aimed at a text field are held back while they may
 * belong to a scan; a scan goes to `onScan` and never reaches the field, a
 * person's keys are typed into it a few milliseconds late (insertText keeps
 * the field's own input events and undo). Keys aimed at buttons and links are
 * never held: their default action is theirs.
 */
import {
  DEFAULT_WEDGE_OPTIONS,
  WedgeDecoder,
  type WedgeKey,
  type WedgeOptions,
  type WedgeOutput,
} from './wedge-decoder.js';

export interface WedgeGuardOptions extends Partial<WedgeOptions> {
  onScan: (text: string) => void;
}

function isTextField(element: Element | null): boolean {
  if (!element || element === document.body) return true;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) {
    return ['text', 'search', 'email', 'tel', 'url', 'number', 'password', ''].includes(
      element.type,
    );
  }
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Installs the guard on `target` (the window); returns how to remove it. */
export function installWedgeGuard(target: Window, options: WedgeGuardOptions): () => void {
  const decoder = new WedgeDecoder({ ...DEFAULT_WEDGE_OPTIONS, ...options });
  /** What each held key would have typed with the kiosk's own layout. */
  const typed = new Map<WedgeKey, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Whether keys form a burst is judged on their own timestamps; this is only how
  // long to wait, in wall-clock time, for a next key before typing the held ones.
  // A busy machine must not cut a burst: with both cores loaded, Chromium has held
  // a reader's next key for more than 90 ms (an ID card then read as two halves).
  // A person sees their last key at most this late (earlier keys go as the next one comes).
  const releaseAfterMs = Math.max(5 * (options.maxGapMs ?? DEFAULT_WEDGE_OPTIONS.maxGapMs), 200);

  const apply = (outputs: WedgeOutput[], passing?: WedgeKey) => {
    for (const output of outputs) {
      if (output.type === 'scan') {
        options.onScan(output.text);
        continue;
      }
      // The key being pressed now goes its own way (its default action runs).
      const text = output.keys
        .filter((key) => key !== passing)
        .map((key) => typed.get(key) ?? '')
        .join('');
      for (const key of output.keys) typed.delete(key);
      if (text && isTextField(target.document.activeElement)) {
        target.document.execCommand('insertText', false, text);
      }
    }
  };

  // Keys carry the time they were pressed (the kernel's), but reach the page
  // late when it is busy: the wait for a next key starts when a key is
  // handled, so a burst queued behind a slow frame is not cut in pieces.
  const arm = () => {
    clearTimeout(timer);
    const deadline = decoder.deadline();
    if (deadline === null) return;
    timer = setTimeout(() => apply(decoder.tick(deadline + 1)), releaseAfterMs);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) {
      apply(decoder.tick(Number.POSITIVE_INFINITY));
      return;
    }
    const key: WedgeKey = {
      code: event.code,
      shift: event.shiftKey,
      time: event.timeStamp,
      repeat: event.repeat,
    };
    const holdable =
      decoder.holds(key) && !event.repeat && isTextField(target.document.activeElement);
    if (holdable) typed.set(key, event.key.length === 1 ? event.key : '');
    const outputs = decoder.key(key);
    const scanned = outputs.some((output) => output.type === 'scan');
    const released = outputs.some(
      (output) => output.type === 'typing' && output.keys.includes(key),
    );
    if (scanned || (holdable && !released)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    apply(outputs, released ? key : undefined);
    arm();
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    clearTimeout(timer);
    target.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}
