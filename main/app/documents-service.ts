/**
 * The visitor's documents: what they scan, what sites give them, what they
 * print on the office printer. Everything lives in the session folder (which
 * the reset deletes); print jobs are cancelled and purged from CUPS at the
 * reset, so nothing of a visit stays on the machine or in the print spool.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import {
  checkDocument,
  type DocumentCheck,
  type DocumentKind,
  type DocumentProblem,
} from '../documents/document-check.js';
import type { DocumentsSection } from '../documents/documents-config.js';
import { findUpright } from '../documents/page-orientation.js';
import {
  type ColourMode,
  pagesToPdf,
  preparePage,
  type Rotation,
  type ScannedPage,
} from '../documents/scan-pdf.js';
import type { Wiper } from '../session/visitor-session.js';
import type { DOCUMENTS_METHODS, DocumentsView } from '../contract/documents-contract.js';
import type { Handlers } from '../ipc/dispatcher.js';
import { CupsClient, type OfficePrinterState } from '../../native/office-printer/cups-client.js';
import { type ScannerFailure, SaneScanner } from '../../native/scanner/sane-scanner.js';

export interface DocumentView {
  name: string;
  kind: DocumentKind | null;
  pages: number;
  bytes: number;
  /** Why the kiosk cannot show or print it (it can still be deleted). */
  problem?: DocumentProblem;
}

export type ScanOutcome =
  { ok: true; pages: number } | { ok: false; failure: ScannerFailure | 'busy-here' };

export type FinishOutcome =
  { ok: true; document: DocumentView } | { ok: false; problem: 'no-page' | 'too-big' };

export type PrintOutcome =
  | { ok: true; pages: number; pagesLeft: number }
  | {
      ok: false;
      problem:
        | 'no-printer'
        | 'page-limit'
        | 'printer-unreachable'
        | 'printer-refused'
        | 'not-found'
        | DocumentProblem;
      pagesLeft: number;
    };

const THUMBNAIL_HEIGHT = 300;

