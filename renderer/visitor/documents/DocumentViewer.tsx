import closeIcon from '@material-symbols/svg-400/rounded/close.svg';
import printIcon from '@material-symbols/svg-400/rounded/print.svg';
import zoomInIcon from '@material-symbols/svg-400/rounded/zoom_in.svg';
import zoomOutIcon from '@material-symbols/svg-400/rounded/zoom_out.svg';
import nextIcon from '@material-symbols/svg-400/rounded/arrow_forward.svg';
import previousIcon from '@material-symbols/svg-400/rounded/arrow_back.svg';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentEntry } from '../../../main/contract/documents-contract';
import { documentUrl } from '../../kit/document-urls';
import { Icon } from '../../kit/Icon';
import { DocumentsNotice, type Notice } from './DocumentsNotice';
import { drawPage, openPdf, type PDFDocumentProxy } from './pdf-pages';

const ZOOMS = [1, 1.5, 2, 3];

/**
 * Borne's own viewer: one page at a time, as big as the screen allows, with
 * big buttons to zoom and turn pages. Never Chromium's PDF viewer, whose
 * toolbar could save or print outside Borne.
 */
export function DocumentViewer({
  entry,
  onClose,
  onPrint,
  notice,
}: {
  entry: DocumentEntry;
  onClose: () => void;
  /** Absent when no office printer is configured. */
  onPrint?: () => void;
  notice: Notice | null;
}) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState(0);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);
  const [document_, setDocument] = useState<PDFDocumentProxy | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const area = useRef<HTMLDivElement>(null);
  const url = documentUrl(entry.name);

  useEffect(() => {
    if (entry.kind !== 'pdf') return;
    const pdf = openPdf(url);
    pdf.promise.then(setDocument, () => setFailed(true));
    return pdf.close;
  }, [entry.kind, url]);

  useEffect(() => {
    if (!document_ || !canvas.current || !area.current) return;
    const box = area.current.getBoundingClientRect();
    const drawing = drawPage(document_, page, canvas.current, box, ZOOMS[zoom]);
    drawing.done.catch((error: unknown) => {
      // A drawing cancelled for the next one is not a failure.
      if ((error as { name?: string }).name !== 'RenderingCancelledException') setFailed(true);
    });
    return drawing.cancel;
  }, [document_, page, zoom]);

  const pages = entry.kind === 'pdf' ? (document_?.numPages ?? entry.pages) : 1;
  return (
    <div className="screen viewer" data-screen="viewer">
      <header className="viewer__bar">
        <h1 className="viewer__title" dir="auto">
          {entry.name}
        </h1>
        <button
          type="button"
          className="big-button big-button--compact"
          disabled={zoom === 0}
          onClick={() => setZoom((current) => Math.max(0, current - 1))}
        >
          <Icon src={zoomOutIcon} size={40} />
          {t('documents.viewer.zoomOut')}
        </button>
        <button
          type="button"
          className="big-button big-button--compact"
          disabled={zoom === ZOOMS.length - 1}
          onClick={() => setZoom((current) => Math.min(ZOOMS.length - 1, current + 1))}
        >
          <Icon src={zoomInIcon} size={40} />
          {t('documents.viewer.zoomIn')}
        </button>
        {onPrint && (
          <button type="button" className="big-button big-button--compact" onClick={onPrint}>
            <Icon src={printIcon} size={40} />
            {t('documents.print')}
          </button>
        )}
        <button
          type="button"
          className="big-button big-button--compact"
          data-testid="viewer-close"
          onClick={onClose}
        >
          <Icon src={closeIcon} size={40} />
          {t('documents.viewer.close')}
        </button>
      </header>
      <main className="viewer__main">
        <DocumentsNotice notice={notice} />
        <div
          className="viewer__page"
          ref={area}
          data-zoom={ZOOMS[zoom]}
          // Scrolls when zoomed: reachable from the keyboard too.
          tabIndex={0}
          role="region"
          aria-label={t('documents.viewer.page', { number: page, count: pages })}
        >
          {failed ? (
            <p className="notice">{t('documents.viewer.failed')}</p>
          ) : entry.kind === 'pdf' ? (
            <canvas
              ref={canvas}
              aria-label={t('documents.viewer.page', { number: page, count: pages })}
              role="img"
            />
          ) : (
            <img
              src={url}
              alt={entry.name}
              style={{
                maxHeight: zoom === 0 ? '100%' : 'none',
                width: zoom === 0 ? 'auto' : `${(ZOOMS[zoom] ?? 1) * 100}%`,
              }}
            />
          )}
        </div>
      </main>
      {pages > 1 && (
        <footer className="viewer__pager">
          <button
            type="button"
            className="big-button big-button--compact"
            disabled={page === 1}
            onClick={() => setPage((current) => current - 1)}
          >
            <span className="directional">
              <Icon src={previousIcon} size={40} />
            </span>
            {t('documents.viewer.previous')}
          </button>
          <span className="viewer__count" data-testid="viewer-page">
            {t('documents.viewer.page', { number: page, count: pages })}
          </span>
          <button
            type="button"
            className="big-button big-button--compact"
            disabled={page === pages}
            onClick={() => setPage((current) => current + 1)}
          >
            {t('documents.viewer.next')}
            <span className="directional">
              <Icon src={nextIcon} size={40} />
            </span>
          </button>
        </footer>
      )}
    </div>
  );
}
