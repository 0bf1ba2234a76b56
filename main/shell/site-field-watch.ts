/**
 * Opening the on-screen keyboard when a field of the official site gets the
 * focus, in both hosts. A script in an isolated world (the site's scripts
 * can neither see nor call it) reports the focused element's facts through a
 * DevTools binding that exists in that world only; the main process decides
 * the keyboard (field-keyboard.ts). Both hosts speak the DevTools protocol to
 * the site page: Chromium through Playwright's CDP session, Electron through
 * `webContents.debugger`.
 */
import { z } from 'zod';
import type { FieldKeyboard } from '../contract/ipc-contract.js';
import { keyboardForField } from '../contract/field-keyboard.js';

export const FIELD_WORLD = 'borne-fields';
export const FIELD_BINDING = '__borneField';

/**
 * Runs in every document of the site, in the FIELD_WORLD isolated world.
 * Reports the focused element (inside open shadow roots and same-origin
 * frames) when the focus moves; a window losing the focus keeps its
 * activeElement, so the keyboard stays for the field the visitor touched.
 */
export const FIELD_WATCH_SCRIPT = `(() => {
  if (globalThis.__borneFieldWatch) return;
  globalThis.__borneFieldWatch = true;
  let last = '';
  let touch = 0;
  const focused = () => {
    let el = document.activeElement;
    for (let depth = 0; el && depth < 8; depth += 1) {
      if (el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; continue; }
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
        let inner = null;
        try { inner = el.contentDocument; } catch { inner = null; }
        if (inner && inner.activeElement) { el = inner.activeElement; continue; }
      }
      break;
    }
    return el;
  };
  const report = () => {
    const el = focused();
    const facts = !el || el === document.body || el === document.documentElement ? null : {
      tag: el.tagName,
      type: typeof el.type === 'string' ? el.type : '',
      inputMode: el.getAttribute('inputmode') || '',
      autocomplete: el.getAttribute('autocomplete') || '',
      editable: el.isContentEditable === true,
      disabled: el.disabled === true,
      readOnly: el.readOnly === true,
    };
    const text = JSON.stringify({ facts, touch });
    if (text === last) return;
    last = text;
    globalThis.${FIELD_BINDING}(text);
  };
  document.addEventListener('focusin', report, true);
  document.addEventListener('focusout', () => setTimeout(report, 0), true);
  document.addEventListener('pointerup', (event) => {
    if (event.isTrusted && event.target === focused()) { touch += 1; report(); }
  }, true);
  report();
})();`;

const FieldReport = z.object({
  facts: z
    .object({
      tag: z.string().max(40),
      type: z.string().max(40).optional(),
      inputMode: z.string().max(40).optional(),
      autocomplete: z.string().max(200).optional(),
      editable: z.boolean().optional(),
      disabled: z.boolean().optional(),
      readOnly: z.boolean().optional(),
    })
    .nullable(),
  touch: z.number().int().nonnegative(),
});

export interface FieldReport {
  field: FieldKeyboard | null;
  touch: number;
}

export const NO_FIELD: FieldReport = { field: null, touch: 0 };

/** The keyboard a report asks for; anything malformed closes it. */
export function parseFieldReport(payload: string): FieldReport {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return NO_FIELD;
  }
  const report = FieldReport.safeParse(json);
  if (!report.success) return NO_FIELD;
  const { facts, touch } = report.data;
  return { field: facts ? keyboardForField(facts) : null, touch };
}

/** Sets the site's zoom (CSS zoom on its root; the text size the visitor chose). */
export function zoomScript(factor: number): string {
  const value = factor === 1 ? '' : String(factor);
  return `document.documentElement && document.documentElement.style.setProperty('zoom', ${JSON.stringify(value)}); true`;
}

/** The part of the DevTools protocol the kiosk needs on a site's page, whatever carries it. */
export interface DevtoolsChannel {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  /** Listens to one event of the protocol; returns the function that stops. */
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void;
}

/** Installs the watch on a page and its future documents; returns the function that stops it. */
export async function watchSiteFields(
  channel: DevtoolsChannel,
  onField: (report: FieldReport) => void,
): Promise<() => void> {
  const stop = channel.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name === FIELD_BINDING) onField(parseFieldReport(String(payload)));
  });
  // Scripts for new documents run only with the Page domain on in this session.
  await channel.send('Page.enable');
  await channel.send('Runtime.enable');
  await channel.send('Runtime.addBinding', {
    name: FIELD_BINDING,
    executionContextName: FIELD_WORLD,
  });
  await channel.send('Page.addScriptToEvaluateOnNewDocument', {
    source: FIELD_WATCH_SCRIPT,
    worldName: FIELD_WORLD,
    runImmediately: true,
  });
  return stop;
}

/** Evaluates a script in a fresh isolated world of the page's main frame. */
export async function evaluateIsolated(
  channel: DevtoolsChannel,
  expression: string,
): Promise<void> {
  const tree = (await channel.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string } };
  };
  const world = (await channel.send('Page.createIsolatedWorld', {
    frameId: tree.frameTree.frame.id,
    worldName: `${FIELD_WORLD}-zoom`,
  })) as { executionContextId: number };
  await channel.send('Runtime.evaluate', { expression, contextId: world.executionContextId });
}