/** The first page of a PDF as PNG, by poppler's pdftoppm (Debian's poppler-utils). */
function firstPagePng(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'pdftoppm',
      ['-png', '-f', '1', '-l', '1', '-scale-to', String(THUMBNAIL_HEIGHT), '--', path],
      { encoding: 'buffer', timeout: 10_000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

/** The name a scan gets: plain words a visitor recognises in a site's file list. */
const SCAN_NAME = 'justificatif';
const PREVIEW_HEIGHT = 1000;

export interface DocumentsServiceOptions {
  /** The current visit's folder (it changes at each reset). */
  folder: () => string;
  config: () => DocumentsSection;
  scanner?: SaneScanner;
  /** Builds the CUPS client for the configured queue (tests give theirs). */
  cups?: (queue: string, server: string | undefined) => CupsClient;
  onChange?: () => void;
}

/** A site's file chooser, waiting for Borne's picker: `deliver` fills the site's input. */
export interface FileChooserRequest {
  multiple: boolean;
  deliver: (paths: string[]) => Promise<void>;
}

export interface DocumentsService extends Wiper {
  /** The site opened a file chooser: the picker shows until a choice or a cancel. */
  openPicker(request: FileChooserRequest): void;
  /** A site gave a file (download, PDF link), now in the visit's folder: the kiosk offers it. */
  received(path: string): void;
  /** The IPC methods of the contract's documents part. */
  handlers: Pick<Handlers, keyof typeof DOCUMENTS_METHODS>;
  view(): Promise<DocumentsView>;
  list(): Promise<DocumentView[]>;
  scanPage(mode: ColourMode): Promise<ScanOutcome>;
  rotatePage(index: number, rotation: Rotation): void;
  pagePreview(index: number): Promise<Buffer | null>;
  draftPages(): number;
  finishScan(mode: ColourMode): Promise<FinishOutcome>;
  discardScan(): void;
  remove(name: string): boolean;
  /** A document's bytes for the viewer, or null (unknown, outside the folder, or refused). */
  read(name: string): Promise<{ bytes: Buffer; type: string } | null>;
  /** The first page as a PNG about 300 px high (list and picker), or null. */
  thumbnail(name: string): Promise<Buffer | null>;
  print(name: string): Promise<PrintOutcome>;
  pagesLeft(): number;
  printerState(): Promise<OfficePrinterState | null>;
}

export function createDocumentsService(options: DocumentsServiceOptions): DocumentsService {
  const scanner = options.scanner ?? new SaneScanner();
  const cupsFor =
    options.cups ?? ((queue, server) => new CupsClient({ queue, ...(server ? { server } : {}) }));
  let draft: ScannedPage[] = [];
  let draftVersion = 0;
  let picker: FileChooserRequest | null = null;
  /** The name of the document a site just gave, until the visitor has seen it. */
  let received: string | null = null;
  /** Closes the site's chooser with what was chosen (nothing, when cancelled). */
  const closePicker = async (paths: string[]) => {
    const open = picker;
    picker = null;
    await open?.deliver(paths).catch(() => undefined);
  };
  let scanning = false;
  let printedPages = 0;
  /** This visit's jobs, by queue: purged at the reset whatever their state. */
  let jobs: { client: CupsClient; id: number }[] = [];
  const changed = () => options.onChange?.();
  /** The draft changed: its previews' URLs change with the version. */
  const draftChanged = () => {
    draftVersion += 1;
    changed();
  };
  /** Each draft page's preview, made once: a turn makes a new page object, so a new preview. */
  let previews = new WeakMap<ScannedPage, Promise<Buffer>>();

  const office = () => {
    const { queue, server } = options.config().officePrinter;
    return queue ? cupsFor(queue, server) : null;
  };
  const pagesLeft = () => Math.max(0, options.config().pagesPerVisit - printedPages);

  /** A file of the visit's folder by its plain name; nothing else is reachable. */
  const fileOf = (name: string): string | null => {
    if (!/^[^/\\\0]+$/.test(name) || name.startsWith('.')) return null;
    const path = join(options.folder(), name);
    try {
      return lstatSync(path).isFile() ? path : null;
    } catch {
      return null;
    }
  };

  /** Each file's check, kept while its size and time are unchanged: the list is asked at every change. */
  let checks = new Map<string, { stamp: string; check: Promise<DocumentCheck> }>();
  const checkOf = async (path: string): Promise<{ check: DocumentCheck; size: number }> => {
    const { size, mtimeMs } = statSync(path);
    const stamp = `${size}:${mtimeMs}`;
    let known = checks.get(path);
    if (known?.stamp !== stamp) {
      known = { stamp, check: checkDocument(readFileSync(path)) };
      checks.set(path, known);
    }
    return { check: await known.check, size };
  };

  const describe = async (name: string): Promise<DocumentView | null> => {
    const path = fileOf(name);
    if (!path) return null;
    const { check, size } = await checkOf(path);
    return check.ok
      ? { name, kind: check.kind, pages: check.pages, bytes: size }
      : { name, kind: null, pages: check.pages ?? 0, bytes: size, problem: check.problem };
  };

  const service: DocumentsService = {
    name: 'documents',

    handlers: {
      'documents.get': () => service.view(),
      'documents.scan': ({ mode }) => service.scanPage(mode),
      'documents.rotate': ({ index, rotation }) => {
        service.rotatePage(index, rotation);
        return service.view();
      },
      'documents.save': async ({ mode }) => {
        const saved = await service.finishScan(mode);
        return saved.ok
          ? { ok: true, name: saved.document.name, pages: saved.document.pages }
          : saved;
      },
      'documents.discard': () => {
        service.discardScan();
        return service.view();
      },
      'documents.delete': ({ name }) => {
        service.remove(name);
        return service.view();
      },
      'documents.print': ({ name }) => service.print(name),
      'documents.pick': async ({ names }) => {
        if (!picker) return { ok: false };
        const chosen = picker.multiple ? names : names.slice(0, 1);
        const paths: string[] = [];
        for (const name of chosen) {
          const path = fileOf(name);
          // Only what the kiosk itself can open goes to a site.
          if (!path || (await describe(name))?.problem !== undefined) return { ok: false };
          paths.push(path);
        }
        await closePicker(paths);
        changed();
        return { ok: true };
      },
      'documents.cancelPick': async () => {
        await closePicker([]);
        changed();
        return service.view();
      },
      'documents.seen': () => {
        if (received !== null) {
          received = null;
          changed();
        }
        return service.view();
      },
    },

    received(path) {
      const name = basename(path);
      // Only a file of this visit's folder (a late download of the last visit is not).
      if (fileOf(name) !== path) return;
      received = name;
      changed();
    },

    openPicker(request) {
      // A second chooser replaces the first, which closes empty.
      void closePicker([]);
      picker = request;
      changed();
    },

    async view() {
      const documents = await service.list();
      return {
        documents,
        received: documents.find((entry) => entry.name === received) ?? null,
        draft: draft.map((page) => ({ rotation: page.rotation })),
        draftVersion,
        pagesLeft: options.config().officePrinter.queue ? pagesLeft() : null,
        picker: picker && { multiple: picker.multiple },
      };
    },

    async list() {
      const names = readdirSync(options.folder())
        .filter((name) => !name.startsWith('.'))
        .sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
      const views = await Promise.all(names.map(describe));
      return views.filter((view): view is DocumentView => view !== null);
    },

    async scanPage(mode) {
      if (scanning) return { ok: false, failure: 'busy-here' };
      scanning = true;
      try {
        const { scanner: settings } = options.config();
        const result = await scanner.scan({
          ...(settings.device ? { device: settings.device } : {}),
          dpi: settings.dpi,
          mode,
          options: settings.options,
        });
        if (!result.ok) return { ok: false, failure: result.failure };
        const { rotation, skew } = settings.autoRotate
          ? await findUpright(result.image, result.dpi)
          : { rotation: 0 as const, skew: 0 };
        draft.push({ image: result.image, dpi: result.dpi, rotation, skew });
        draftChanged();
        return { ok: true, pages: draft.length };
      } finally {
        scanning = false;
      }
    },

    rotatePage(index, rotation) {
      const page = draft[index];
      if (page) draft[index] = { ...page, rotation };
      draftChanged();
    },

    async pagePreview(index) {
      const page = draft[index];
      if (!page) return null;
      let preview = previews.get(page);
      if (!preview) {
        preview = preparePage(page, 'colour').then((image) =>
          image.resize({ height: PREVIEW_HEIGHT, withoutEnlargement: true }).png().toBuffer(),
        );
        previews.set(page, preview);
        // A failed preview is made again at the next ask.
        preview.catch(() => previews.delete(page));
      }
      return preview;
    },

    draftPages: () => draft.length,

    async finishScan(mode) {
      const maxBytes = Math.round(options.config().scanMaxMegabytes * 1024 * 1024);
      const result = await pagesToPdf(draft, { mode, maxBytes });
      if (!result.ok) return result;
      const folder = options.folder();
      const taken = new Set(readdirSync(folder));
      let number = 1;
      while (taken.has(`${SCAN_NAME}-${number}.pdf`)) number += 1;
      const name = `${SCAN_NAME}-${number}.pdf`;
      // Written whole or not at all: a half-written PDF never shows in the list.
      const temporary = join(folder, `.${randomUUID()}.part`);
      writeFileSync(temporary, result.bytes, { mode: 0o600 });
      renameSync(temporary, join(folder, name));
      draft = [];
      draftChanged();
      return {
        ok: true,
        document: { name, kind: 'pdf', pages: result.pages, bytes: result.bytes.length },
      };
    },

    discardScan() {
      draft = [];
      draftChanged();
    },

    remove(name) {
      const path = fileOf(name);
      if (!path) return false;
      rmSync(path, { force: true });
      changed();
      return true;
    },

    async read(name) {
      const path = fileOf(name);
      if (!path) return null;
      const { check } = await checkOf(path);
      return check.ok ? { bytes: readFileSync(path), type: check.type } : null;
    },

    async thumbnail(name) {
      const path = fileOf(name);
      const view = await describe(name);
      if (!path || !view || view.problem) return null;
      try {
        return view.kind === 'pdf'
          ? await firstPagePng(path)
          : await sharp(path).resize({ height: THUMBNAIL_HEIGHT }).png().toBuffer();
      } catch {
        return null;
      }
    },

    async print(name) {
      const client = office();
      if (!client) return { ok: false, problem: 'no-printer', pagesLeft: pagesLeft() };
      const view = await describe(name);
      const path = fileOf(name);
      if (!view || !path) return { ok: false, problem: 'not-found', pagesLeft: pagesLeft() };
      if (view.problem) return { ok: false, problem: view.problem, pagesLeft: pagesLeft() };
      if (view.pages > pagesLeft()) {
        return { ok: false, problem: 'page-limit', pagesLeft: pagesLeft() };
      }
      const submitted = await client.submit(path, name);
      if (!submitted.ok) {
        const problem = submitted.reason === 'refused' ? 'printer-refused' : 'printer-unreachable';
        return { ok: false, problem, pagesLeft: pagesLeft() };
      }
      jobs.push({ client, id: submitted.jobId });
      printedPages += view.pages;
      changed();
      return { ok: true, pages: view.pages, pagesLeft: pagesLeft() };
    },

    pagesLeft,

    async printerState() {
      return (await office()?.state()) ?? null;
    },

    async wipe() {
      await closePicker([]);
      received = null;
      checks = new Map();
      draft = [];
      previews = new WeakMap();
      printedPages = 0;
      const mine = jobs;
      jobs = [];
      // Cancelled and purged: a job still waiting (printer off, out of paper) never prints for the next visitor.
      const byClient = new Map<CupsClient, number[]>();
      for (const job of mine)
        byClient.set(job.client, [...(byClient.get(job.client) ?? []), job.id]);
      for (const [client, ids] of byClient) await client.purge(ids);
    },
  };
  return service;
}
