/**
 * `borne staff entry --name <name>`: makes the configuration entry of a staff
 * member. Standard input gives two lines: what their badge reads as (scan it
 * into this terminal, or type it) and their PIN. Printed: the badge
 * pseudonym under this kiosk's site secret and the PIN's scrypt hash —
 * never the badge number or the PIN.
 */
import type { Command } from 'commander';
import { readerEvent, type ReadSource } from '../../native/hid/reader-events.js';
import { dataDir } from '../app/paths.js';
import { loadSiteSecret } from '../app/site-secret.js';
import { hashPin, PIN_FORMAT } from '../staff/staff-login.js';
import type { CliIo, SetExitCode } from './cli-io.js';

const READS = ['badge', 'barcode', 'tracks'] as const;

export function addStaffCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const staff = program.command('staff').description('staff who sign in with a badge and a PIN');
  staff
    .command('entry')
    .description(
      'read a badge and a PIN (two lines on stdin), print the entry for staff.members in the configuration',
    )
    .requiredOption('--name <name>', 'first name shown on the staff screen')
    .option('--read <kind>', 'how the badge reads: badge (EM4100 id), barcode or tracks', 'badge')
    .action(async (options: { name: string; read: string }) => {
      if (!(READS as readonly string[]).includes(options.read)) {
        io.err(`unknown --read "${options.read}": one of ${READS.join(', ')}\n`);
        return setExitCode(2);
      }
      const [badgeText = '', pin = ''] = (await io.readInput())
        .split(/\r?\n/)
        .map((line) => line.trim());
      if (!PIN_FORMAT.test(pin)) {
        io.err('the second line must be the PIN: 4 to 8 digits\n');
        return setExitCode(1);
      }
      const source = { type: options.read, text: badgeText } as ReadSource;
      const event = readerEvent('staff-badge', source, loadSiteSecret(dataDir()));
      if (event.kind !== 'staff-badge' || !event.pseudonym) {
        io.err(`the badge did not read right: ${event.errors.join('; ')}\n`);
        return setExitCode(1);
      }
      io.out(
        `${JSON.stringify({ name: options.name.trim(), badge: event.pseudonym, pin: hashPin(pin) })}\n`,
      );
      return setExitCode(0);
    });
}
