import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../main/contract/glossary-contract';
import { type LanguageCode, languageDirection } from '../../main/contract/ipc-contract';
import { isolateLtrRuns } from '../kit/bidi';
import { AlertDialog } from '../kit/AlertDialog';
import { Icon } from '../kit/Icon';
import { PICTOGRAM_ICONS } from '../kit/pictograms';
import { ReadAloudButton } from '../kit/ReadAloudButton';

/** One difficult word: its pictogram, one plain sentence, and the French word the sites use. */
export function GlossaryWordDialog({
  entry,
  onClose,
}: {
  entry: GlossaryEntry;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as LanguageCode;
  const term = entry.term[language];
  return (
    <AlertDialog id="word" title={term} testId="glossary-word">
      <div className="word">
        <Icon src={PICTOGRAM_ICONS[entry.pictogram]} size={96} />
        <p id="word-explain" className="word__meaning">
          {languageDirection(language) === 'rtl'
            ? isolateLtrRuns(entry.meaning[language])
            : entry.meaning[language]}
        </p>
        {language !== 'fr' && (
          <p className="word__french">
            {t('glossary.inFrench')}{' '}
            <strong lang="fr" className="ltr-run">
              {entry.term.fr}
            </strong>
          </p>
        )}
        <ReadAloudButton text={`${term}. ${entry.meaning[language]}`} />
      </div>
      <div className="dialog__actions">
        <button type="button" className="big-button big-button--primary" onClick={onClose}>
          {t('glossary.close')}
        </button>
      </div>
    </AlertDialog>
  );
}
