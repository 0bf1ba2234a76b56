/**
 * The kiosk's printers as the app runs them: queues built from the
 * configuration, the journal in the data folder, what a previous run left
 * open settled and said at start, documents printed on the virtual printer.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPrinting } from '../../../main/app/printing-loader.js';
import { createPrintingService } from '../../../main/app/printing-service.js';
import { servicesOnTempConfig } from '../../support/fake-services.js';
import { KioskConfig } from '../../../main/config/config-schema.js';
import { interpretEscPos } from '../../../native/printer/escpos-interpreter.js';
import { PrintJobStore } from '../../../native/printer/print-job-store.js';
import { PRINTER_PROFILES } from '../../../native/printer/printer-profiles.js';
import {
  EXAMPLE_IDENTITY,
  exampleDocument,
} from '../../../native/printer/templates/template-registry.js';
import {
  startVirtualPrinter,
  type VirtualPrinter,
} from '../../../native/printer/virtual-printer.js';

let printer: VirtualPrinter;
let dataDir: string;
beforeEach(async () => {
  printer = await startVirtualPrinter();
  dataDir = mkdtempSync(join(tmpdir(), 'borne-data-'));
});
afterEach(() => printer.close());

function serviceFor(config: KioskConfig, log: (line: string) => void = () => {}) {
  return createPrintingService({ config, baseDir: process.cwd(), dataDir, log });
}

const withDesk = (port: number) =>
  KioskConfig.parse({
    printing: {
      printers: [{ id: 'desk', uri: `tcp://127.0.0.1:${port}`, profile: 'generic-80' }],
    },
  });

describe('printing service', () => {
  it('settles the jobs a previous run left open, and says so', async () => {
    const journal = new PrintJobStore(join(dataDir, 'print-jobs.sqlite'));
    const job = journal.add('desk', 'voucher', Buffer.from('x'), true);
    journal.update(job.id, 'sending', null, true);
    journal.close();
    const lines: string[] = [];
    const service = serviceFor(withDesk(printer.port), (line) => lines.push(line));
    expect(lines).toEqual([
      `printer desk: job ${job.id} (voucher) unknown: interrompu pendant l’impression : vérifiez le ticket`,
    ]);
    expect((await service.jobs('desk'))[0]).toMatchObject({ id: job.id, state: 'unknown' });
    service.dispose();
  });

  it('prints a sale receipt on the configured printer, logo included, and keeps the job', async () => {
    const service = serviceFor(withDesk(printer.port));
    const document = exampleDocument(
      'sale',
      EXAMPLE_IDENTITY,
      PRINTER_PROFILES['generic-80'],
      new Date(),
    );
    const outcome = await service.print('desk', { kind: 'sale', document, containsPin: false });
    expect(outcome).toMatchObject({ ok: true, job: { state: 'done', kind: 'sale' }, warnings: [] });
    const printed = interpretEscPos(printer.jobs[0] ?? Buffer.alloc(0));
    expect(printed.codePages[0]).toBe('cp858');
    expect(printed.elements.some((e) => e.kind === 'image')).toBe(true);
    expect(printed.elements.some((e) => e.kind === 'line' && e.text.startsWith('TOTAL PAYÉ'))).toBe(
      true,
    );
    expect(await service.jobs()).toHaveLength(1);
    service.dispose();
  });

  it('refuses an unknown printer or a bad document, naming what is wrong', async () => {
    const service = serviceFor(withDesk(printer.port));
    expect(
      await service.print('visitors', { kind: 'other', document: {}, containsPin: false }),
    ).toEqual({ ok: false, error: 'no printer "visitors" in the configuration' });
    expect(
      await service.print('desk', {
        kind: 'other',
        document: { blocks: [{ type: 'text' }] },
        containsPin: false,
      }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('blocks.0.text') });
    expect(printer.jobs).toEqual([]);
    service.dispose();
  });

  it('opens no journal on a kiosk without printers', () => {
    const service = serviceFor(KioskConfig.parse({}));
    expect(service.printerIds).toEqual([]);
    expect(existsSync(join(dataDir, 'print-jobs.sqlite'))).toBe(false);
    service.dispose();
  });
});

describe('device status for staff', () => {
  it('is refused while no staff member is signed in', async () => {
    const { services } = servicesOnTempConfig();
    await expect(
      Promise.resolve().then(() => services.handlers['devices.status']({})),
    ).rejects.toThrow('staff only');
    services.dispose();
  });
});

describe('printing on demand', () => {
  it('loads no printing stack and opens no journal on a kiosk without printers', async () => {
    const printing = loadPrinting({
      config: KioskConfig.parse({}),
      baseDir: process.cwd(),
      dataDir,
      log: () => {},
    });
    expect(printing.printerIds).toEqual([]);
    expect(
      await printing.print('desk', { kind: 'other', document: {}, containsPin: false }),
    ).toEqual({
      ok: false,
      error: 'no printer "desk" in the configuration',
    });
    expect(await printing.statuses()).toEqual([]);
    expect(existsSync(join(dataDir, 'print-jobs.sqlite'))).toBe(false);
  });

  it('loads it when printers are configured, and prints through it', async () => {
    const printing = loadPrinting({
      config: withDesk(printer.port),
      baseDir: process.cwd(),
      dataDir,
      log: () => {},
    });
    const outcome = await printing.print('desk', {
      kind: 'test-page',
      document: { blocks: [{ type: 'text', text: 'ok' }, { type: 'cut' }] },
      containsPin: false,
    });
    expect(outcome).toMatchObject({ ok: true, job: { state: 'done' } });
    expect(await printing.statuses()).toEqual([
      { id: 'desk', state: 'ready', ok: true, message: 'Imprimante prête' },
    ]);
    printing.dispose();
  });
});
