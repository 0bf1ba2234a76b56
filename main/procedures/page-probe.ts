/**
 * What the guide asks of the visitor's page, run by both hosts in an isolated
 * world (the DOM is shared, the site's scripts and globals are not, and the
 * site cannot see or fake it): the URL, the title, and which of the
 * procedure's selectors match a visible element.
 */
import { z } from 'zod';
import type { PageObservation } from './step-matcher.js';

/** Name of the isolated world the probe runs in (Chromium) — never the page's main world. */
export const PROBE_WORLD = 'borne-guide';

/** Electron names isolated worlds by number; any number but 0 (the page's own world). */
export const PROBE_WORLD_ID = 1701;

/** An expression evaluating to the page's observation. */
export function pageProbeScript(selectors: readonly string[]): string {
  return `(() => {
  const found = [];
  for (const selector of ${JSON.stringify(selectors)}) {
    let element = null;
    try { element = document.querySelector(selector); } catch { element = null; }
    if (element && element.getClientRects().length > 0) found.push(selector);
  }
  return { url: location.href, title: document.title, elements: found };
})()`;
}

const Probe = z.object({
  url: z.string().max(4096),
  title: z.string().max(1000),
  elements: z.array(z.string().max(300)).max(400),
});

/** The probe's answer, or null when the page gave something else (it navigated away mid-probe). */
export function parseProbe(value: unknown): PageObservation | null {
  const parsed = Probe.safeParse(value);
  return parsed.success ? parsed.data : null;
}
