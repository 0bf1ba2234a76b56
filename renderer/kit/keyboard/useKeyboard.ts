import { useCallback, useEffect, useState } from 'react';
import type { EditKey, KeyboardView } from '../../../main/contract/ipc-contract';
import { keyboardForField } from '../../../main/contract/field-keyboard';
import type { HostClient } from '../host-client';
import { useHostView } from '../useHostView';
import type { KeyboardTarget } from './OnScreenKeyboard';

const NO_FIELD: KeyboardView = { siteField: null, touch: 0 };

export interface KeyboardControl {
  /** The keyboard to show, or null. */
  open: KeyboardTarget | null;
  onText: (text: string) => void;
  onKey: (key: EditKey) => void;
  onHide: () => void;
}

/**
 * Opens the on-screen keyboard when a field takes the focus: one of the
 * kiosk's own (seen here) or the official site's (seen by the host, which
 * types into it). Closing it lasts until the visitor touches a field again.
 */
export function useKeyboard(host: HostClient, siteShown: boolean): KeyboardControl {
  const site = useHostView(host, 'keyboard.get', 'keyboard.changed', NO_FIELD);
  const [kioskField, setKioskField] = useState<KeyboardTarget | null>(null);
  const [closedAt, setClosedAt] = useState<KeyboardView | null>(null);

  // The kiosk's own fields (a search box): the same decision as the site's.
  useEffect(() => {
    const look = () => {
      const element = document.activeElement;
      const field =
        element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
          ? keyboardForField({
              tag: element.tagName,
              type: element instanceof HTMLInputElement ? element.type : 'text',
              inputMode: element.inputMode,
              autocomplete: element.getAttribute('autocomplete') ?? '',
              disabled: element.disabled,
              readOnly: element.readOnly,
            })
          : null;
      setKioskField(field ? { ...field, target: 'kiosk' } : null);
    };
    const onFocusOut = () => setTimeout(look, 0);
    document.addEventListener('focusin', look);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('focusin', look);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);

  const siteOpen = siteShown && site.siteField !== null && closedAt !== site;
  const open: KeyboardTarget | null = kioskField
    ? kioskField
    : siteOpen && site.siteField
      ? { ...site.siteField, target: 'site' }
      : null;

  const onText = useCallback(
    (text: string) => {
      if (open?.target === 'site') {
        void host.call('keyboard.type', { text }).catch(() => undefined);
      } else {
        typeInKiosk(text);
        void host.call('session.aid', { aid: 'keyboard' }).catch(() => undefined);
      }
    },
    [host, open?.target],
  );
  const onKey = useCallback(
    (key: EditKey) => {
      if (open?.target === 'site') void host.call('keyboard.key', { key }).catch(() => undefined);
      else pressInKiosk(key);
    },
    [host, open?.target],
  );
  const onHide = useCallback(() => {
    if (kioskField) (document.activeElement as HTMLElement | null)?.blur();
    else setClosedAt(site);
  }, [kioskField, site]);
  return { open, onText, onKey, onHide };
}

/** Types into the kiosk's focused field as typing would (React sees the input event). */
function typeInKiosk(text: string): void {
  document.execCommand('insertText', false, text);
}

function pressInKiosk(key: EditKey): void {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement)) return;
  if (key === 'Backspace') {
    document.execCommand('delete');
  } else if (key === 'Enter') {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    if (element instanceof HTMLInputElement) element.form?.requestSubmit();
  } else {
    const focusable = [
      ...document.querySelectorAll<HTMLElement>('input, textarea, button, [tabindex="0"]'),
    ].filter((candidate) => !candidate.closest('[data-testid="on-screen-keyboard"]'));
    const next = focusable[focusable.indexOf(element) + 1];
    next?.focus();
  }
}
