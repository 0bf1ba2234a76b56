/**
 * The `borne` command for technicians and admins. Each device and service
 * adds its subcommands here; every command prints plain text or JSON and
 * exits 0 on success, 1 on a failed check, 2 on a usage error.
 */
import { Command, CommanderError } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BORNE_VERSION } from '../app/version.js';
import { checkConfigText } from '../config/config-file.js';
import { resolveConfigPath } from '../config/config-path.js';
import { defaultConfig } from '../config/config-schema.js';
import { describeIssues } from '../../native/describe-issues.js';
import {
  PRINTER_PROFILES,
  PROFILE_NAMES,
  type ProfileName,
} from '../../native/printer/printer-profiles.js';
import { encodeReceipt } from '../../native/printer/receipt-encoder.js';
import { ReceiptDocument } from '../../native/printer/receipt-model.js';
import { parsePrinterUri } from '../../native/printer/printer-uri.js';
import { type PrinterState, STATE_MESSAGES } from '../../native/printer/printer-status.js';
import { sendToDevice } from '../../native/printer/device-transport.js';
import { queryStatusTcp, sendTcp } from '../../native/printer/tcp-transport.js';
import { testPage } from '../../native/printer/templates/test-page.js';
import { startVirtualPrinter } from '../../native/printer/virtual-printer.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Raw bytes to stdout (printer data). */
  outBytes: (bytes: Uint8Array) => void;
}

const consoleIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  outBytes: (bytes) => process.stdout.write(bytes),
};

