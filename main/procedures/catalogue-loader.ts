/**
 * Reads procedure files: the built-in catalogue shipped with Borne, then a
 * welcome point's own folder (from the configuration), whose files add
 * procedures or replace built-in ones with the same id. A file with a mistake
 * is refused alone, with its name and field, and the others still load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeIssues } from '../../native/describe-issues.js';
import { projectRoot } from '../app/paths.js';
import { CATEGORIES } from '../contract/guide-contract.js';
import { Procedure } from './procedure-schema.js';

/** Larger than any real procedure by far: a bigger file is a mistake. */
const MAX_FILE_BYTES = 512 * 1024;

export type FileCheck = { ok: true; procedure: Procedure } | { ok: false; problems: string[] };

export interface Catalogue {
  /** By id, in the order the visitor sees them (category, then title). */
  procedures: ReadonlyMap<string, Procedure>;
  /** One line per refused file or folder: `file.json: steps.3.match.0.path: …`. */
  problems: string[];
  /** Where each procedure was read from. */
  files: ReadonlyMap<string, string>;
}

/** The catalogue shipped with Borne (main/procedures/catalogue, next to the sources). */
export function builtInCatalogueDir(): string {
  return join(projectRoot(), 'main', 'procedures', 'catalogue');
}

/** Validates one file's text; every problem names the file and the field. */
export function checkProcedureText(fileName: string, text: string): FileCheck {
  const name = basename(fileName);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`${name}: not valid JSON (${reason})`] };
  }
  const parsed = Procedure.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: describeIssues(parsed.error).map((line) => `${name}: ${line}`) };
  }
  if (name !== `${parsed.data.id}.json`) {
    return { ok: false, problems: [`${name}: id: the file must be named ${parsed.data.id}.json`] };
  }
  return { ok: true, procedure: parsed.data };
}

export function readProcedureFile(path: string): FileCheck {
  const name = basename(path);
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      return {
        ok: false,
        problems: [`${name}: too large (${size} bytes, at most ${MAX_FILE_BYTES})`],
      };
    }
    return checkProcedureText(name, readFileSync(path, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, problems: [`${name}: cannot read (${code})`] };
  }
}

/** Every `*.json` of a folder, valid ones and the problems of the others. */
export function loadCatalogueFolder(dir: string): {
  procedures: { procedure: Procedure; file: string }[];
  problems: string[];
} {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { procedures: [], problems: [`${dir}: cannot read the catalogue folder (${code})`] };
  }
  const procedures: { procedure: Procedure; file: string }[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const check = readProcedureFile(file);
    if (check.ok) procedures.push({ procedure: check.procedure, file });
    else problems.push(...check.problems);
  }
  return { procedures, problems };
}

/** The built-in catalogue, then the welcome point's folder on top of it. */
export function loadCatalogue(options: { builtIn: string; extra?: string }): Catalogue {
  const builtIn = loadCatalogueFolder(options.builtIn);
  const extra = options.extra
    ? loadCatalogueFolder(options.extra)
    : { procedures: [], problems: [] };
  const byId = new Map<string, { procedure: Procedure; file: string }>();
  for (const entry of [...builtIn.procedures, ...extra.procedures]) {
    byId.set(entry.procedure.id, entry);
  }
  const ordered = [...byId.values()].sort(
    (a, b) =>
      CATEGORIES.indexOf(a.procedure.category) - CATEGORIES.indexOf(b.procedure.category) ||
      (a.procedure.title.fr ?? '').localeCompare(b.procedure.title.fr ?? '', 'fr'),
  );
  return {
    procedures: new Map(ordered.map(({ procedure }) => [procedure.id, procedure])),
    files: new Map(ordered.map(({ procedure, file }) => [procedure.id, file])),
    problems: [...builtIn.problems, ...extra.problems],
  };
}
