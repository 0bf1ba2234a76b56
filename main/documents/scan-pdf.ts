/**
 * Scanned pages into one PDF a procedure site accepts: each page cropped to
 * the paper (the scanner's lid and edges trimmed), turned as the visitor
 * asked, in colour or grey, then compressed until the whole file fits the
 * site's limit (2 MB unless the procedure says otherwise).
 */
import { PDFDocument } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';

export type Rotation = 0 | 90 | 180 | 270;
export type ColourMode = 'colour' | 'grey';

export interface ScannedPage {
  /** The scanner's image (PNG or PNM), as it came. */
  image: Buffer;
  dpi: number;
  /** Quarter turns, clockwise: found from the text, or asked for by the visitor. */
  rotation: Rotation;
  /** The upright page's small clockwise tilt, in degrees (page-skew.ts); absent: none. */
  skew?: number;
}

export interface PdfOptions {
  mode: ColourMode;
  maxBytes: number;
}

export type PdfResult =
  | { ok: true; bytes: Uint8Array; pages: number; quality: number; dpi: number }
  | { ok: false; problem: 'too-big' | 'no-page' };

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** JPEG qualities tried in turn, then the same at lower resolutions. */
const QUALITIES = [80, 65, 50, 40];
const SCALES = [1, 0.75, 0.5];
/** Text stays legible down to about 100 dpi; below, the file is refused rather than unreadable. */
const MIN_DPI = 100;

/** A page as it will go into the PDF, cropped and turned: also the preview the visitor checks. */
export async function preparePage(page: ScannedPage, mode: ColourMode): Promise<Sharp> {
  const cropped = await autoCrop(page.image);
  const image = page.skew
    ? sharp(await straighten(cropped, page.rotation, page.skew))
    : sharp(cropped).rotate(page.rotation);
  return mode === 'grey' ? image.grayscale() : image.toColourspace('srgb');
}

/**
 * Turns a page upright, then back by its tilt (one rotation per sharp
 * pipeline); the corners this uncovers are white, as the paper.
 */
async function straighten(image: Buffer, rotation: Rotation, skew: number): Promise<Buffer> {
  const upright = await sharp(image).rotate(rotation).png({ compressionLevel: 1 }).toBuffer();
  return sharp(upright)
    .rotate(-skew, { background: '#ffffff' })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Trims the margins that are the scanner's lid or glass, not the paper; keeps the page if nothing is left. */
async function autoCrop(image: Buffer): Promise<Buffer> {
  try {
    const { data, info } = await sharp(image)
      .trim({ threshold: 30 })
      .png({ compressionLevel: 1 })
      .toBuffer({ resolveWithObject: true });
    const original = await sharp(image).metadata();
    // A "page" under a quarter of the glass is a trimmed pattern, not paper: keep it all.
    if (info.width * info.height < ((original.width ?? 0) * (original.height ?? 0)) / 4) {
      return image;
    }
    return data;
  } catch {
    // Nothing to trim (a uniform image): the whole scan is the page.
    return image;
  }
}

export async function pagesToPdf(
  pages: readonly ScannedPage[],
  options: PdfOptions,
): Promise<PdfResult> {
  if (pages.length === 0) return { ok: false, problem: 'no-page' };
  const prepared = await Promise.all(
    pages.map(async (page) => ({
      dpi: page.dpi,
      png: await (await preparePage(page, options.mode)).png({ compressionLevel: 1 }).toBuffer(),
    })),
  );
  for (const scale of SCALES) {
    const dpi = Math.round((prepared[0]?.dpi ?? 150) * scale);
    if (dpi < MIN_DPI && scale !== 1) break;
    for (const quality of QUALITIES) {
      const bytes = await build(prepared, scale, quality, options.mode);
      if (bytes.length <= options.maxBytes) {
        return { ok: true, bytes, pages: pages.length, quality, dpi };
      }
    }
  }
  return { ok: false, problem: 'too-big' };
}

async function build(
  pages: readonly { dpi: number; png: Buffer }[],
  scale: number,
  quality: number,
  mode: ColourMode,
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle('Justificatif');
  document.setProducer('Borne');
  // No creation date or author: nothing about the visit beyond the pages themselves.
  document.setCreator('Borne');
  for (const page of pages) {
    const image = sharp(page.png);
    const { width = 1, height = 1 } = await image.metadata();
    const jpeg = await image
      .resize(Math.round(width * scale), Math.round(height * scale))
      .jpeg({ quality, mozjpeg: true, chromaSubsampling: mode === 'grey' ? '4:4:4' : '4:2:0' })
      .toBuffer();
    const embedded = await document.embedJpg(jpeg);
    // The page keeps the paper's real size: pixels at the scan's resolution, in points.
    const size: [number, number] = [(width / page.dpi) * 72, (height / page.dpi) * 72];
    document.addPage(size).drawImage(embedded, { x: 0, y: 0, width: size[0], height: size[1] });
  }
  return document.save();
}
