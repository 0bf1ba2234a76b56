/**
 * The welcome point's office printer (A4), through CUPS: jobs go in with `lp`,
 * come out with `cancel -x` (cancelled and purged, spool file included), and
 * the printer's state is read over IPP with `ipptool`. These are CUPS's own
 * clients (Debian's cups-client and cups-ipp-utils): they speak IPP to the
 * scheduler exactly as every other program on the machine does.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CupsQueue {
  /** CUPS queue name, e.g. "accueil-a4". */
  queue: string;
  /** host:port of the scheduler; absent: the machine's own (CUPS_SERVER or the local socket). */
  server?: string;
}

/** The printer as IPP describes it, reduced to what staff act on. */
export interface OfficePrinterState {
  state: 'idle' | 'printing' | 'stopped' | 'unreachable';
  /** Problems staff can fix, from printer-state-reasons. */
  problems: OfficePrinterProblem[];
  /** Supplies with a level (0 to 100), when the printer reports them. */
  supplies: { name: string; level: number }[];
  accepting: boolean;
}

export type OfficePrinterProblem =
  'paper-out' | 'paper-low' | 'paper-jam' | 'toner-out' | 'toner-low' | 'door-open' | 'offline';

export type SubmitResult =
  | { ok: true; jobId: number }
  | { ok: false; reason: 'unreachable' | 'unknown-queue' | 'refused'; detail: string };

type Run = (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<string>;

const TIMEOUT_MS = 10_000;

const runCommand: Run = (command, args, env) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${stderr || stdout || error.message}`.trim()));
      else resolve(stdout);
    });
  });

export class CupsClient {
  constructor(
    readonly target: CupsQueue,
    private readonly run: Run = runCommand,
  ) {}

  /** Sends a PDF to the queue as one job, on A4, scaled to fit. */
  async submit(file: string, title: string): Promise<SubmitResult> {
    try {
      const out = await this.run(
        'lp',
        ['-d', this.target.queue, '-t', title, '-o', 'media=A4', '-o', 'fit-to-page', '--', file],
        this.#env(),
      );
      const id = /request id is \S+-(\d+)/.exec(out)?.[1];
      if (!id) return { ok: false, reason: 'refused', detail: out.trim() };
      return { ok: true, jobId: Number(id) };
    } catch (error) {
      const detail = (error as Error).message;
      // lp says "does not exist" when it cannot reach the scheduler too: ask the scheduler.
      if (!(await this.schedulerRunning())) return { ok: false, reason: 'unreachable', detail };
      const unknown = /does not exist/i.test(detail);
      return { ok: false, reason: unknown ? 'unknown-queue' : 'refused', detail };
    }
  }

  async schedulerRunning(): Promise<boolean> {
    const out = await this.run('lpstat', ['-r'], this.#env()).catch(() => '');
    return /scheduler is running/i.test(out);
  }

  /** Cancels the jobs and purges them from CUPS (job files and history). */
  async purge(jobIds: readonly number[]): Promise<void> {
    if (jobIds.length === 0) return;
    await this.run(
      'cancel',
      ['-x', ...jobIds.map((id) => `${this.target.queue}-${id}`)],
      this.#env(),
    ).catch((error: unknown) => {
      // A job already gone (printed, and its history off) is what we wanted.
      if (!/does not exist|not found|already/i.test((error as Error).message)) throw error;
    });
  }

  /** The queue's jobs not yet completed. */
  async pendingJobs(): Promise<number[]> {
    const out = await this.run('lpstat', ['-o', this.target.queue], this.#env()).catch(() => '');
    return [...out.matchAll(new RegExp(`^${escapeRegExp(this.target.queue)}-(\\d+)\\s`, 'gm'))].map(
      (match) => Number(match[1]),
    );
  }

  /** The printer's state over IPP: CUPS relays what the device itself reports. */
  async state(): Promise<OfficePrinterState> {
    const server = this.target.server ?? process.env.CUPS_SERVER ?? 'localhost:631';
    const uri = `ipp://${server.startsWith('/') ? 'localhost' : server}/printers/${this.target.queue}`;
    let out: string;
    try {
      out = await this.run('ipptool', ['-T', '5', '-c', uri, stateTestFile()], this.#env());
    } catch {
      return { state: 'unreachable', problems: ['offline'], supplies: [], accepting: false };
    }
    return parseStateCsv(out);
  }

  #env(): NodeJS.ProcessEnv {
    return this.target.server ? { ...process.env, CUPS_SERVER: this.target.server } : process.env;
  }
}

const STATE_ATTRIBUTES = [
  'printer-state',
  'printer-state-reasons',
  'printer-is-accepting-jobs',
  'marker-names',
  'marker-levels',
];

let stateTest: string | undefined;
/** ipptool's request, written once per process. */
function stateTestFile(): string {
  if (stateTest) return stateTest;
  stateTest = join(tmpdir(), `borne-printer-state-${process.pid}.test`);
  writeFileSync(
    stateTest,
    `{
  NAME "Borne printer state"
  OPERATION Get-Printer-Attributes
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR keyword requested-attributes ${STATE_ATTRIBUTES.join(',')}
  STATUS successful-ok
${STATE_ATTRIBUTES.map((name) => `  DISPLAY ${name}`).join('\n')}
}
`,
  );
  return stateTest;
}

/** printer-state-reasons keywords (RFC 8011 and PWG 5100.9), by what staff do about them. */
const PROBLEMS: [RegExp, OfficePrinterProblem][] = [
  [/^media-empty|^media-needed/, 'paper-out'],
  [/^media-low/, 'paper-low'],
  [/^media-jam/, 'paper-jam'],
  [/^(toner|marker-supply)-empty/, 'toner-out'],
  [/^(toner|marker-supply)-low/, 'toner-low'],
  [/^(door|cover)-open/, 'door-open'],
  [/^(offline|connecting-to-device|shutdown)/, 'offline'],
];

/** Reads ipptool's CSV answer (a header line, then one line of values). */
export function parseStateCsv(csv: string): OfficePrinterState {
  const [header, values] = csv
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseCsvLine);
  const field = (name: string) => values?.[header?.indexOf(name) ?? -1] ?? '';
  const list = (name: string) =>
    field(name)
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '' && item !== 'none');
  const reasons = list('printer-state-reasons');
  const problems = [
    ...new Set(
      reasons.flatMap((reason) => {
        // "-report" is informational in IPP; the other suffixes are problems.
        if (reason.endsWith('-report')) return [];
        const found = PROBLEMS.find(([pattern]) => pattern.test(reason));
        return found ? [found[1]] : [];
      }),
    ),
  ];
  const names = list('marker-names');
  const levels = list('marker-levels').map(Number);
  const state = field('printer-state');
  return {
    state: state === 'processing' ? 'printing' : state === 'stopped' ? 'stopped' : 'idle',
    problems,
    supplies: names.flatMap((name, index) => {
      const level = levels[index];
      return level !== undefined && level >= 0 ? [{ name, level }] : [];
    }),
    accepting: field('printer-is-accepting-jobs') === 'true',
  };
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted && char === '"' && line[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
