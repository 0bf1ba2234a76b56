/**
 * The visitor's documents as the renderer sees them: the files of the visit's
 * folder, the scan being made, what is left to print. The bytes themselves go
 * over HTTP from the kiosk server (DOCUMENT_PATH, PAGE_PATH), with the same
 * per-launch token as the WebSocket.
 */
import { z } from 'zod';

export const DocumentProblem = z.enum([
  'not-a-document',
  'damaged',
  'encrypted',
  'too-many-pages',
  'too-many-pixels',
  'too-big',
]);
export type DocumentProblem = z.infer<typeof DocumentProblem>;

export const DocumentEntry = z.object({
  name: z.string(),
  kind: z.enum(['pdf', 'image']).nullable(),
  pages: z.number().int().min(0),
  bytes: z.number().int().min(0),
  problem: DocumentProblem.optional(),
});
export type DocumentEntry = z.infer<typeof DocumentEntry>;

export const ScanFailure = z.enum([
  'none-found',
  'busy',
  'cover-open',
  'jammed',
  'no-paper',
  'unplugged',
  'failed',
  /** A scan is already running at this kiosk. */
  'busy-here',
]);
export type ScanFailure = z.infer<typeof ScanFailure>;

export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof Rotation>;
export const ColourMode = z.enum(['colour', 'grey']);
export type ColourMode = z.infer<typeof ColourMode>;

export const DocumentsView = z.object({
  documents: z.array(DocumentEntry),
  /** The scan being made: its pages, each with the turn the visitor gave it. */
  draft: z.array(z.object({ rotation: Rotation })),
  /** Changes with every change of the draft (and only then): the previews' URLs carry it. */
  draftVersion: z.number().int(),
  /** A4 pages this visit may still print; null when no office printer is configured. */
  pagesLeft: z.number().int().min(0).nullable(),
  /**
   * The site opened a file chooser: Borne's picker shows the visit's documents
   * (one, or several when the site's input takes several). Null otherwise.
   */
  picker: z.object({ multiple: z.boolean() }).nullable(),
  /**
   * The last document a site gave (a download, a PDF link), until the visitor
   * looks at it or puts it aside: the kiosk offers "Voir" at once.
   */
  received: DocumentEntry.nullable(),
});
export type DocumentsView = z.infer<typeof DocumentsView>;

export const ScanResultView = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), pages: z.number().int() }),
  z.object({ ok: z.literal(false), failure: ScanFailure }),
]);

export const SaveResultView = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), name: z.string(), pages: z.number().int() }),
  z.object({ ok: z.literal(false), problem: z.enum(['no-page', 'too-big']) }),
]);

export const PrintProblem = z.enum([
  'no-printer',
  'page-limit',
  'printer-unreachable',
  'printer-refused',
  'not-found',
  ...DocumentProblem.options,
]);

export const PrintResultView = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), pages: z.number().int(), pagesLeft: z.number().int() }),
  z.object({ ok: z.literal(false), problem: PrintProblem, pagesLeft: z.number().int() }),
]);
export type PrintResultView = z.infer<typeof PrintResultView>;

const Name = z.string().min(1).max(200);
const NoParams = z.object({}).strict();

export const DOCUMENTS_METHODS = {
  'documents.get': { params: NoParams, result: DocumentsView },
  /** Scans one more page into the draft. */
  'documents.scan': {
    params: z.object({ mode: ColourMode }).strict(),
    result: ScanResultView,
  },
  'documents.rotate': {
    params: z.object({ index: z.number().int().min(0), rotation: Rotation }).strict(),
    result: DocumentsView,
  },
  /** The draft's pages as one PDF in the visit's folder ("justificatif-1.pdf"). */
  'documents.save': {
    params: z.object({ mode: ColourMode }).strict(),
    result: SaveResultView,
  },
  'documents.discard': { params: NoParams, result: DocumentsView },
  'documents.delete': { params: z.object({ name: Name }).strict(), result: DocumentsView },
  'documents.print': { params: z.object({ name: Name }).strict(), result: PrintResultView },
  /** The documents chosen in Borne's picker go into the site's file input. */
  'documents.pick': {
    params: z.object({ names: z.array(Name).min(1).max(20) }).strict(),
    result: z.object({ ok: z.boolean() }).strict(),
  },
  /** The picker closed without a choice: the site's input stays empty. */
  'documents.cancelPick': { params: NoParams, result: DocumentsView },
  /** The visitor saw the document a site gave (or put it aside for later). */
  'documents.seen': { params: NoParams, result: DocumentsView },
} as const;
