/**
 * `borne catalogue validate [dir]` and `borne catalogue show <id>`: for a
 * welcome point writing its own procedure files, and for a volunteer
 * checking what the kiosk will say. Without a folder, both read the
 * catalogue this kiosk loads (the built-in one and the configured folder).
 */
import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { LANGUAGE_CODES, LanguageCode } from '../contract/ipc-contract.js';
import { loadConfigFile } from '../config/config-file.js';
import { resolveConfigPath } from '../config/config-path.js';
import {
  builtInCatalogueDir,
  type Catalogue,
  loadCatalogue,
  loadCatalogueFolder,
} from '../procedures/catalogue-loader.js';
import {
  localizedTexts,
  missingTranslations,
  resolveProcedure,
} from '../procedures/procedure-text.js';
import type { CliIo, SetExitCode } from './cli-io.js';

/** Missing paths listed on a line before "…". */
const LISTED = 5;

/** The catalogue of a folder alone, or the one this kiosk runs on. */
function readCatalogue(dir: string | undefined): Catalogue {
  if (dir) {
    const folder = loadCatalogueFolder(dir);
    return {
      procedures: new Map(folder.procedures.map(({ procedure }) => [procedure.id, procedure])),
      files: new Map(folder.procedures.map(({ procedure, file }) => [procedure.id, file])),
      problems: folder.problems,
    };
  }
  const configPath = resolveConfigPath();
  const extra = loadConfigFile(configPath).config.procedures.catalogueDir;
  return loadCatalogue({
    builtIn: builtInCatalogueDir(),
    extra: extra ? resolve(dirname(configPath), extra) : undefined,
  });
}

export function addCatalogueCommands(program: Command, io: CliIo, setExitCode: SetExitCode) {
  const catalogue = program
    .command('catalogue')
    .description('guided procedure files: check them, show what a visitor reads');

  catalogue
    .command('validate')
    .description(
      'check every procedure file; a line per problem, then a JSON summary (exit 1 on any error)',
    )
    .argument('[dir]', 'a folder of procedure files (default: the catalogue this kiosk loads)')
    .action((dir: string | undefined) => {
      const read = readCatalogue(dir);
      for (const problem of read.problems) io.out(`error: ${problem}\n`);
      let missing = 0;
      const complete = new Set<string>(LANGUAGE_CODES);
      let untranslated = 0;
      for (const [id, procedure] of read.procedures) {
        for (const language of LANGUAGE_CODES) {
          const paths = missingTranslations(procedure, language);
          if (paths.length === 0) continue;
          complete.delete(language);
          // Not begun in this language: shown wholly in French, as designed.
          if (paths.length === localizedTexts(procedure).length) {
            untranslated += 1;
            continue;
          }
          // Begun and unfinished: a translator's work to complete (shown in French meanwhile).
          missing += paths.length;
          const listed = paths.slice(0, LISTED).join(', ') + (paths.length > LISTED ? ', …' : '');
          io.out(`missing: ${id}.json: ${paths.length} texts not in ${language}: ${listed}\n`);
        }
      }
      const summary = {
        procedures: read.procedures.size,
        languages: LANGUAGE_CODES.filter((language) => complete.has(language)),
        missingTranslations: missing,
        /** Procedure × language pairs with no text at all: shown in French. */
        untranslated,
        errors: read.problems.length,
      };
      io.out(`${JSON.stringify(summary)}\n`);
      setExitCode(read.problems.length > 0 ? 1 : 0);
    });

  catalogue
    .command('show')
    .description('print a procedure as a visitor reads it, as JSON')
    .argument('<id>', 'procedure id, such as caf-declaration-trimestrielle')
    .option('--lang <language>', `visitor language: ${LANGUAGE_CODES.join(', ')}`, 'fr')
    .option('--dir <dir>', 'a folder of procedure files (default: the catalogue this kiosk loads)')
    .action((id: string, options: { lang: string; dir?: string }) => {
      const language = LanguageCode.safeParse(options.lang);
      if (!language.success) {
        io.err(`unknown language "${options.lang}": one of ${LANGUAGE_CODES.join(', ')}\n`);
        return setExitCode(2);
      }
      const read = readCatalogue(options.dir);
      const procedure = read.procedures.get(id);
      if (!procedure) {
        io.err(`no procedure "${id}": one of ${[...read.procedures.keys()].join(', ')}\n`);
        return setExitCode(1);
      }
      const shown = resolveProcedure(procedure, language.data);
      if (shown.language !== language.data) {
        io.err(`${id} is not complete in ${language.data}: shown in French, as visitors see it\n`);
      }
      io.out(`${JSON.stringify({ ...shown, startUrl: procedure.startUrl }, null, 2)}\n`);
      setExitCode(0);
    });
}
