import bookIcon from '@material-symbols/svg-400/rounded/menu_book.svg';
import searchIcon from '@material-symbols/svg-400/rounded/search.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../main/contract/glossary-contract';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { useOverlay } from '../kit/overlay';
import { PICTOGRAM_ICONS } from '../kit/pictograms';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { BackButton } from '../visitor/BackButton';
import { CallVolunteerButton } from '../visitor/HelpBand';
import { GLOSSARY } from './glossary';
import { GlossaryWordDialog } from './GlossaryWordDialog';

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** "Mots difficiles": every word of the glossary, found by touch or by typing a few letters. */
export function GlossaryScreen({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as LanguageCode;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<GlossaryEntry | null>(null);
  // The site goes aside while the list takes the screen.
  useOverlay();
  const wanted = fold(query.trim());
  const entries = GLOSSARY.entries
    .filter(
      (entry) =>
        !wanted ||
        fold(entry.term[language]).includes(wanted) ||
        fold(entry.term.fr).includes(wanted),
    )
    .sort((a, b) => a.term[language].localeCompare(b.term[language], language));
  return (
    <div className="screen glossary-screen" data-screen="glossary">
      <main className="home">
        <div className="aids">
          <BackButton onClick={onClose} />
          <CallVolunteerButton />
        </div>
        <h1 className="home__title">
          <Icon src={bookIcon} size={56} />
          {t('glossary.title')}
        </h1>
        <p className="lead">{t('glossary.explain')}</p>
        <ReadAloudButton text={`${t('glossary.title')}. ${t('glossary.explain')}`} />
        <label className="search">
          <Icon src={searchIcon} size={40} />
          <span className="search__label">{t('glossary.search')}</span>
          <input
            className="search__input"
            type="search"
            value={query}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        {entries.length === 0 && <p className="lead">{t('glossary.nothing')}</p>}
        <ul className="glossary__list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className="big-button glossary__entry"
                data-word={entry.id}
                onClick={() => setOpen(entry)}
              >
                <Icon src={PICTOGRAM_ICONS[entry.pictogram]} size={48} />
                <span className="glossary__term">{entry.term[language]}</span>
                {language !== 'fr' && (
                  <span className="glossary__french ltr-run" lang="fr">
                    {entry.term.fr}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </main>
      {open && <GlossaryWordDialog entry={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
