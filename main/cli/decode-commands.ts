/**
 * `borne decode <kind>`: what a reader sent (on standard input), parsed the
 * way Borne parses it, as one JSON object. For technicians checking a reader
 * or a card; raw input never goes to a log.
 */
import type { Command } from 'commander';
import { type DecodeKind, publicResult } from '../../native/hid/parsers/decode-result.js';
import { DECODE_KINDS, PARSERS } from '../../native/hid/parsers/index.js';
import type { CliIo, SetExitCode } from './cli-io.js';

export function addDecodeCommand(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('decode')
    .description('parse what a reader sent (from standard input) and print it as JSON')
    .argument('<kind>', DECODE_KINDS.join(', '))
    .action(async (kind: string) => {
      const parse = PARSERS[kind as keyof typeof PARSERS] as
        ((input: string) => ReturnType<typeof PARSERS.mrz>) | undefined;
      if (!parse) {
        io.err(`unknown kind "${kind}": one of ${DECODE_KINDS.join(', ')}\n`);
        return setExitCode(2);
      }
      // A reader ends its output with a line break; an MRZ keeps its inner ones.
      const input = (await io.readInput()).replace(/[\r\n]+$/, '');
      const result = PARSERS[kind as DecodeKind](input);
      io.out(`${JSON.stringify(publicResult(result))}\n`);
      return setExitCode(result.valid ? 0 : 1);
    });
}
