import { useEffect } from 'react';
import type { SessionView } from '../../main/contract/ipc-contract';
import type { HostClient } from './host-client';

/** At most one report a second: enough to postpone a 3-minute idle timer. */
const THROTTLE_MS = 1000;

/**
 * Tells the session service that someone is there: every touch, click, key
 * or wheel, caught before the page handles it. Only an active session's
 * reports are throttled: a touch that must change the state (answer the idle
 * warning) is always sent. Not on the attract screen: there the session
 * starts on a completed click (see AttractScreen), never on a pointer-down
 * that would swap the screen under the visitor's finger before the click lands.
 */
export function useActivityReporter(host: HostClient, kind: SessionView['kind'] | undefined): void {
  useEffect(() => {
    if (kind === 'attract' || kind === undefined) return;
    let last = Number.NEGATIVE_INFINITY;
    const report = () => {
      const now = performance.now();
      if (kind === 'active' && now - last < THROTTLE_MS) return;
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
  }, [host, kind]);
}
