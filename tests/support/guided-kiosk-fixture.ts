/**
 * E2E fixture for the visitor aids and screen walks: the procedure sites'
 * stand-ins for the test file, and per test a kiosk page whose visitor
 * browsing (with the keyboard's field watch) is lent to the services.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type Guided, lendVisitorBrowsing } from './guided-kiosk.js';
import { useKioskPages } from './kiosk-pages.js';
import { type ProcedureSites, startProcedureSites } from './procedure-sites.js';

export function useGuidedKiosk() {
  let sites: ProcedureSites | undefined;
  let guided: Guided | undefined;
  beforeAll(async () => {
    sites = await startProcedureSites();
  });
  afterAll(async () => {
    await sites?.close();
  });
  // Chromium is launched after the sites: it maps their hosts and trusts their key.
  const kiosk = useKioskPages({ chromiumArgs: () => sites?.chromiumArgs ?? [] });
  // Runs before the kiosk's own clean-up (hooks after a test run last-declared first).
  afterEach(async () => {
    await guided?.visitor.wipe().catch(() => undefined);
    await guided?.visitor.dispose();
    guided = undefined;
  });
  return {
    kiosk,
    async open(config: Record<string, unknown> = {}): Promise<Guided> {
      const opened = await kiosk.open(config);
      const host = kiosk.state.host;
      if (!host) throw new Error('no host');
      guided = lendVisitorBrowsing(opened, host, kiosk.browser(), { keyboard: true });
      return guided;
    },
  };
}
