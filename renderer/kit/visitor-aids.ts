import { createContext, useContext } from 'react';
import type { Aid, Display, HelpView, LanguageCode } from '../../main/contract/ipc-contract';
import { NORMAL_DISPLAY } from '../../main/contract/ipc-contract';

/**
 * What every visitor screen offers, for this visit only: the volunteer call,
 * the text size and contrast, the glossary, and read-aloud where the
 * language has a voice. The visitor session provides it; a new visit starts
 * from NORMAL_DISPLAY and no call.
 */
export interface VisitorAidsValue {
  display: Display;
  setDisplay: (display: Display) => void;
  help: HelpView;
  callHelp: () => void;
  cancelHelp: () => void;
  openGlossary: () => void;
  /** Languages with a voice on this kiosk: "Écouter" is offered in these only. */
  voices: readonly LanguageCode[];
  reportAid: (aid: Aid) => void;
}

export const VisitorAidsContext = createContext<VisitorAidsValue>({
  display: NORMAL_DISPLAY,
  setDisplay: () => {},
  help: { state: 'none' },
  callHelp: () => {},
  cancelHelp: () => {},
  openGlossary: () => {},
  voices: [],
  reportAid: () => {},
});

export const useVisitorAids = (): VisitorAidsValue => useContext(VisitorAidsContext);

/** Applies a display to the whole page (the root's text scale and contrast). */
export function applyDisplay(display: Display, root: HTMLElement = document.documentElement): void {
  root.style.setProperty('--text-scale', String(display.textSize));
  if (display.highContrast) root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
}
