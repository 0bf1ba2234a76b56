/**
 * Which way up a scanned page lies: Tesseract's orientation and script
 * detection (OSD, `--psm 0`, Debian's tesseract-ocr and tesseract-ocr-osd).
 * The page is turned before the visitor sees it; "Tourner" still corrects it.
 * A page with too little text (a photo, a card), a doubtful answer or no
 * Tesseract on the machine: the page stays as scanned.
 */
import { execFile } from 'node:child_process';
import { detectSkew } from './page-skew.js';
import type { Rotation } from './scan-pdf.js';

export interface Orientation {
  /** The clockwise turn that puts the text upright. */
  rotation: Rotation;
  confidence: number;
}

/**
 * Below this, Tesseract's guess is no better than chance on a page with a few
 * words; a wrong turn is worse than none (the visitor has to notice it).
 */
export const MIN_CONFIDENCE = 2;
const TIMEOUT_MS = 10_000;

/** Reads `tesseract … --psm 0` output ("Rotate: 90", "Orientation confidence: 14.3"). */
export function parseOsd(output: string): Orientation | null {
  const rotate = /^Rotate:\s*(\d+)\s*$/m.exec(output)?.[1];
  const confidence = /^Orientation confidence:\s*([\d.]+)\s*$/m.exec(output)?.[1];
  if (rotate === undefined || confidence === undefined) return null;
  const rotation = Number(rotate);
  if (rotation !== 0 && rotation !== 90 && rotation !== 180 && rotation !== 270) return null;
  return { rotation, confidence: Number(confidence) };
}

export interface OrientationOptions {
  /** The Tesseract program (tests may point elsewhere). */
  command?: string;
  minConfidence?: number;
  /** The scan's resolution (Tesseract cannot always read it from the image). */
  dpi?: number;
}

/** Programs not installed here: not asked again until the kiosk restarts. */
const missing = new Set<string>();

/** The turn a scanned image (PNG or PNM) needs, or 0 when it cannot be told for sure. */
export function detectRotation(image: Buffer, options: OrientationOptions = {}): Promise<Rotation> {
  const command = options.command ?? 'tesseract';
  if (missing.has(command)) return Promise.resolve(0);
  const minConfidence = options.minConfidence ?? MIN_CONFIDENCE;
  return new Promise((resolve) => {
    const child = execFile(
      command,
      ['stdin', 'stdout', '--psm', '0', ...(options.dpi ? ['--dpi', String(options.dpi)] : [])],
      // One thread: the kiosk stays responsive while a page is looked at.
      { timeout: TIMEOUT_MS, env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      (error, stdout) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') missing.add(command);
        // "Too few characters": Tesseract exits with an error; the page stays as it is.
        const found = error ? null : parseOsd(stdout);
        resolve(found && found.confidence >= minConfidence ? found.rotation : 0);
      },
    );
    child.stdin?.on('error', () => {}); // the program may stop before reading it all
    child.stdin?.end(image);
  });
}

/**
 * How to put a scanned page upright: its quarter turn (Tesseract, a child
 * process) and its small tilt, found at the same time. A tilt keeps its sign
 * under a half turn, so the tilt of the page as scanned and of the page
 * turned a quarter cover every answer.
 */
export async function findUpright(
  image: Buffer,
  dpi: number,
): Promise<{ rotation: Rotation; skew: number }> {
  const [rotation, asScanned, quarter] = await Promise.all([
    detectRotation(image, { dpi }),
    detectSkew(image, 0),
    detectSkew(image, 90),
  ]);
  return { rotation, skew: rotation % 180 === 0 ? asScanned : quarter };
}
