/**
 * The usage log under fault (tests/main/usage/usage-faults.test.ts): writes
 * visits through the real writer as fast as it can, saying after each batch
 * how many events are written ("written N"), until it is killed; or, on a
 * database it may not write, records events, flushes and says how the
 * writer fared ("health {...}").
 */
import { join } from 'node:path';
import { UsageStore } from '../../main/usage/usage-store.js';
import { UsageWriter } from '../../main/usage/usage-writer.js';
import { visitRecords } from './usage-visits.js';

const args = JSON.parse(process.argv[2] ?? '{}') as {
  dataDir: string;
  mode: 'heavy' | 'write-once';
  batchSize: number;
};
const writer = new UsageWriter({
  open: () => new UsageStore(join(args.dataDir, 'usage.sqlite')),
  // As in production: a fault never throws at the kiosk.
  strict: false,
  today: () => '2026-12-02',
  batchSize: args.batchSize,
});

if (args.mode === 'heavy') {
  let written = writer.store().eventCount();
  process.stdout.write(`ready ${written}\n`);
  for (;;) {
    const batch = [];
    while (batch.length < args.batchSize) {
      batch.push(...visitRecords({ day: '2026-12-02', hour: 10, aids: ['keyboard'] }));
    }
    for (const record of batch.slice(0, args.batchSize)) writer.record(record);
    writer.flush();
    written += args.batchSize;
    process.stdout.write(`written ${written}\n`);
  }
} else {
  let threw = false;
  for (const record of visitRecords({ day: '2026-12-02', hour: 10, aids: ['glossary'] })) {
    try {
      writer.record(record);
    } catch {
      threw = true;
    }
  }
  writer.flush();
  process.stdout.write(`health ${JSON.stringify({ ...writer.health(), threw })}\n`);
}
