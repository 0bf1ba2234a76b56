/**
 * Which key presses reach web content. An allowlist: typing, editing and
 * moving around forms pass; every shortcut that opens, closes, switches,
 * reloads, prints, saves, shows source or devtools, zooms, or navigates
 * history is blocked, including ones this list never heard of.
 * The input mirrors Electron's before-input-event `Input`.
 */
export interface KeyInput {
  type: 'keyDown' | 'keyUp' | 'rawKeyDown' | 'char';
  key: string;
  code: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export type KeyDecision = { action: 'allow' } | { action: 'block'; reason: string };

const EDITING_WITH_CTRL = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
/** With Shift too: redo and paste as plain text only (Ctrl+Shift+C/I/J open devtools). */
const EDITING_WITH_CTRL_SHIFT = new Set(['z', 'v']);
/** Moving and selecting by word. */
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
/** Deleting by word; Ctrl+Shift+Delete would open "clear browsing data". */
const DELETE_KEYS = new Set(['Backspace', 'Delete']);
const BROWSER_KEYS =
  /^(Browser|Launch|Media|Audio|Help|ContextMenu|PrintScreen|Pause|Power|Sleep|WakeUp|Props|Open|Find|Select)/;

export function decideKey(input: KeyInput): KeyDecision {
  if (/^F\d{1,2}$/.test(input.key) || /^F\d{1,2}$/.test(input.code)) {
    return block('function keys reload, print, open devtools or leave fullscreen');
  }
  if (BROWSER_KEYS.test(input.key) || BROWSER_KEYS.test(input.code))
    return block('browser and system keys');
  if (input.meta) return block('Super/Cmd shortcuts');
  // Ctrl+Alt+character is AltGr on some layouts (AZERTY @ # { [ |): typing, not a shortcut.
  if (input.control && input.alt) {
    return isAltGrCharacter(input.key) ? allow() : block('Ctrl+Alt shortcuts');
  }
  if (input.alt) return block('Alt shortcuts (close window, history, menus)');
  if (input.control) {
    const key = input.key.toLowerCase();
    if (CARET_KEYS.has(input.key)) return allow();
    if (input.shift)
      return EDITING_WITH_CTRL_SHIFT.has(key) ? allow() : block('Ctrl+Shift shortcuts');
    if (EDITING_WITH_CTRL.has(key) || DELETE_KEYS.has(input.key)) return allow();
    return block('Ctrl shortcuts other than editing');
  }
  return allow();
}

/** AltGr gives symbols and accented letters, never a plain ASCII letter or digit (Ctrl+Alt+T is a shortcut). */
function isAltGrCharacter(key: string): boolean {
  return [...key].length === 1 && !/^[a-z0-9]$/i.test(key);
}

const allow = (): KeyDecision => ({ action: 'allow' });
const block = (reason: string): KeyDecision => ({ action: 'block', reason });
