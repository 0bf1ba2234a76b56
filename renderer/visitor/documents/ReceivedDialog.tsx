import visibilityIcon from '@material-symbols/svg-400/rounded/visibility.svg';
import { useTranslation } from 'react-i18next';
import type { DocumentEntry } from '../../../main/contract/documents-contract';
import { AlertDialog } from '../../kit/AlertDialog';
import { thumbnailUrl } from '../../kit/document-urls';
import { Icon } from '../../kit/Icon';
import { ReadAloudButton } from '../../kit/ReadAloudButton';
import { useWarmPdf } from './warm-pdf';

/**
 * A site just gave the visitor a document (a download, a PDF link): say so at
 * once and offer to look at it in Borne's viewer. "Plus tard" keeps it in
 * "Mes documents".
 */
export function ReceivedDialog({
  entry,
  onView,
  onLater,
}: {
  entry: DocumentEntry;
  onView: () => void;
  onLater: () => void;
}) {
  const { t } = useTranslation();
  useWarmPdf();
  const about = entry.problem
    ? t(`documents.problem.${entry.problem}`, { pages: entry.pages })
    : t('documents.received.explain');
  return (
    <AlertDialog id="received" title={t('documents.received.title')} testId="received-dialog">
      {!entry.problem && (
        <img
          className="document__thumbnail received__thumbnail"
          src={thumbnailUrl(entry.name)}
          alt=""
        />
      )}
      <p className="dialog__text">
        <span className="document__name" dir="auto">
          {entry.name}
        </span>
        {!entry.problem && ` · ${t('documents.pagesOnly', { pages: entry.pages })}`}
      </p>
      <p id="received-explain" className="dialog__text">
        {about}
      </p>
      <ReadAloudButton text={`${t('documents.received.title')}. ${about}`} />
      <div className="dialog__actions">
        {!entry.problem && (
          <button
            type="button"
            className="big-button big-button--primary"
            data-testid="received-view"
            onClick={onView}
          >
            <Icon src={visibilityIcon} size={44} />
            {t('documents.view')}
          </button>
        )}
        <button type="button" className="big-button" data-testid="received-later" onClick={onLater}>
          {entry.problem ? t('documents.received.ok') : t('documents.received.later')}
        </button>
      </div>
    </AlertDialog>
  );
}
