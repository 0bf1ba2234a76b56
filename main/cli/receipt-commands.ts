/**
 * `borne receipt …`: design receipts without a printer. Documents are the
 * JSON receipt model (README, "Receipt model"); pictures are found next to
 * the document.
 */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeIssues } from '../../native/describe-issues.js';
import { PRINTER_PROFILES, type PrinterProfile } from '../../native/printer/printer-profiles.js';
import { type EncodedReceipt, encodeReceipt } from '../../native/printer/receipt-encoder.js';
import { loadReceiptImages } from '../../native/printer/receipt-images.js';
import { ReceiptDocument } from '../../native/printer/receipt-model.js';
import { previewPng } from '../../native/printer/receipt-preview.js';
import {
  exampleDocument,
  TEMPLATE_NAMES,
  TEMPLATES,
  type TemplateName,
} from '../../native/printer/templates/template-registry.js';
import { loadConfigFile } from '../config/config-file.js';
import { defaultConfig, receiptIdentity } from '../config/config-schema.js';
import {
  type CliIo,
  PROFILE_OPTION,
  profileNamed,
  readJsonFile,
  type SetExitCode,
} from './cli-io.js';

export function addReceiptCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  const receipt = program.command('receipt').description('design and check receipts (ESC/POS)');

  /** Reads, validates and encodes a document file, or says why not. */
  const encodeFile = (file: string, profile: PrinterProfile): EncodedReceipt | undefined => {
    const json = readJsonFile(file, io);
    if (json === undefined) return undefined;
    const parsed = ReceiptDocument.safeParse(json);
    if (!parsed.success) {
      io.err(
        `${file}: invalid\n${describeIssues(parsed.error)
          .map((line) => `  - ${line}\n`)
          .join('')}`,
      );
      return undefined;
    }
    const images = loadReceiptImages(parsed.data, dirname(resolve(file)));
    if (!images.ok) {
      io.err(`${file}: invalid\n  - ${images.error}\n`);
      return undefined;
    }
    const encoded = encodeReceipt(parsed.data, profile, images.images);
    for (const warning of encoded.warnings) io.err(`warning: ${warning}\n`);
    return encoded;
  };

  receipt
    .command('encode')
    .description('encode a receipt document (JSON) to ESC/POS bytes on stdout')
    .argument('<file>', 'receipt document (see README, "Receipt model")')
    .option('--profile <name>', PROFILE_OPTION, 'epson-tm-t20')
    .action((file: string, options: { profile: string }) => {
      const profile = profileNamed(options.profile, io);
      if (!profile) return setExitCode(2);
      const encoded = encodeFile(file, profile);
      if (!encoded) return setExitCode(1);
      io.outBytes(encoded.bytes);
      return setExitCode(0);
    });

  receipt
    .command('preview')
    .description('draw what the printer would print for a document, as a PNG')
    .argument('<file>', 'receipt document (JSON)')
    .requiredOption('-o, --output <png>', 'PNG file to write')
    .option('--profile <name>', PROFILE_OPTION, 'epson-tm-t20')
    .action((file: string, options: { output: string; profile: string }) => {
      const profile = profileNamed(options.profile, io);
      if (!profile) return setExitCode(2);
      const encoded = encodeFile(file, profile);
      if (!encoded) return setExitCode(1);
      // Drawn from the bytes, through the interpreter: what the printer gets, not what was meant.
      writeFileSync(options.output, previewPng(encoded.bytes, profile.dots));
      io.out(`${options.output}: ${profile.label}, ${encoded.bytes.length} bytes\n`);
      return setExitCode(0);
    });

  receipt
    .command('sample')
    .description('print a template filled with example data, as a document to preview or adapt')
    .argument('<template>', TEMPLATE_NAMES.join(', '))
    .option('--profile <name>', PROFILE_OPTION, 'epson-tm-t20')
    .option('--config <file>', 'take the association and site from this configuration')
    .action((name: string, options: { profile: string; config?: string }) => {
      const profile = profileNamed(options.profile, io);
      if (!profile) return setExitCode(2);
      if (!(name in TEMPLATES)) {
        io.err(`unknown template "${name}": one of ${TEMPLATE_NAMES.join(', ')}\n`);
        return setExitCode(2);
      }
      const config = options.config ? loadConfigFile(options.config) : undefined;
      if (config && config.status.source !== 'file') {
        const problems = config.status.problems.length > 0 ? config.status.problems : ['not found'];
        io.err(`${options.config}: invalid\n${problems.map((p) => `  - ${p}\n`).join('')}`);
        return setExitCode(1);
      }
      const identity = receiptIdentity(config?.config ?? defaultConfig());
      // A logo path in the configuration is relative to the configuration file.
      const logo =
        identity.logo && options.config
          ? resolve(dirname(options.config), identity.logo)
          : identity.logo;
      const document = exampleDocument(
        name as TemplateName,
        { ...identity, logo },
        profile,
        new Date(),
      );
      io.out(`${JSON.stringify(document, null, 2)}\n`);
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
}
