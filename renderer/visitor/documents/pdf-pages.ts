/**
 * pdf.js for Borne's viewer and print preview: one worker for the page, no
 * eval (the kiosk page's CSP forbids it), pages drawn on a canvas fitted to
 * a box. Loaded only with the components that show documents.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };

/**
 * One worker for every document the kiosk opens: starting pdf.js's worker
 * (1.2 MB of script) is most of the time to the first page. A document
 * destroyed leaves nothing in it.
 */
let worker: PDFWorker | null = null;

function sharedWorker(): PDFWorker {
  if (!worker || worker.destroyed) worker = new PDFWorker();
  return worker;
}

/** Starts the worker ahead, where a document is about to be opened ("Mes documents", a site's document). */
export function startPdfWorker(): void {
  sharedWorker();
}

/** The visit ended: the worker goes with it (the next visitor's gets a new one). */
export function stopPdfWorker(): void {
  worker?.destroy();
  worker = null;
}

export function openPdf(url: string): { promise: Promise<PDFDocumentProxy>; close: () => void } {
  const task = getDocument({ url, isEvalSupported: false, worker: sharedWorker() });
  return { promise: task.promise, close: () => void task.destroy() };
}

/**
 * Draws page `number` on `canvas`, as big as `box` allows times `zoom`.
 * `cancel` stops a drawing not finished (a page turned quickly): pdf.js
 * refuses two drawings on one canvas at once.
 */
export function drawPage(
  document_: PDFDocumentProxy,
  number: number,
  canvas: HTMLCanvasElement,
  box: { width: number; height: number },
  zoom = 1,
): { done: Promise<void>; cancel: () => void } {
  let cancelled = false;
  let task: { cancel: () => void } | null = null;
  const done = document_.getPage(number).then(async (page) => {
    if (cancelled) return;
    const natural = page.getViewport({ scale: 1 });
    const fit = Math.min(box.width / natural.width, box.height / natural.height);
    const viewport = page.getViewport({ scale: fit * zoom * devicePixelRatio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / devicePixelRatio)}px`;
    const render = page.render({ canvas, viewport });
    task = render;
    await render.promise;
    canvas.dataset.renderedPage = String(number);
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}