export function buildCli(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('borne')
    .description('Borne kiosk: tools for technicians and admins')
    .version(BORNE_VERSION)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  const config = program.command('config').description('check and show the kiosk configuration');

  config
    .command('validate')
    .description('check a configuration file; names every bad field')
    .argument('<file>', 'JSON configuration file')
    .action((file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        io.err(
          `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`,
        );
        return setExitCode(1);
      }
      const check = checkConfigText(text);
      if (check.ok) {
        io.out(`${file}: valid\n`);
        return setExitCode(0);
      }
      io.err(`${file}: invalid\n${check.problems.map((line) => `  - ${line}\n`).join('')}`);
      return setExitCode(1);
    });

  config
    .command('path')
    .description('print where this kiosk reads its configuration ($BORNE_CONFIG)')
    .action(() => io.out(`${resolveConfigPath()}\n`));

  config
    .command('defaults')
    .description('print the built-in defaults as a JSON file to start from')
    .action(() => io.out(`${JSON.stringify(defaultConfig(), null, 2)}\n`));

  const receipt = program.command('receipt').description('design and check receipts (ESC/POS)');

  receipt
    .command('encode')
    .description('encode a receipt document (JSON) to ESC/POS bytes on stdout')
    .argument('<file>', 'receipt document (see README, "Receipt model")')
    .option('--profile <name>', `printer profile: ${PROFILE_NAMES.join(', ')}`, 'epson-tm-t20')
    .action((file: string, options: { profile: string }) => {
      const profile = PRINTER_PROFILES[options.profile as ProfileName];
      if (!profile) {
        io.err(`unknown profile "${options.profile}": one of ${PROFILE_NAMES.join(', ')}\n`);
        return setExitCode(2);
      }
      const document = readJsonFile(file, io);
      if (document === undefined) return setExitCode(1);
      const parsed = ReceiptDocument.safeParse(document);
      if (!parsed.success) {
        io.err(
          `${file}: invalid\n${describeIssues(parsed.error)
            .map((line) => `  - ${line}\n`)
            .join('')}`,
        );
        return setExitCode(1);
      }
      const encoded = encodeReceipt(parsed.data, profile);
      for (const warning of encoded.warnings) io.err(`warning: ${warning}\n`);
      io.outBytes(encoded.bytes);
      return setExitCode(0);
    });

  receipt
    .command('profiles')
    .description('list the printer profiles')
    .action(() => {
      for (const profile of Object.values(PRINTER_PROFILES)) {
        io.out(`${profile.name.padEnd(14)} ${profile.label}, code page ${profile.codePage}\n`);
      }
    });

  const printer = program
    .command('printer')
    .description('check thermal printers (ESC/POS over TCP)');

  printer
    .command('status')
    .description('ask a printer its real-time status (DLE EOT)')
    .argument('<uri>', 'tcp://host:port')
    .action(async (text: string) => {
      const target = tcpTarget(text, io);
      if (!target) return setExitCode(2);
      const result = await queryStatusTcp(target);
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
    .argument('<uri>', 'tcp://host:port or usb:///dev/usb/lp0')
    .option('--profile <name>', `printer profile: ${PROFILE_NAMES.join(', ')}`, 'epson-tm-t20')
    .action(async (text: string, options: { profile: string }) => {
      const parsed = parsePrinterUri(text);
      const profile = PRINTER_PROFILES[options.profile as ProfileName];
      if (!parsed.ok || !profile || parsed.uri.kind === 'serial') {
        if (!parsed.ok) io.err(`${parsed.error}\n`);
        else if (!profile)
          io.err(`unknown profile "${options.profile}": one of ${PROFILE_NAMES.join(', ')}\n`);
        else io.err(`${text}: serial printers are not supported yet\n`);
        return setExitCode(2);
      }
      const uri = parsed.uri;
      if (uri.kind === 'tcp') {
        // Over the network the printer answers status first: nothing is sent to a stopped printer.
        const before = await queryStatusTcp(uri);
        if (!before.ok || !before.status.canPrint) {
          io.err(
            `${text}: not printed: ${before.ok ? STATE_MESSAGES[before.status.state] : before.message}\n`,
          );
          return setExitCode(1);
        }
      }
      const { bytes } = encodeReceipt(ReceiptDocument.parse(testPage(profile)), profile);
      const sent =
        uri.kind === 'tcp' ? await sendTcp(uri, bytes) : await sendToDevice(uri.path, bytes);
      if (!sent.ok) {
        io.err(
          `${text}: ${sent.message}${sent.connected ? ' (the page may be partly printed)' : ''}\n`,
        );
        return setExitCode(1);
      }
      io.out(`${text}: test page sent (${sent.sentBytes} bytes)\n`);
      return setExitCode(0);
    });

  printer
    .command('simulate')
    .description('run a virtual ESC/POS printer on 127.0.0.1 (answers status, keeps each job)')
    .option('--port <port>', 'TCP port (0 = any free port)', '9100')
    .option('--out <dir>', 'folder where each job is written as job-<n>.bin')
    .option(
      '--state <state>',
      'ready, paper-near-end, paper-out, cover-open, offline or error',
      'ready',
    )
    .action(async (options: { port: string; out?: string; state: string }) => {
      const state = options.state as PrinterState;
      if (!(state in STATE_MESSAGES)) {
        io.err(`unknown state "${options.state}"\n`);
        return setExitCode(2);
      }
      if (options.out) mkdirSync(options.out, { recursive: true });
      let count = 0;
      const simulator = await startVirtualPrinter({
        port: Number(options.port),
        state,
        onJob: (job) => {
          count += 1;
          if (options.out) writeFileSync(join(options.out, `job-${count}.bin`), job);
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

  return program;
}

function tcpTarget(text: string, io: CliIo): { host: string; port: number } | null {
  const parsed = parsePrinterUri(text);
  if (!parsed.ok) {
    io.err(`${parsed.error}\n`);
    return null;
  }
  if (parsed.uri.kind !== 'tcp') {
    io.err(
      `${text}: status is read over tcp:// only so far (USB status and serial are not built yet)\n`,
    );
    return null;
  }
  return parsed.uri;
}

/** Reads and parses a JSON file, saying why not on stderr. */
function readJsonFile(file: string, io: CliIo): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    io.err(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})\n`);
    return undefined;
  }
}

/** Runs the CLI and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let code = 0;
  const program = buildCli(io, (value) => {
    code = value;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    throw error;
  }
  return code;
}
