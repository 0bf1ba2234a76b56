import sendIcon from '@material-symbols/svg-400/rounded/upload_file.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentsView } from '../../../main/contract/documents-contract';
import { AlertDialog } from '../../kit/AlertDialog';
import type { HostClient } from '../../kit/host-client';
import { thumbnailUrl } from '../../kit/document-urls';
import { Icon } from '../../kit/Icon';
import { ReadAloudButton } from '../../kit/ReadAloudButton';
import { ScanPanel } from './ScanPanel';

/**
 * The site asked for a file: Borne's own picker, never the system's. Only
 * the visit's documents are there (and "Scanner maintenant"); the chosen one
 * goes into the site's file input.
 */
export function DocumentPicker({ host, view }: { host: HostClient; view: DocumentsView }) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const multiple = view.picker?.multiple ?? false;
  const usable = view.documents.filter((entry) => !entry.problem);
  const choose = (name: string) =>
    setChosen((current) =>
      current.includes(name)
        ? current.filter((other) => other !== name)
        : multiple
          ? [...current, name]
          : [name],
    );
  return (
    <AlertDialog id="picker" title={t('documents.picker.title')} testId="document-picker">
      <p id="picker-explain" className="dialog__text">
        {usable.length === 0 ? t('documents.picker.none') : t('documents.picker.explain')}
      </p>
      <ReadAloudButton text={`${t('documents.picker.title')}. ${t('documents.picker.explain')}`} />
      {scanning || view.draft.length > 0 ? (
        <ScanPanel
          host={host}
          view={view}
          onSaved={(name) => {
            setScanning(false);
            setChosen([name]);
          }}
          onCancel={() => setScanning(false)}
        />
      ) : (
        <>
          <ul className="picker__list" data-testid="picker-documents">
            {usable.map((entry) => (
              <li key={entry.name}>
                <button
                  type="button"
                  className="picker__document"
                  aria-pressed={chosen.includes(entry.name)}
                  onClick={() => choose(entry.name)}
                >
                  <img className="document__thumbnail" src={thumbnailUrl(entry.name)} alt="" />
                  <span className="document__name" dir="auto">
                    {entry.name}
                  </span>
                  <span>{t('documents.pagesOnly', { pages: entry.pages })}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="dialog__actions">
            <button type="button" className="big-button" onClick={() => setScanning(true)}>
              {t('documents.picker.scanNow')}
            </button>
            <button
              type="button"
              className="big-button big-button--primary"
              disabled={chosen.length === 0}
              onClick={() => void host.call('documents.pick', { names: chosen })}
            >
              <Icon src={sendIcon} size={44} />
              {t('documents.picker.send')}
            </button>
            <button
              type="button"
              className="big-button"
              onClick={() => void host.call('documents.cancelPick', {})}
            >
              {t('documents.picker.cancel')}
            </button>
          </div>
        </>
      )}
    </AlertDialog>
  );
}
