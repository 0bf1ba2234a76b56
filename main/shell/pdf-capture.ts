/**
 * PDFs a site gives never open in Chromium's PDF viewer (its toolbar saves
 * anywhere and prints outside Borne): a document response that is a PDF is
 * taken through the DevTools protocol (Fetch, at the response stage), handed
 * to the kiosk as a file of the visit, and answered with "204 No Content",
 * so the page the visitor was on stays. Borne's own viewer shows it.
 */
import { parse as parseDisposition } from 'content-disposition';
import type { DevtoolsChannel } from './site-field-watch.js';

export interface HeaderEntry {
  name: string;
  value: string;
}

export interface CapturedPdf {
  /** The name the site gave it (Content-Disposition) or the URL's last part, ending in .pdf. */
  fileName: string;
  bytes: Buffer;
}

const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf', 'application/acrobat']);

function header(headers: readonly HeaderEntry[], name: string): string | undefined {
  return headers.find((entry) => entry.name.toLowerCase() === name)?.value;
}

/** A response Chromium would show in its PDF viewer: the PDF types, or a .pdf sent as bytes. */
export function isPdfResponse(url: string, headers: readonly HeaderEntry[]): boolean {
  const type = (header(headers, 'content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (PDF_TYPES.has(type)) return true;
  return type === 'application/octet-stream' && /\.pdf$/i.test(fileNameFrom(url, headers));
}

/** The document's name: the site's own (Content-Disposition), else the URL's, always ending in .pdf. */
export function pdfFileName(url: string, headers: readonly HeaderEntry[]): string {
  const name = fileNameFrom(url, headers).trim() || 'document';
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

function fileNameFrom(url: string, headers: readonly HeaderEntry[]): string {
  const disposition = header(headers, 'content-disposition');
  if (disposition) {
    try {
      const filename = parseDisposition(disposition).parameters.filename;
      if (filename) return filename;
    } catch {
      // a malformed header: the URL names it
    }
  }
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    return decodeURIComponent(last);
  } catch {
    return '';
  }
}

interface RequestPaused {
  requestId: string;
  request: { url: string };
  responseStatusCode?: number;
  responseHeaders?: HeaderEntry[];
}

/**
 * Starts taking the PDFs of a page's documents (the page, its frames, its
 * embeds); returns the function that stops. `onPdf` stores the file; when it
 * fails, the PDF is still never shown.
 */
export async function capturePdfs(
  channel: DevtoolsChannel,
  onPdf: (pdf: CapturedPdf) => Promise<void>,
): Promise<() => void> {
  const stop = channel.on('Fetch.requestPaused', (params) => {
    void answer(channel, params as unknown as RequestPaused, onPdf);
  });
  await channel.send('Fetch.enable', {
    patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Response' }],
  });
  return stop;
}

async function answer(
  channel: DevtoolsChannel,
  paused: RequestPaused,
  onPdf: (pdf: CapturedPdf) => Promise<void>,
): Promise<void> {
  const { requestId } = paused;
  const status = paused.responseStatusCode ?? 0;
  const headers = paused.responseHeaders ?? [];
  try {
    if (status < 200 || status >= 300 || !isPdfResponse(paused.request.url, headers)) {
      await channel.send('Fetch.continueResponse', { requestId });
      return;
    }
    const body = (await channel.send('Fetch.getResponseBody', { requestId })) as {
      body: string;
      base64Encoded: boolean;
    };
    const bytes = Buffer.from(body.body, body.base64Encoded ? 'base64' : 'utf8');
    await onPdf({ fileName: pdfFileName(paused.request.url, headers), bytes }).catch(() => {});
    await channel.send('Fetch.fulfillRequest', {
      requestId,
      responseCode: 204,
      responseHeaders: [],
    });
  } catch {
    // The page went away, or the body could not be read: never let the PDF through.
    await channel
      .send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' })
      .catch(() => {});
  }
}
