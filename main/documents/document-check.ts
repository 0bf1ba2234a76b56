/**
 * What a file in the visitor's folder really is, read from its bytes (never
 * from its name): a PDF the kiosk can show and print, an image, or something
 * it refuses with a reason the screen can say in the visitor's language.
 */
import { PDFDocument } from 'pdf-lib';
import sharp, { type Metadata } from 'sharp';

/** Limits for what a visitor's documents may be; past them the file is refused, whole. */
export interface DocumentLimits {
  maxPages: number;
  /** Width × height of an image, in pixels. */
  maxPixels: number;
  maxBytes: number;
}

export const DEFAULT_LIMITS: DocumentLimits = {
  maxPages: 100,
  maxPixels: 40_000_000,
  maxBytes: 50 * 1024 * 1024,
};

export type DocumentKind = 'pdf' | 'image';

export type DocumentProblem =
  'not-a-document' | 'damaged' | 'encrypted' | 'too-many-pages' | 'too-many-pixels' | 'too-big';

export type DocumentCheck =
  | { ok: true; kind: DocumentKind; type: string; pages: number }
  | { ok: false; problem: DocumentProblem; pages?: number };

const IMAGE_TYPES: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
  heif: 'image/heic',
};

export async function checkDocument(
  bytes: Uint8Array,
  limits: DocumentLimits = DEFAULT_LIMITS,
): Promise<DocumentCheck> {
  if (bytes.length > limits.maxBytes) return { ok: false, problem: 'too-big' };
  // The PDF header may follow a little junk (the format allows it in the first kilobyte).
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return checkPdf(bytes, limits);
  return checkImage(bytes, limits);
}

async function checkPdf(bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentCheck> {
  let pages: number;
  try {
    const document = await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
    });
    // Encrypted: the kiosk could neither show nor print it reliably, and would not ask for its password.
    if (document.isEncrypted) return { ok: false, problem: 'encrypted' };
    pages = document.getPageCount();
  } catch {
    // A header and nothing behind it, or a broken page tree.
    return { ok: false, problem: 'damaged' };
  }
  if (pages === 0) return { ok: false, problem: 'damaged' };
  if (pages > limits.maxPages) return { ok: false, problem: 'too-many-pages', pages };
  return { ok: true, kind: 'pdf', type: 'application/pdf', pages };
}

async function checkImage(bytes: Uint8Array, limits: DocumentLimits): Promise<DocumentCheck> {
  let metadata: Metadata;
  try {
    // Only the header is read: a 100-megapixel image is refused without being decoded.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, problem: 'not-a-document' };
  }
  const type = IMAGE_TYPES[metadata.format];
  if (!type || !metadata.width || !metadata.height) return { ok: false, problem: 'not-a-document' };
  if (metadata.width * metadata.height > limits.maxPixels) {
    return { ok: false, problem: 'too-many-pixels' };
  }
  return { ok: true, kind: 'image', type, pages: 1 };
}
