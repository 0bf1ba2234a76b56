import fileIcon from '@material-symbols/svg-400/rounded/description.svg';
import scannerIcon from '@material-symbols/svg-400/rounded/document_scanner.svg';
import viewIcon from '@material-symbols/svg-400/rounded/visibility.svg';
import printIcon from '@material-symbols/svg-400/rounded/print.svg';
import deleteIcon from '@material-symbols/svg-400/rounded/delete.svg';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type {
  DocumentEntry,
  DocumentsView,
  PrintResultView,
} from '../../../main/contract/documents-contract';
import { isolate } from '../../kit/bidi';
import { thumbnailUrl } from '../../kit/document-urls';
import type { HostClient } from '../../kit/host-client';
import { Icon } from '../../kit/Icon';
import { useOverlay } from '../../kit/overlay';
import { useHostView } from '../../kit/useHostView';
import { ScreenHeading } from '../ScreenHeading';
import { SessionBar, type SessionBarProps } from '../SessionBar';
import { DocumentsNotice, type Notice } from './DocumentsNotice';
import { ScanPanel } from './ScanPanel';
import { useWarmPdf } from './warm-pdf';

/** pdf.js is large: it loads when a document is first opened. */
const DocumentViewer = lazy(() =>
  import('./DocumentViewer').then((module) => ({ default: module.DocumentViewer })),
);
const PrintDialog = lazy(() =>
  import('./PrintDialog').then((module) => ({ default: module.PrintDialog })),
);

/** No documents yet: the view until the host's first answer. */
export const NO_DOCUMENTS: DocumentsView = {
  documents: [],
  draft: [],
  draftVersion: 0,
  pagesLeft: null,
  picker: null,
  received: null,
};

/**
 * "Mes documents": what the visitor scanned and what sites gave them, each
 * with "Voir", "Imprimer" and "Supprimer"; "Scanner un document" on top.
 * Everything here is erased at the end of the visit.
 */
export function DocumentsScreen({
  host,
  bar,
  show,
  onBack,
}: {
  host: HostClient;
  bar: SessionBarProps;
  /** A document a site just gave: its viewer opens at once, and closing it goes back. */
  show?: DocumentEntry;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  // Over the guide, the visitor's documents take the whole screen.
  useOverlay();
  useWarmPdf();
  const view = useHostView(host, 'documents.get', 'documents.changed', NO_DOCUMENTS);
  const [scanning, setScanning] = useState(false);
  const [viewing, setViewing] = useState<DocumentEntry | null>(show ?? null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [printing, setPrinting] = useState<DocumentEntry | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024));

  const print = async (entry: DocumentEntry) => {
    setPrinting(null);
    setNotice(null);
    const result = await host.call('documents.print', { name: entry.name }).catch(() => null);
    setNotice(printNotice(t, result));
  };
  const remove = (name: string) => {
    setConfirmDelete(null);
    setNotice(null);
    void host.call('documents.delete', { name });
  };

  const printDialog = printing && view.pagesLeft !== null && (
    <Suspense fallback={null}>
      <PrintDialog
        entry={printing}
        pagesLeft={view.pagesLeft}
        onConfirm={() => void print(printing)}
        onCancel={() => setPrinting(null)}
      />
    </Suspense>
  );
  if (viewing) {
    return (
      <Suspense fallback={null}>
        <DocumentViewer
          entry={viewing}
          onClose={() => (show ? onBack() : setViewing(null))}
          onPrint={view.pagesLeft === null ? undefined : () => setPrinting(viewing)}
          notice={notice}
        />
        {printDialog}
      </Suspense>
    );
  }
  const showScan = scanning || view.draft.length > 0;
  return (
    <div className="screen" data-screen="documents">
      <SessionBar {...bar} />
      <main className="home documents">
        <ScreenHeading
          title={t('documents.title')}
          spoken={`${t('documents.title')}. ${t('documents.lead')}`}
          onBack={onBack}
        />
        <p className="lead">{t('documents.lead')}</p>
        <DocumentsNotice notice={notice} />
        {showScan ? (
          <ScanPanel
            host={host}
            view={view}
            onSaved={(name, pages) => {
              setScanning(false);
              setNotice({
                tone: 'ok',
                text: t('documents.scanning.saved', { name: isolate(name), pages }),
              });
            }}
            onCancel={() => setScanning(false)}
          />
        ) : (
          <button
            type="button"
            className="big-button big-button--primary"
            data-testid="documents-scan"
            onClick={() => {
              setNotice(null);
              setScanning(true);
            }}
          >
            <Icon src={scannerIcon} size={48} />
            {t('documents.scan')}
          </button>
        )}
        {view.documents.length === 0 ? (
          <p className="lead">{t('documents.empty')}</p>
        ) : (
          <ul className="documents__list" data-testid="documents-list">
            {view.documents.map((entry) => (
              <li key={entry.name} className="document" data-document={entry.name}>
                {entry.problem ? (
                  <Icon src={fileIcon} size={72} />
                ) : (
                  <img className="document__thumbnail" src={thumbnailUrl(entry.name)} alt="" />
                )}
                <div className="document__about">
                  <span className="document__name" dir="auto">
                    {entry.name}
                  </span>
                  <span>
                    {entry.problem
                      ? t(`documents.problem.${entry.problem}`, { pages: entry.pages })
                      : t('documents.about', { pages: entry.pages, size: size(entry.bytes) })}
                  </span>
                </div>
                <div className="document__actions">
                  {!entry.problem && (
                    <button
                      type="button"
                      className="big-button big-button--compact"
                      onClick={() => {
                        setNotice(null);
                        setViewing(entry);
                      }}
                    >
                      <Icon src={viewIcon} size={40} />
                      {t('documents.view')}
                    </button>
                  )}
                  {!entry.problem && view.pagesLeft !== null && (
                    <button
                      type="button"
                      className="big-button big-button--compact"
                      onClick={() => {
                        setNotice(null);
                        setPrinting(entry);
                      }}
                    >
                      <Icon src={printIcon} size={40} />
                      {t('documents.print')}
                    </button>
                  )}
                  {confirmDelete === entry.name ? (
                    <>
                      <button
                        type="button"
                        className="big-button big-button--compact big-button--danger"
                        onClick={() => remove(entry.name)}
                      >
                        {t('documents.deleteYes')}
                      </button>
                      <button
                        type="button"
                        className="big-button big-button--compact"
                        onClick={() => setConfirmDelete(null)}
                      >
                        {t('documents.deleteNo')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="big-button big-button--compact"
                      onClick={() => setConfirmDelete(entry.name)}
                    >
                      <Icon src={deleteIcon} size={40} />
                      {t('documents.delete')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </main>
      {printDialog}
    </div>
  );
}

/** What printing did, in one sentence the visitor can act on. */
function printNotice(t: TFunction, result: PrintResultView | null): Notice {
  if (!result)
    return { tone: 'problem', text: t('documents.printing.problem.printer-unreachable') };
  if (result.ok) {
    return {
      tone: 'ok',
      text: t('documents.printing.done', { pages: result.pages, left: result.pagesLeft }),
    };
  }
  return {
    tone: 'problem',
    text: t(
      result.problem in PRINT_PROBLEMS
        ? `documents.printing.problem.${result.problem}`
        : `documents.problem.${result.problem}`,
      { left: result.pagesLeft },
    ),
  };
}

const PRINT_PROBLEMS = {
  'no-printer': true,
  'page-limit': true,
  'printer-unreachable': true,
  'printer-refused': true,
  'not-found': true,
} as const;
