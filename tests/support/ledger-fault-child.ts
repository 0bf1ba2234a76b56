/**
 * One run of the voucher desk in its own process, for fault injection: the
 * real desk service, print queue and ledger, selling to the parent's virtual
 * printer. It opens the desk (which recovers what the last run left), lets
 * "staff" settle the codes waiting (handed over, DUPLICATA or void), sells
 * `SALES` recharges, then dies by SIGKILL at `POINT`:
 *   before-reserve  product chosen, payment not yet taken
 *   after-reserve   the code RESERVED on disk, nothing sent
 *   mid-print       the parent kills it while the printer receives the voucher
 *   after-print     printed, before "Remis"
 *   none            exits normally
 * Arguments come as JSON in argv[2]; it prints one line per step.
 */
import { createMemberDesk } from '../../main/app/member-desk.js';
import { createPrintingService } from '../../main/app/printing-service.js';
import { createVoucherDesk } from '../../main/app/voucher-desk.js';
import { KioskConfig } from '../../main/config/config-schema.js';
import type { DeskView } from '../../main/contract/ipc-contract.js';

interface ChildArgs {
  dataDir: string;
  port: number;
  products: unknown;
  sales: number;
  point: 'before-reserve' | 'after-reserve' | 'mid-print' | 'after-print' | 'none';
  seed: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
let seed = args.seed;
/** Deterministic per run: a failing run can be replayed from its seed. */
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const say = (line: string) => process.stdout.write(`${line}\n`);
const die = (): never => {
  say(`killed ${args.point}`);
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

const config = KioskConfig.parse({
  printing: {
    printers: [{ id: 'desk', uri: `tcp://127.0.0.1:${args.port}`, profile: 'generic-80' }],
  },
  vouchers: { products: args.products },
});
const printing = createPrintingService({
  config,
  baseDir: process.cwd(),
  dataDir: args.dataDir,
  log: () => {},
});
const members = createMemberDesk({
  dataDir: args.dataDir,
  validityMonths: () => 6,
  onChange: () => {},
});
let dying = false;
const desk = createVoucherDesk({
  config: () => config,
  dataDir: args.dataDir,
  printing,
  members,
  staff: () => ({ name: 'Awa', manager: false }),
  onChange: (view: DeskView) => {
    // Published right after the reservation's transaction, before PRINTING.
    if (dying && args.point === 'after-reserve' && view.sale?.step === 'printing') die();
  },
  log: () => {},
});

async function main(): Promise<void> {
  const opened = await desk.handlers['desk.get']({});
  say(`opened ${opened.problem ?? 'ok'} pending ${opened.pending.length}`);
  for (const code of opened.pending) {
    if (code.state === 'printed') {
      await desk.handlers['desk.settle']({ codeId: code.codeId, outcome: 'delivered' });
      continue;
    }
    const pick = random();
    const outcome = pick < 0.4 ? 'delivered' : pick < 0.7 ? 'reprint' : 'void';
    await desk.handlers['desk.settle']({
      codeId: code.codeId,
      outcome,
      ...(outcome === 'delivered' ? {} : { reason: 'not-printed' as const }),
    });
    say(`settled ${code.serial} ${outcome}`);
  }
  const products = ['orange-10', 'sfr-20'];
  for (let sale = 0; sale <= args.sales; sale += 1) {
    const last = sale === args.sales;
    if (last && args.point === 'none') break;
    const productId = products[Math.floor(random() * products.length)] ?? 'orange-10';
    await desk.handlers['desk.choose']({ productId });
    if (last && args.point === 'before-reserve') die();
    if (last) {
      dying = true;
      say('armed');
    }
    const paid = await desk.handlers['desk.pay']({ payment: random() < 0.5 ? 'cash' : 'card' });
    const step = paid.sale?.step;
    say(`sale ${step ?? 'none'}`);
    if (last && args.point === 'after-print') die();
    if (step === 'printed' || step === 'uncertain') await desk.handlers['desk.delivered']({});
    else await desk.handlers['desk.cancel']({});
  }
  await desk.idle();
  desk.dispose();
  members.dispose();
  printing.dispose();
  say('done');
}

main().catch((error: unknown) => {
  // The parent scans this output for PINs too: no message may carry one.
  process.stderr.write(`child failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
