import scannerIcon from '@material-symbols/svg-400/rounded/document_scanner.svg';
import rotateIcon from '@material-symbols/svg-400/rounded/rotate_right.svg';
import checkIcon from '@material-symbols/svg-400/rounded/check.svg';
import closeIcon from '@material-symbols/svg-400/rounded/close.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ColourMode,
  DocumentsView,
  Rotation,
  ScanFailure,
} from '../../../main/contract/documents-contract';
import type { HostClient } from '../../kit/host-client';
import { draftPageUrl } from '../../kit/document-urls';
import { Icon } from '../../kit/Icon';

/**
 * "Scanner un document": one page at a time, each shown as it will be sent
 * (cropped, turned), with "Tourner" to put it upright; then one PDF.
 */
export function ScanPanel({
  host,
  view,
  onSaved,
  onCancel,
}: {
  host: HostClient;
  view: DocumentsView;
  onSaved: (name: string, pages: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ColourMode>('colour');
  const [busy, setBusy] = useState<'scan' | 'save' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const pages = view.draft;

  const scan = async () => {
    setBusy('scan');
    setProblem(null);
    const result = await host.call('documents.scan', { mode }).catch(() => null);
    setBusy(null);
    if (!result) setProblem(t('documents.scanning.failure.failed'));
    else if (!result.ok)
      setProblem(t(`documents.scanning.failure.${result.failure satisfies ScanFailure}`));
  };
  const save = async () => {
    setBusy('save');
    setProblem(null);
    const result = await host.call('documents.save', { mode }).catch(() => null);
    setBusy(null);
    if (result?.ok) onSaved(result.name, result.pages);
    else
      setProblem(
        t(
          result?.problem === 'too-big'
            ? 'documents.scanning.tooBig'
            : 'documents.scanning.failure.failed',
        ),
      );
  };
  const rotate = (index: number, rotation: Rotation) =>
    void host.call('documents.rotate', { index, rotation: ((rotation + 90) % 360) as Rotation });

  return (
    <section className="scan" aria-labelledby="scan-title" data-testid="scan-panel">
      <h2 id="scan-title" className="scan__title">
        <Icon src={scannerIcon} size={48} />
        {t('documents.scanning.title')}
      </h2>
      <p className="lead">{t('documents.scanning.place')}</p>
      <div className="scan__modes" role="group" aria-label={t('documents.scanning.modeLabel')}>
        {(['colour', 'grey'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            className="big-button big-button--compact"
            aria-pressed={mode === choice}
            onClick={() => setMode(choice)}
          >
            {t(`documents.scanning.${choice}`)}
          </button>
        ))}
      </div>
      {pages.length > 0 && (
        <ol className="scan__pages" data-testid="scan-pages">
          {pages.map((page, index) => (
            <li key={index} className="scan__page">
              <img
                src={draftPageUrl(index, view.draftVersion)}
                alt={t('documents.scanning.page', { number: index + 1 })}
                className="scan__preview"
              />
              <span className="scan__page-label">
                {t('documents.scanning.page', { number: index + 1 })}
              </span>
              <button
                type="button"
                className="big-button big-button--compact"
                onClick={() => rotate(index, page.rotation)}
              >
                <Icon src={rotateIcon} size={40} />
                {t('documents.scanning.rotate')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {busy === 'scan' && (
        <p role="status" className="lead">
          {t('documents.scanning.busy')}
        </p>
      )}
      {problem && (
        <p role="alert" className="notice" data-testid="scan-problem">
          {problem}
        </p>
      )}
      <div className="scan__actions">
        <button
          type="button"
          className="big-button"
          data-testid="scan-page"
          disabled={busy !== null}
          onClick={() => void scan()}
        >
          <Icon src={scannerIcon} size={44} />
          {pages.length === 0 ? t('documents.scanning.scanPage') : t('documents.scanning.another')}
        </button>
        {pages.length > 0 && (
          <button
            type="button"
            className="big-button big-button--primary"
            data-testid="scan-save"
            disabled={busy !== null}
            onClick={() => void save()}
          >
            <Icon src={checkIcon} size={44} />
            {t('documents.scanning.save')}
          </button>
        )}
        <button
          type="button"
          className="big-button"
          disabled={busy !== null}
          onClick={() => {
            void host.call('documents.discard', {});
            onCancel();
          }}
        >
          <Icon src={closeIcon} size={44} />
          {t('documents.scanning.cancel')}
        </button>
      </div>
    </section>
  );
}
