/**
 * The `borne` command for technicians and admins. Each device and service
 * adds its subcommands here; every command prints plain text or JSON and
 * exits 0 on success, 1 on a failed check, 2 on a usage error.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { BORNE_VERSION } from '../app/version.js';
import { checkConfigText } from '../config/config-file.js';
import { resolveConfigPath } from '../config/config-path.js';
import { defaultConfig } from '../config/config-schema.js';
import { type CliIo, consoleIo } from './cli-io.js';
import { addCatalogueCommands } from './catalogue-commands.js';
import { addDecodeCommand } from './decode-commands.js';
import { addFleetCommands } from './fleet-commands.js';
import { addHidCommands } from './hid-commands.js';
import { addMemberCommands } from './member-commands.js';
import { addPrinterCommands } from './printer-commands.js';
import { addReceiptCommands } from './receipt-commands.js';
import { addStaffCommands } from './staff-commands.js';
import { addStatsCommands } from './stats-commands.js';
import { addVoucherCommands } from './voucher-commands.js';

export type { CliIo } from './cli-io.js';

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

  addReceiptCommands(program, io, setExitCode);
  addPrinterCommands(program, io, setExitCode);
  addDecodeCommand(program, io, setExitCode);
  addHidCommands(program, io, setExitCode);
  addStaffCommands(program, io, setExitCode);
  addStatsCommands(program, io, setExitCode);
  addMemberCommands(program, io, setExitCode);
  addCatalogueCommands(program, io, setExitCode);
  addVoucherCommands(program, io, setExitCode);
  addFleetCommands(program, io, setExitCode);

  return program;
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
