/** What every `borne` subcommand shares: where it writes, how it reads files. */
import { readFileSync } from 'node:fs';
import {
  PRINTER_PROFILES,
  PROFILE_NAMES,
  type PrinterProfile,
  type ProfileName,
} from '../../native/printer/printer-profiles.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Raw bytes to stdout (printer data). */
  outBytes: (bytes: Uint8Array) => void;
  /** All of standard input, as text. */
  readInput: () => Promise<string>;
}

export type SetExitCode = (code: number) => void;

export const consoleIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  outBytes: (bytes) => process.stdout.write(bytes),
  readInput: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export const PROFILE_OPTION = `printer profile: ${PROFILE_NAMES.join(', ')}`;

/** The named profile, or undefined after saying which names exist. */
export function profileNamed(name: string, io: CliIo): PrinterProfile | undefined {
  const profile = PRINTER_PROFILES[name as ProfileName] as PrinterProfile | undefined;
  if (!profile) io.err(`unknown profile "${name}": one of ${PROFILE_NAMES.join(', ')}\n`);
  return profile;
}

/** Reads and parses a JSON file, saying why not on stderr. */
export function readJsonFile(file: string, io: CliIo): unknown {
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
