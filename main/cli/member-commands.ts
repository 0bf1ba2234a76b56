/**
 * `borne member count|import`: the welcome point's member registry, seen
 * from a technician's terminal. An import enrols the cards a site already
 * handed out: one card per line on stdin, as the card reads (scan each
 * into this terminal, or paste the list); each becomes its pseudonym under
 * this kiosk's site secret, and no number is kept or printed.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { readerEvent, type ReadSource } from '../../native/hid/reader-events.js';
import { dataDir } from '../app/paths.js';
import { loadSiteSecret } from '../app/site-secret.js';
import { MemberRegistry } from '../members/member-registry.js';
import { dayOf, periodEnd } from '../members/membership-period.js';
import type { CliIo, SetExitCode } from './cli-io.js';

const READS = ['barcode', 'tracks', 'badge'] as const;

function withRegistry<T>(use: (registry: MemberRegistry) => T): T {
  const registry = new MemberRegistry(join(dataDir(), 'members.sqlite'));
  try {
    return use(registry);
  } finally {
    registry.close();
  }
}

export function addMemberCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const member = program
    .command('member')
    .description('members with rights to solidarity prices, known by their card');
  member
    .command('count')
    .description('print how many members have rights today, and how many have lapsed (JSON)')
    .action(() => {
      io.out(`${JSON.stringify(withRegistry((registry) => registry.counts()))}\n`);
      setExitCode(0);
    });
  member
    .command('import')
    .description(
      'enrol cards read from stdin (one a line) for --months from today; members covered longer keep their end day',
    )
    .requiredOption('--months <n>', 'months of rights, 1 to 36')
    .option('--read <kind>', 'how the cards read: barcode, tracks or badge', 'barcode')
    .option('--by <name>', 'who imports, kept with each change', 'import')
    .action(async (options: { months: string; read: string; by: string }) => {
      const months = Number(options.months);
      if (!Number.isInteger(months) || months < 1 || months > 36) {
        io.err(`--months must be a whole number from 1 to 36, not "${options.months}"\n`);
        return setExitCode(2);
      }
      if (!(READS as readonly string[]).includes(options.read)) {
        io.err(`unknown --read "${options.read}": one of ${READS.join(', ')}\n`);
        return setExitCode(2);
      }
      const secret = loadSiteSecret(dataDir());
      const pseudonyms = new Set<string>();
      const refused: number[] = [];
      (await io.readInput()).split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === '') return;
        const source = { type: options.read, text: line.trim() } as ReadSource;
        const event = readerEvent('member-card', source, secret);
        if (event.kind === 'member-card' && event.valid && event.pseudonym)
          pseudonyms.add(event.pseudonym);
        else refused.push(index + 1);
      });
      const validUntil = periodEnd(dayOf(new Date()), null, months);
      const changed = withRegistry((registry) =>
        registry.grantUntil([...pseudonyms], validUntil, options.by.trim() || 'import'),
      );
      // Line numbers only: a refused line may still be someone's card number.
      io.out(
        `${JSON.stringify({ cards: pseudonyms.size, changed, validUntil, refusedLines: refused })}\n`,
      );
      return setExitCode(refused.length > 0 ? 1 : 0);
    });
}
