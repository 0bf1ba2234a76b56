/**
 * Fault scenarios against the virtual printer on 127.0.0.1, with the queue's
 * real SQLite file: paper out or cover open before a job, printer off, cable
 * pulled mid-job, paper running out during a job, a crash with jobs in
 * flight. After each, every job is done, failed or unknown, and a PIN is
 * never printed twice by itself.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintJobStore } from '../../../native/printer/print-job-store.js';
import { PrintQueue, type PrintRequest } from '../../../native/printer/print-queue.js';
import { transportFor } from '../../../native/printer/printer-transport.js';
import {
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../native/printer/virtual-printer.js';

const PIN = '4821037599162043';
const voucher: PrintRequest = {
  kind: 'voucher',
  containsPin: true,
  bytes: Buffer.concat([
    Buffer.from([0x1b, 0x40]),
    Buffer.from(`PIN ${PIN}\n`),
    Buffer.alloc(4000, 0x2d),
    Buffer.from([0x1d, 0x56, 1]),
  ]),
};
const receipt: PrintRequest = {
  kind: 'sale',
  containsPin: false,
  bytes: Buffer.concat([
    Buffer.from([0x1b, 0x40]),
    Buffer.from('Reçu R-1\n', 'latin1'),
    Buffer.alloc(4000, 0x2e),
    Buffer.from([0x1d, 0x56, 1]),
  ]),
};

let dir: string;
let printer: VirtualPrinter;
let store: PrintJobStore;

function queueFor(
  port: number,
  onChange?: ConstructorParameters<typeof PrintQueue>[0]['onChange'],
) {
  return new PrintQueue({
    printerId: 'desk',
    transport: transportFor({ kind: 'tcp', host: '127.0.0.1', port }),
    store,
    retry: { attempts: 3, delaysMs: [20] },
    onChange,
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'borne-queue-'));
  store = new PrintJobStore(join(dir, 'print-jobs.sqlite'));
  printer = await startVirtualPrinter();
});
afterEach(async () => {
  store.close();
  await printer.close();
});

describe('print queue against the virtual printer', () => {
  it('prints a voucher once, checks status before and after, and never writes the PIN to disk', async () => {
    const job = await queueFor(printer.port).print(voucher);
    expect(job).toMatchObject({ state: 'done', attempts: 1, reason: null, containsPin: true });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]?.equals(Buffer.from(voucher.bytes))).toBe(true);
    store.close();
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file)).includes(PIN), `${file} holds the PIN`).toBe(false);
    }
    store = new PrintJobStore(join(dir, 'print-jobs.sqlite'));
  });

  it.each([
    ['paper-out', 'Plus de papier : changez le rouleau'],
    ['cover-open', 'Capot ouvert : refermez-le'],
  ] as const)(
    'sends nothing to a printer in state %s, and fails the voucher at once with the reason',
    async (state, reason) => {
      printer.setState(state);
      const job = await queueFor(printer.port).print(voucher);
      expect(job).toMatchObject({ state: 'failed', attempts: 0, reason });
      expect(printer.jobs).toEqual([]);
    },
  );

  it('holds an ordinary receipt while the paper is out and prints it once the roll is changed', async () => {
    printer.setState('paper-out');
    const states: string[] = [];
    const job = await queueFor(printer.port, (change) => {
      states.push(`${change.state}${change.reason ? `: ${change.reason}` : ''}`);
      if (change.state === 'queued' && change.reason) printer.setState('ready');
    }).print(receipt);
    expect(job).toMatchObject({ state: 'done', attempts: 1 });
    expect(states).toEqual([
      'queued',
      'queued: Plus de papier : changez le rouleau',
      'sending',
      'done',
    ]);
    expect(printer.jobs).toHaveLength(1);
  });

  it('marks a voucher unknown when the cable is pulled mid-job, and does not send it again', async () => {
    printer.setFaults({ dropAfterBytes: 1000 });
    const job = await queueFor(printer.port).print(voucher);
    expect(job.state).toBe('unknown');
    expect(job.attempts).toBe(1);
    expect(job.reason).toMatch(/^coupé pendant l’envoi/);
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]?.length).toBeLessThan(voucher.bytes.length);
  });

  it('prints an ordinary receipt again after a cut mid-job', async () => {
    printer.setFaults({ dropAfterBytes: 1000 });
    const job = await queueFor(printer.port, (change) => {
      if (change.state === 'queued' && change.reason)
        printer.setFaults({ dropAfterBytes: undefined });
    }).print(receipt);
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
    expect(printer.jobs.at(-1)?.equals(Buffer.from(receipt.bytes))).toBe(true);
  });

  it('marks a voucher unknown when the paper runs out during it', async () => {
    const queue = queueFor(printer.port);
    const stopAfterJob = startVirtualPrinter({
      onJob: () => stopping.setState('paper-out'),
    });
    const stopping = await stopAfterJob;
    try {
      const job = await queueFor(stopping.port).print(voucher);
      expect(job).toMatchObject({
        state: 'unknown',
        reason: 'après l’envoi : Plus de papier : changez le rouleau',
      });
    } finally {
      await stopping.close();
    }
    expect(await queue.print(receipt)).toMatchObject({ state: 'done' });
  });

  it('tries an unreachable printer a bounded number of times, then fails the job: nothing was sent', async () => {
    const port = printer.port;
    await printer.close();
    const job = await queueFor(port).print(voucher);
    expect(job.state).toBe('failed');
    expect(job.reason).toMatch(/refused the connection/);
    printer = await startVirtualPrinter();
  });

  it('prints jobs one at a time, in the order they came', async () => {
    const queue = queueFor(printer.port);
    const requests = [1, 2, 3, 4, 5].map((n) => ({ ...receipt, bytes: Buffer.from(`job ${n}\n`) }));
    const jobs = await Promise.all(requests.map((request) => queue.print(request)));
    expect(jobs.map((job) => job.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(printer.jobs.map((bytes) => bytes.toString())).toEqual(
      requests.map((r) => r.bytes.toString()),
    );
  });
});

describe('print queue after a crash', () => {
  it('knows every job: the one being sent is unknown, a queued voucher failed, a queued receipt prints', async () => {
    const file = join(dir, 'crash.sqlite');
    const before = new PrintJobStore(file);
    const sending = before.add('desk', 'voucher', voucher.bytes, true);
    before.update(sending.id, 'sending', null, true);
    const queuedVoucher = before.add('desk', 'voucher', voucher.bytes, true);
    const queuedReceipt = before.add('desk', 'sale', receipt.bytes, false);
    const done = before.add('desk', 'sale', receipt.bytes, false);
    before.update(done.id, 'done');
    before.close(); // the process dies here

    store.close();
    store = new PrintJobStore(file);
    const queue = queueFor(printer.port);
    const reported = queue.recover();
    expect(reported.map((job) => [job.id, job.state, job.reason])).toEqual([
      [sending.id, 'unknown', 'interrompu pendant l’impression : vérifiez le ticket'],
      [queuedVoucher.id, 'failed', 'interrompu avant l’impression : rien n’a été imprimé'],
    ]);
    await queue.idle();
    expect(store.get(queuedReceipt.id)).toMatchObject({ state: 'done' });
    expect(printer.jobs.map((bytes) => bytes.equals(Buffer.from(receipt.bytes)))).toEqual([true]);
    expect(
      store.list('desk').every((job) => ['done', 'failed', 'unknown'].includes(job.state)),
    ).toBe(true);
  });

  it('forgets finished jobs past their retention', () => {
    let now = 1_000_000;
    const clocked = new PrintJobStore(join(dir, 'prune.sqlite'), () => now);
    const old = clocked.add('desk', 'sale', receipt.bytes, false);
    clocked.update(old.id, 'done');
    now += 31 * 24 * 3600 * 1000;
    const recent = clocked.add('desk', 'sale', receipt.bytes, false);
    expect(clocked.prune(30 * 24 * 3600 * 1000)).toBe(1);
    expect(clocked.list().map((job) => job.id)).toEqual([recent.id]);
    clocked.close();
  });
});
