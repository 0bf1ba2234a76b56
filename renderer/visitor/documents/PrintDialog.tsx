import printIcon from '@material-symbols/svg-400/rounded/print.svg';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentEntry } from '../../../main/contract/documents-contract';
import { AlertDialog } from '../../kit/AlertDialog';
import { documentUrl } from '../../kit/document-urls';
import { Icon } from '../../kit/Icon';
import { drawPage, openPdf } from './pdf-pages';

const PREVIEW_BOX = { width: 300, height: 380 };

/** Before printing: the first page, how many pages, and how many the visit may still print. */
export function PrintDialog({
  entry,
  pagesLeft,
  onConfirm,
  onCancel,
}: {
  entry: DocumentEntry;
  pagesLeft: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const url = documentUrl(entry.name);
  const fits = entry.pages <= pagesLeft;
  useEffect(() => {
    if (entry.kind !== 'pdf' || !canvas.current) return;
    const target = canvas.current;
    const pdf = openPdf(url);
    let cancel = () => {};
    pdf.promise.then(
      (document_) => {
        const drawing = drawPage(document_, 1, target, PREVIEW_BOX);
        cancel = drawing.cancel;
        drawing.done.catch(() => undefined);
      },
      () => undefined,
    );
    return () => {
      cancel();
      pdf.close();
    };
  }, [entry.kind, url]);
  return (
    <AlertDialog id="print" title={t('documents.printing.confirmTitle')} testId="print-dialog">
      <div className="print-preview">
        {entry.kind === 'pdf' ? (
          <canvas ref={canvas} role="img" aria-label={t('documents.printing.firstPage')} />
        ) : (
          <img src={url} alt={t('documents.printing.firstPage')} />
        )}
      </div>
      <p id="print-explain" className="dialog__text" data-testid="print-explain">
        {fits
          ? t('documents.printing.confirm', { pages: entry.pages, left: pagesLeft })
          : t('documents.printing.problem.page-limit', { left: pagesLeft })}
      </p>
      <div className="dialog__actions">
        {fits && (
          <button type="button" className="big-button big-button--primary" onClick={onConfirm}>
            <Icon src={printIcon} size={44} />
            {t('documents.printing.yes')}
          </button>
        )}
        <button type="button" className="big-button" onClick={onCancel}>
          {t('documents.printing.no')}
        </button>
      </div>
    </AlertDialog>
  );
}
