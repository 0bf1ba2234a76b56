/**
 * The printing stack (encoder, queue, SQLite journal, transports) is loaded
 * only on kiosks that have printers: it would add tens of milliseconds to
 * every start for nothing otherwise.
 */
import type { KioskConfig } from '../config/config-schema.js';
import type { PrintingService } from './printing-service.js';

export function loadPrinting(options: {
  config: KioskConfig;
  baseDir: string;
  dataDir: string;
  log: (line: string) => void;
}): PrintingService {
  const printerIds = options.config.printing.printers.map((printer) => printer.id);
  if (printerIds.length === 0) {
    return {
      printerIds,
      profile: () => undefined,
      print: (printerId) =>
        Promise.resolve({ ok: false, error: `no printer "${printerId}" in the configuration` }),
      jobs: () => Promise.resolve([]),
      statuses: () => Promise.resolve([]),
      dispose: () => {},
    };
  }
  const loaded = import('./printing-service.js').then(({ createPrintingService }) =>
    createPrintingService(options),
  );
  let ready: PrintingService | undefined;
  let disposed = false;
  void loaded.then((service) => {
    ready = service;
    if (disposed) service.dispose();
  });
  return {
    printerIds,
    profile: (printerId) => ready?.profile(printerId),
    print: async (printerId, order) => (await loaded).print(printerId, order),
    jobs: async (printerId) => (await loaded).jobs(printerId),
    statuses: async () => (await loaded).statuses(),
    dispose: () => {
      disposed = true;
      ready?.dispose();
    },
  };
}
