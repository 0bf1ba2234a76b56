/**
 * The usage log under faults, with a real child process: killed with SIGKILL
 * while it writes as fast as it can (100 runs on the same file), and given a
 * database it may not write.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageStore } from '../../../main/usage/usage-store.js';
import { bundleChild, runChild } from '../../support/fault-child.js';
import { visitRecords } from '../../support/usage-visits.js';

const RUNS = 100;
const BATCH = 200;

let bundle: string;
let dir: string;

beforeAll(async () => {
  bundle = await bundleChild('usage-fault-child');
  dir = mkdtempSync(join(tmpdir(), 'borne-usage-faults-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('usage log under faults', () => {
  it(`opens intact after ${RUNS} kills -9 during heavy writing, losing at most the batch in flight`, async () => {
    const dataDir = join(dir, 'kills');
    mkdirSync(dataDir);
    let seed = 20_261_203;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const outcomes = { killedWriting: 0, lostBatches: 0, events: 0 };
    for (let run = 0; run < RUNS; run += 1) {
      let acknowledged = -1;
      const afterLines = Math.floor(random() * 4);
      const delayMs = Math.floor(random() * 6);
      let lines = 0;
      const result = await runChild(
        bundle,
        { dataDir, mode: 'heavy', batchSize: BATCH },
        (line, kill) => {
          const [word, count] = line.split(' ');
          if (word === 'ready' || word === 'written') acknowledged = Number(count);
          if (lines++ === afterLines) setTimeout(kill, delayMs);
        },
      );
      expect(result.signal, result.output).toBe('SIGKILL');
      const db = new Database(join(dataDir, 'usage.sqlite'));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      db.close();
      // Everything said written is there; the batch in flight is all there or not at all.
      expect(stored === acknowledged || stored === acknowledged + BATCH).toBe(true);
      if (stored === acknowledged) outcomes.lostBatches += 1;
      outcomes.killedWriting += 1;
      outcomes.events = stored;
    }
    console.log(
      `usage kills: ${outcomes.killedWriting} runs, ${outcomes.events} events stored, ` +
        `${outcomes.lostBatches} runs lost the batch in flight (never more)`,
    );
    expect(outcomes.events).toBeGreaterThan(RUNS * BATCH);
  }, 120_000);

  it('keeps serving on a database it may not write: nothing thrown, events dropped and counted, the file untouched', async () => {
    const dataDir = join(dir, 'read-only');
    mkdirSync(dataDir);
    const seeded = new UsageStore(join(dataDir, 'usage.sqlite'));
    seeded.insert(visitRecords({ day: '2026-12-01', hour: 9 }));
    seeded.checkpoint();
    seeded.close();
    // Root writes anywhere: its child runs without the capabilities that override file
    // permissions (setpriv, util-linux), so that it meets them as the kiosk's own user would,
    // wherever the project is checked out.
    const asRoot = process.getuid?.() === 0;
    chmodSync(dataDir, 0o555);
    chmodSync(join(dataDir, 'usage.sqlite'), 0o444);
    let health: { state: string; dropped: number; threw: boolean } | undefined;
    const result = await runChild(
      bundle,
      { dataDir, mode: 'write-once', batchSize: 10 },
      (line) => {
        if (line.startsWith('health ')) health = JSON.parse(line.slice(7)) as typeof health;
      },
      asRoot
        ? {
            under: [
              'setpriv',
              '--inh-caps=-dac_override,-dac_read_search,-fowner',
              '--bounding-set=-dac_override,-dac_read_search,-fowner',
              '--',
            ],
          }
        : {},
    );
    chmodSync(dataDir, 0o755);
    expect(health, result.output).toEqual({
      state: 'read-only',
      dropped: 3,
      queued: 0,
      message: expect.any(String),
      threw: false,
    });
    const after = new UsageStore(join(dataDir, 'usage.sqlite'));
    expect(after.eventCount()).toBe(2);
    after.close();
  });
});
