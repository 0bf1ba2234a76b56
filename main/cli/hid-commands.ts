/**
 * `borne hid …`: card and code readers on site. Events are printed as the
 * app sees them — pseudonyms, not card numbers — under a secret made for this
 * run only (the site's own secret never leaves the kiosk's data folder).
 */
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { nodeHidBackend, recordingBackend } from '../../native/hid/hid-backends.js';
import { HidRecording } from '../../native/hid/hid-recording.js';
import { type HidBackend, HidReader } from '../../native/hid/hid-reader.js';
import type { ReportDecoderKind } from '../../native/hid/hid-reports.js';
import type { ReaderRole } from '../../native/hid/reader-events.js';
import { describeIssues } from '../../native/describe-issues.js';
import { type CliIo, readJsonFile, type SetExitCode } from './cli-io.js';

const ROLES: ReaderRole[] = ['member-card', 'staff-badge', 'id-card', 'product'];
const hex4 = (value: number) => value.toString(16).padStart(4, '0');

export function addHidCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const hid = program.command('hid').description('card and code readers (HID)');

  hid
    .command('list')
    .description('list the HID devices this machine sees (vendor:product, usage page, path)')
    .action(async () => {
      let backend: HidBackend;
      try {
        backend = await nodeHidBackend();
      } catch (error) {
        io.err(`node-hid cannot load (is libusb-1.0-0 installed?): ${String(error)}\n`);
        return setExitCode(1);
      }
      const devices = await backend.list();
      if (devices.length === 0) io.out('no HID device found\n');
      for (const device of devices) {
        io.out(
          `${hex4(device.vendorId)}:${hex4(device.productId)} usage page 0x${hex4(device.usagePage)} ${device.path} ${device.product}\n`,
        );
      }
      return setExitCode(0);
    });

  const listen = (backend: HidBackend, options: ListenOptions) =>
    new Promise<void>((resolve) => {
      const secret = randomBytes(32);
      io.out(`pseudonyms below are for this run only\n`);
      const reader = new HidReader({
        id: 'cli',
        match: { vendorId: options.vendorId, productId: options.productId },
        decoder: options.decoder,
        role: options.role,
        secret,
        backend,
        pollMs: options.pollMs,
        onEvent: (event) => io.out(`${JSON.stringify(event)}\n`),
        onStatus: (status) => io.out(`status: ${JSON.stringify(status)}\n`),
      });
      reader.start();
      options.until.then(() => {
        reader.stop();
        resolve();
      });
    });

  hid
    .command('simulate')
    .description('replay a recording of a reader through the real decoding path')
    .requiredOption('--file <recording.json>', 'recorded reports (see tests/fixtures/hid)')
    .option('--role <role>', ROLES.join(', '), 'member-card')
    .option('--speed <factor>', 'play faster (10 = ten times)', '1')
    .action(async (options: { file: string; role: string; speed: string }) => {
      if (!ROLES.includes(options.role as ReaderRole)) {
        io.err(`unknown role "${options.role}": one of ${ROLES.join(', ')}\n`);
        return setExitCode(2);
      }
      const json = readJsonFile(options.file, io);
      if (json === undefined) return setExitCode(1);
      const parsed = HidRecording.safeParse(json);
      if (!parsed.success) {
        io.err(
          `${options.file}: invalid\n${describeIssues(parsed.error)
            .map((l) => `  - ${l}\n`)
            .join('')}`,
        );
        return setExitCode(1);
      }
      const recording = parsed.data;
      const backend = recordingBackend(recording, Math.max(0.1, Number(options.speed) || 1));
      await listen(backend, {
        ...recording.device,
        decoder: recording.decoder,
        role: options.role as ReaderRole,
        pollMs: 50,
        // Let the last report's event out, and a replug be seen.
        until: backend.done.then(() => new Promise((resolve) => setTimeout(resolve, 150))),
      });
      return setExitCode(0);
    });

  hid
    .command('listen')
    .description('print the events of one reader until Ctrl+C (pseudonymised)')
    .requiredOption('--vid <hex>', 'vendor id, e.g. 0c2e')
    .requiredOption('--pid <hex>', 'product id')
    .option('--decoder <kind>', 'hid-pos-scanner or msr', 'hid-pos-scanner')
    .option('--role <role>', ROLES.join(', '), 'product')
    .action(async (options: { vid: string; pid: string; decoder: string; role: string }) => {
      const vendorId = parseInt(options.vid, 16);
      const productId = parseInt(options.pid, 16);
      if (!Number.isInteger(vendorId) || !Number.isInteger(productId)) {
        io.err('--vid and --pid are hexadecimal ids, as `borne hid list` shows them\n');
        return setExitCode(2);
      }
      if (options.decoder !== 'hid-pos-scanner' && options.decoder !== 'msr') {
        io.err(`unknown decoder "${options.decoder}": hid-pos-scanner or msr\n`);
        return setExitCode(2);
      }
      if (!ROLES.includes(options.role as ReaderRole)) {
        io.err(`unknown role "${options.role}": one of ${ROLES.join(', ')}\n`);
        return setExitCode(2);
      }
      await listen(await nodeHidBackend(), {
        vendorId,
        productId,
        decoder: options.decoder,
        role: options.role as ReaderRole,
        pollMs: 1000,
        until: new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        }),
      });
      return setExitCode(0);
    });
}

interface ListenOptions {
  vendorId: number;
  productId: number;
  decoder: ReportDecoderKind;
  role: ReaderRole;
  pollMs: number;
  until: Promise<unknown>;
}
