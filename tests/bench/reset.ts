/**
 * Visitor reset in the browser host: 200 sessions that each load the leak
 * test site, write every kind of storage, then end (the real wipe path: the
 * visitor's Chromium context closed, clipboard and session folder emptied).
 * Times the reset (end → attract) and watches the resident memory of the host
 * and its Chromium together for growth across sessions.
 */
import { launchChromium } from '../support/chromium.js';
import { startLeakSite } from '../support/leak-site.js';
import { startTestHost } from '../support/test-host.js';
import { ChromiumVisitorBrowser } from '../../main/host/visitor-browser.js';
import { treeRssMb } from './process-memory.js';
import { percentile, round } from './stats.js';

const SESSIONS = Number(process.argv[2] ?? 200);
const WARM_UP = 10;

const browser = await launchChromium();
const site = await startLeakSite();
const host = await startTestHost({
  browsing: {
    sites: [
      {
        scheme: 'http',
        host: '127.0.0.1',
        pathPrefix: '/',
        port: Number(new URL(site.origin).port),
      },
    ],
  },
});
const visitor = new ChromiumVisitorBrowser(browser, {
  policy: () => ({ appOrigin: host.url, sites: host.config.config.browsing.sites }),
  folder: host.services.sessionFolder,
});
const { session } = host.services;
session.addWiper(visitor);

const resets: number[] = [];
let rssStartMb = 0;
for (let n = 1; n <= SESSIONS; n += 1) {
  session.dispatch({ type: 'input' });
  const page = await visitor.openSite(`${site.origin}/write`);
  await page.evaluate('writeAll()');
  const started = performance.now();
  session.dispatch({ type: 'end', by: 'visitor' });
  await session.settled;
  if (session.state.kind !== 'attract')
    throw new Error(`session ${n} did not come back to attract`);
  resets.push(performance.now() - started);
  if (n === WARM_UP) {
    global.gc?.();
    rssStartMb = treeRssMb();
  }
  if (n % 50 === 0)
    console.log(
      `${n} sessions: last reset ${round(resets.at(-1) ?? 0)} ms, rss ${round(treeRssMb())} MiB`,
    );
}
global.gc?.();
const rssEndMb = treeRssMb();

await host.close();
await site.close();
await browser.close();

const measured = resets.slice(WARM_UP);
const result = {
  bench: 'reset',
  sessions: SESSIONS,
  p50Ms: round(percentile(measured, 50)),
  p95Ms: round(percentile(measured, 95)),
  rssStartMb: round(rssStartMb),
  rssEndMb: round(rssEndMb),
  growthPct: round(((rssEndMb - rssStartMb) / rssStartMb) * 100),
};
console.log(
  `reset p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms (after ${WARM_UP} warm-up sessions)`,
);
console.log(
  `host + Chromium RSS: ${result.rssStartMb} MiB after session ${WARM_UP} → ${result.rssEndMb} MiB after ${SESSIONS}`,
);
console.log(JSON.stringify(result));
