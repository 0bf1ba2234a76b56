/**
 * `borne printer …`: what a technician runs on site, on any cable:
 * tcp://host:port, usb:///dev/usb/lp0, serial:///dev/ttyUSB0?baud=38400.
 */
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PrinterState, STATE_MESSAGES } from '../../native/printer/printer-status.js';
import { type PrinterTransport, transportFor } from '../../native/printer/printer-transport.js';
import { parsePrinterUri } from '../../native/printer/printer-uri.js';
import { encodeReceipt } from '../../native/printer/receipt-encoder.js';
import { ReceiptDocument } from '../../native/printer/receipt-model.js';
import { previewPng } from '../../native/printer/receipt-preview.js';
import { testPage } from '../../native/printer/templates/test-page.js';
import { startVirtualPrinter } from '../../native/printer/virtual-printer.js';
import { type CliIo, PROFILE_OPTION, profileNamed, type SetExitCode } from './cli-io.js';

const URI_ARGUMENT = 'tcp://host:port, usb:///dev/usb/lp0 or serial:///dev/ttyUSB0?baud=38400';

export function addPrinterCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const printer = program.command('printer').description('check thermal printers (ESC/POS)');

  const transport = (text: string): PrinterTransport | undefined => {
    const parsed = parsePrinterUri(text);
    if (parsed.ok) return transportFor(parsed.uri);
    io.err(`${parsed.error}\n`);
    return undefined;
  };

  printer
    .command('status')
    .description('ask a printer its real-time status (DLE EOT)')
    .argument('<uri>', URI_ARGUMENT)
    .action(async (text: string) => {
      const target = transport(text);
      if (!target) return setExitCode(2);
      const result = await target.status();
      if (!result.ok) {
        io.err(`${text}: ${result.message}\n`);
        return setExitCode(1);
      }
      io.out(`${text}: ${result.status.state} — ${STATE_MESSAGES[result.status.state]}\n`);
      return setExitCode(result.status.canPrint ? 0 : 1);
    });

  printer
    .command('test-page')
    .description('print a test page (accents, €, styles, QR code, barcode, cut)')
    .argument('<uri>', URI_ARGUMENT)
    .option('--profile <name>', PROFILE_OPTION, 'epson-tm-t20')
    .action(async (text: string, options: { profile: string }) => {
      const profile = profileNamed(options.profile, io);
      const target = transport(text);
      if (!profile || !target) return setExitCode(2);
      // Nothing is sent to a stopped printer. A USB printer that never answers
      // status is still tried: the test page is how to find out it works.
      const before = await target.status();
      if (before.ok && !before.status.canPrint) {
        io.err(`${text}: not printed: ${STATE_MESSAGES[before.status.state]}\n`);
        return setExitCode(1);
      }
      if (!before.ok && !(text.startsWith('usb:') && before.error === 'timeout')) {
        io.err(`${text}: not printed: ${before.message}\n`);
        return setExitCode(1);
      }
      if (!before.ok) io.err(`warning: ${before.message}; printing anyway\n`);
      const { bytes } = encodeReceipt(ReceiptDocument.parse(testPage(profile)), profile);
      const sent = await target.send(bytes);
      if (!sent.ok) {
        const partly = sent.connected ? ' (the page may be partly printed)' : '';
        io.err(`${text}: ${sent.message}${partly}\n`);
        return setExitCode(1);
      }
      io.out(`${text}: test page sent (${sent.sentBytes} bytes)\n`);
      return setExitCode(0);
    });

  printer
    .command('simulate')
    .description('run a virtual ESC/POS printer on 127.0.0.1 (answers status, keeps each job)')
    .option('--port <port>', 'TCP port (0 = any free port)', '9100')
    .option(
      '--out <dir>',
      'folder where each job is written as job-<n>.bin and its preview job-<n>.png',
    )
    .option('--profile <name>', `paper width of the previews: ${PROFILE_OPTION}`, 'epson-tm-t20')
    .option('--state <state>', Object.keys(STATE_MESSAGES).join(', '), 'ready')
    .action(async (options: { port: string; out?: string; state: string; profile: string }) => {
      const state = options.state as PrinterState;
      const profile = profileNamed(options.profile, io);
      if (!profile) return setExitCode(2);
      if (!(state in STATE_MESSAGES)) {
        io.err(`unknown state "${options.state}"\n`);
        return setExitCode(2);
      }
      const out = options.out;
      if (out) mkdirSync(out, { recursive: true });
      let count = 0;
      const simulator = await startVirtualPrinter({
        port: Number(options.port),
        state,
        onJob: (job) => {
          count += 1;
          if (out) {
            writeFileSync(join(out, `job-${count}.bin`), job);
            writeFileSync(join(out, `job-${count}.png`), previewPng(job, profile.dots));
          }
          io.out(`job ${count}: ${job.length} bytes\n`);
        },
      });
      io.out(`printer simulator listening on 127.0.0.1:${simulator.port}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await simulator.close();
      return setExitCode(0);
    });
}
