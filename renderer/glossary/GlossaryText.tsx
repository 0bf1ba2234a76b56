import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../main/contract/glossary-contract';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { PICTOGRAM_ICONS } from '../kit/pictograms';
import { useVisitorAids } from '../kit/visitor-aids';
import { GLOSSARY } from './glossary';
import { entriesIn, markGlossaryWords } from './glossary-marks';
import { GlossaryWordDialog } from './GlossaryWordDialog';

/**
 * A step's text with its difficult words marked and touchable, and the same
 * words again below as big buttons (a word in a sentence is a small target).
 */
export function GlossaryText({
  text,
  language,
  id,
}: {
  text: string;
  /** The text's language (a guide shown in French is marked with French words). */
  language: LanguageCode;
  id: string;
}) {
  const { t } = useTranslation();
  const { reportAid } = useVisitorAids();
  const [open, setOpen] = useState<GlossaryEntry | null>(null);
  const segments = useMemo(
    () => markGlossaryWords(text, language, GLOSSARY.entries),
    [text, language],
  );
  const words = entriesIn(segments);
  const show = (entry: GlossaryEntry) => {
    setOpen(entry);
    reportAid('glossary');
  };
  return (
    <>
      <p id={id} className="guide__text" data-testid="step-text">
        {segments.map((segment, index) =>
          segment.entry ? (
            <button
              key={index}
              type="button"
              className="glossary-word"
              data-word={segment.entry.id}
              onClick={() => segment.entry && show(segment.entry)}
            >
              {segment.text}
            </button>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
      {words.length > 0 && (
        <div className="guide__words" role="group" aria-label={t('glossary.inThisStep')}>
          {words.map((entry) => (
            <button
              key={entry.id}
              type="button"
              className="big-button big-button--compact word-button"
              onClick={() => show(entry)}
            >
              <Icon src={PICTOGRAM_ICONS[entry.pictogram]} size={32} />
              {t('glossary.whatIs', { word: entry.term[language] })}
            </button>
          ))}
        </div>
      )}
      {open && <GlossaryWordDialog entry={open} onClose={() => setOpen(null)} />}
    </>
  );
}
