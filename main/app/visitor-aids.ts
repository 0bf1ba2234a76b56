/**
 * The visitor aids the services hold: the volunteer call, the on-screen
 * keyboard's link to the official site, the visit's display (the site's zoom
 * follows the text size) and the count of aids used. Everything here is for
 * one visit: the reset forgets it, and ends a call nobody answered.
 */
import type {
  Aid,
  Display,
  EditKey,
  FieldKeyboard,
  KeyboardView,
  LanguageCode,
} from '../contract/ipc-contract.js';
import { NORMAL_DISPLAY } from '../contract/ipc-contract.js';
import { HelpCalls } from '../help/help-calls.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { Wiper } from '../session/visitor-session.js';
import { durationBucket, type UsageLog, usageTime } from '../usage/usage-event.js';

/** The visitor's site page, as the keyboard and the display use it; each host lends one. */
export interface AidSite {
  /** Types text into the focused field (the ID card's "Copier" path: the site's input events fire). */
  typeText(text: string): Promise<boolean>;
  /** Backspace, Enter, or Tab ("Case suivante") as real key presses. */
  pressKey(key: EditKey): Promise<boolean>;
  /** The site's zoom, following the visit's text size. */
  setZoom(factor: number): Promise<void>;
}

type AidHandlers = Pick<
  Handlers,
  | 'help.call'
  | 'help.cancel'
  | 'help.get'
  | 'help.calls'
  | 'session.aid'
  | 'session.display'
  | 'keyboard.get'
  | 'keyboard.type'
  | 'keyboard.key'
>;

export interface VisitorAids extends Wiper {
  handlers: AidHandlers;
  attachSite(site: AidSite): void;
  /** The host saw the focus move on the site (or the field touched again): the field's keyboard, or null. */
  siteFieldFocused(report: { field: FieldKeyboard | null; touch: number }): void;
  /** A volunteer badged in and chose "J'aide cette personne". */
  answerCall(): void;
  /** The visit's text size (1, 1.25, 1.5). */
  textScale(): number;
}

export function createVisitorAids(options: {
  usage: UsageLog;
  language: () => LanguageCode;
  /** Staff only: throws otherwise. */
  requireStaff: () => void;
  /** The visitor did something: the session is prolonged. */
  onActivity: () => void;
  /** The text size changed (the split view widens its panel). */
  onTextScale?: () => void;
  emit: {
    help: (view: ReturnType<HelpCalls['view']>) => void;
    keyboard: (view: KeyboardView) => void;
  };
  now?: () => number;
  log?: (line: string) => void;
}): VisitorAids {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const calls = new HelpCalls();
  const used = new Set<Aid>();
  let site: AidSite | undefined;
  let display: Display = NORMAL_DISPLAY;
  const NO_KEYBOARD: KeyboardView = { siteField: null, touch: 0 };
  let keyboard = NO_KEYBOARD;

  const record = (
    kind: 'help-called' | 'help-answered' | 'help-cancelled' | 'aid-used',
    extra: object = {},
  ) =>
    options.usage.record({
      kind,
      language: options.language(),
      ...extra,
      ...usageTime(new Date(now())),
    });

  const endCall = (outcome: 'answered' | 'cancelled' | 'visit-ended') => {
    const waited = calls.end(outcome, now());
    if (waited === null) return;
    const duration = durationBucket(waited);
    if (outcome === 'answered') record('help-answered', { duration });
    else
      record('help-cancelled', {
        duration,
        outcome: outcome === 'cancelled' ? 'visitor' : 'visit-ended',
      });
    options.emit.help(calls.view());
  };

  const aidUsed = (aid: Aid) => {
    if (used.has(aid)) return;
    used.add(aid);
    record('aid-used', { aid });
  };

  const zoom = () => {
    site
      ?.setZoom(display.textSize)
      .catch((error: unknown) => log(`aids: zoom failed: ${String(error)}`));
  };

  const typed = async (type: (target: AidSite) => Promise<boolean>) => {
    options.onActivity();
    aidUsed('keyboard');
    return { typed: site ? await type(site) : false };
  };

  return {
    name: 'visitor aids',
    handlers: {
      'help.call': () => {
        options.onActivity();
        if (calls.call(now())) {
          record('help-called');
          options.emit.help(calls.view());
        }
        return calls.view();
      },
      'help.cancel': () => {
        endCall('cancelled');
        return calls.view();
      },
      'help.get': () => calls.view(),
      'help.calls': () => {
        options.requireStaff();
        return { calls: calls.history(now()) };
      },
      'session.aid': ({ aid }) => {
        aidUsed(aid);
        return {};
      },
      'session.display': (next) => {
        if (next.textSize > 1) aidUsed('large-text');
        if (next.highContrast) aidUsed('high-contrast');
        const changed = next.textSize !== display.textSize;
        display = { textSize: next.textSize, highContrast: next.highContrast };
        if (changed) zoom();
        return {};
      },
      'keyboard.get': () => keyboard,
      'keyboard.type': ({ text }) => typed((target) => target.typeText(text)),
      'keyboard.key': ({ key }) => typed((target) => target.pressKey(key)),
    },
    attachSite(attached) {
      site = attached;
    },
    siteFieldFocused({ field, touch }) {
      const next: KeyboardView = { siteField: field, touch };
      if (JSON.stringify(next) === JSON.stringify(keyboard)) return;
      keyboard = next;
      options.emit.keyboard(keyboard);
    },
    answerCall: () => endCall('answered'),
    textScale: () => display.textSize,
    wipe() {
      endCall('visit-ended');
      used.clear();
      const zoomed = display.textSize !== 1;
      display = NORMAL_DISPLAY;
      if (zoomed) zoom();
      if (keyboard.siteField) {
        keyboard = NO_KEYBOARD;
        options.emit.keyboard(keyboard);
      }
    },
  };
}
