/**
 * Scanners through SANE, with Debian's `scanimage` (sane-utils): USB scanners
 * through their backends, network ones through sane-airscan (eSCL). One page
 * per call, as PNG on stdout; the scanner's states come back as typed results
 * from SANE's own status codes (scanimage exits with them).
 */
import { execFile, spawn } from 'node:child_process';

export type ScannerFailure =
  'none-found' | 'busy' | 'cover-open' | 'jammed' | 'no-paper' | 'unplugged' | 'failed';

export type ScanResult =
  { ok: true; image: Buffer; dpi: number } | { ok: false; failure: ScannerFailure; detail: string };

export interface ScannerDevice {
  id: string;
  model: string;
}

export interface ScanRequest {
  /** SANE device name (e.g. "airscan:e0:Canon MF440"); absent: the first found. */
  device?: string;
  dpi: number;
  mode: 'colour' | 'grey';
  /** Backend options from the configuration, e.g. ["--source", "ADF"]. */
  options?: readonly string[];
}

export interface SaneOptions {
  /** SANE_CONFIG_DIR and friends: tests point SANE at its test backend. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** scanimage's exit code is the SANE_Status of the failure (sane.h). */
const STATUS: Record<number, ScannerFailure> = {
  3: 'busy', // SANE_STATUS_DEVICE_BUSY
  6: 'jammed', // SANE_STATUS_JAMMED
  7: 'no-paper', // SANE_STATUS_NO_DOCS
  8: 'cover-open', // SANE_STATUS_COVER_OPEN
  9: 'unplugged', // SANE_STATUS_IO_ERROR: the device went away mid-scan
};

/**
 * The same states as scanimage words them on stderr (sane_strstatus, with
 * LC_ALL=C), for a backend that reports a failure and then never exits.
 */
const STATUS_TEXT: [RegExp, ScannerFailure][] = [
  [/Device busy/i, 'busy'],
  [/Document feeder jammed/i, 'jammed'],
  [/Document feeder out of documents/i, 'no-paper'],
  [/Scanner cover is open/i, 'cover-open'],
  [/Error during device I\/O/i, 'unplugged'],
];
/** How long scanimage may take to exit after it reported a failure. */
const EXIT_GRACE_MS = 1500;

/** The paper we expect: A4, clamped to what the scanner's glass allows. */
const A4_MM = { width: 210, height: 297 };
const MAX_IMAGE_BYTES = 200 * 1024 * 1024;

export class SaneScanner {
  readonly #env: NodeJS.ProcessEnv;
  readonly #timeoutMs: number;
  /** Each device's scan area, asked once: it is the glass's size. */
  readonly #areas = new Map<string, Promise<{ width: number; height: number } | null>>();

  constructor(options: SaneOptions = {}) {
    // English status lines whatever the kiosk's locale: they are read, not shown.
    this.#env = { ...(options.env ?? process.env), LC_ALL: 'C', LANGUAGE: '' };
    this.#timeoutMs = options.timeoutMs ?? 120_000;
  }

  async list(): Promise<ScannerDevice[]> {
    const out = await this.#run(['-f', '%d\t%v %m%n', '-L'], 30_000).catch(() => '');
    return out
      .split('\n')
      .map((line) => line.split('\t'))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '')
      .map(([id, model]) => ({ id, model: model.trim() }));
  }

  async scan(request: ScanRequest): Promise<ScanResult> {
    const device = request.device ?? (await this.list())[0]?.id;
    if (!device) return { ok: false, failure: 'none-found', detail: 'no SANE device found' };
    let area = this.#areas.get(device);
    if (!area) {
      area = this.#area(device);
      this.#areas.set(device, area);
    }
    const size = await area;
    // Not known (the device did not answer): asked again at the next scan.
    if (!size) this.#areas.delete(device);
    const args = [
      ...['-d', device, '--format=png', '--resolution', String(request.dpi)],
      ...['--mode', request.mode === 'grey' ? 'Gray' : 'Color'],
      ...(size ? ['-x', String(size.width), '-y', String(size.height)] : []),
      ...(request.options ?? []),
    ];
    return new Promise((resolve) => {
      const child = spawn('scanimage', args, { env: this.#env, stdio: ['ignore', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let size = 0;
      let stderr = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), this.#timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_IMAGE_BYTES) child.kill('SIGKILL');
        else chunks.push(chunk);
      });
      /** The failure scanimage reported, when it does not exit after saying so. */
      let reported: ScannerFailure | null = null;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const said = /sane_(?:start|read): (.+)$/m.exec(stderr)?.[1];
        if (reported || !said) return;
        reported = STATUS_TEXT.find(([text]) => text.test(said))?.[1] ?? 'failed';
        // A backend may hang in its clean-up after the failure (SANE's test backend does,
        // about once in 400 scans): the failure is known, the process is not waited for.
        setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS).unref();
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ ok: false, failure: 'failed', detail: `scanimage: ${error.message}` });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        const detail = stderr.trim();
        if (code === 0 && size > 0) {
          resolve({ ok: true, image: Buffer.concat(chunks), dpi: request.dpi });
        } else if (signal && reported) {
          resolve({ ok: false, failure: reported, detail });
        } else if (signal) {
          resolve({ ok: false, failure: 'failed', detail: `stopped (${signal}): ${detail}` });
        } else if (/open of device .* failed/.test(detail)) {
          // The configured scanner is not there (unplugged, switched off, renamed).
          resolve({ ok: false, failure: 'none-found', detail });
        } else {
          resolve({ ok: false, failure: STATUS[code ?? -1] ?? 'failed', detail });
        }
      });
    });
  }

  /** The scan area: A4, or the whole glass when it is smaller. */
  async #area(device: string): Promise<{ width: number; height: number } | null> {
    const out = await this.#run(['-d', device, '-A'], 30_000).catch(() => '');
    const range = (flag: string) => {
      const match = new RegExp(`^\\s*${flag} [\\d.]+\\.\\.([\\d.]+)mm`, 'm').exec(out);
      return match ? Number(match[1]) : null;
    };
    const width = range('-x');
    const height = range('-y');
    if (width === null || height === null) return null;
    return { width: Math.min(A4_MM.width, width), height: Math.min(A4_MM.height, height) };
  }

  #run(args: string[], timeout: number): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile('scanimage', args, { env: this.#env, timeout }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    });
  }
}
