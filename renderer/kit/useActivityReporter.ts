import { useEffect } from 'react';
import type { HostClient } from './host-client';

/** At most one report a second: enough to postpone a 3-minute idle timer. */
const THROTTLE_MS = 1000;

/**
 * Tells the session service that someone is there: every touch, click, key
 * or wheel, caught before the page handles it. The first one on the attract
 * screen starts the visitor's session.
 */
export function useActivityReporter(host: HostClient): void {
  useEffect(() => {
    let last = Number.NEGATIVE_INFINITY;
    const report = () => {
      const now = performance.now();
      if (now - last < THROTTLE_MS) return;
      last = now;
      host.call('session.activity', {}).catch(() => {
        last = Number.NEGATIVE_INFINITY; // not delivered: the next input tries again
      });
    };
    const kinds = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const kind of kinds)
      window.addEventListener(kind, report, { capture: true, passive: true });
    return () => {
      for (const kind of kinds) window.removeEventListener(kind, report, { capture: true });
    };
  }, [host]);
}
