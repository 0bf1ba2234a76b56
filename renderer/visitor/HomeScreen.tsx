import helpIcon from '@material-symbols/svg-400/rounded/person_raised_hand.svg';
import folderIcon from '@material-symbols/svg-400/rounded/folder_open.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueView, ProcedureCategory } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { CategoryTiles } from './CategoryTiles';
import { ProcedureIntro } from './ProcedureIntro';
import { ProcedureList } from './ProcedureList';
import { SessionBar, type SessionBarProps } from './SessionBar';

interface HomeScreenProps extends SessionBarProps {
  catalogue: CatalogueView | null;
  onStartProcedure: (procedureId: string) => void;
  /** "Mes documents": scan, view, print (absent: not offered). */
  onOpenDocuments?: () => void;
}

type Choice =
  | { step: 'categories' }
  | { step: 'category'; category: ProcedureCategory }
  | { step: 'intro'; procedureId: string };

/** The visitor's session: what they came to do, chosen in three touches. */
export function HomeScreen({
  catalogue,
  onStartProcedure,
  onOpenDocuments,
  ...bar
}: HomeScreenProps) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice>({ step: 'categories' });
  const procedures = catalogue?.procedures ?? [];
  const intro =
    choice.step === 'intro'
      ? procedures.find((procedure) => procedure.id === choice.procedureId)
      : undefined;

  let content;
  if (catalogue && procedures.length === 0) {
    content = (
      <>
        <h1 className="home__title">{t('home.title')}</h1>
        <ReadAloudButton text={`${t('home.title')} ${t('procedures.none')}`} />
        <p className="lead home__soon">
          <Icon src={helpIcon} size={44} />
          {t('procedures.none')}
        </p>
      </>
    );
  } else if (intro) {
    content = (
      <ProcedureIntro
        procedure={intro}
        onBack={() => setChoice({ step: 'category', category: intro.category })}
        onStart={() => onStartProcedure(intro.id)}
      />
    );
  } else if (choice.step === 'category') {
    content = (
      <ProcedureList
        category={choice.category}
        procedures={procedures.filter((procedure) => procedure.category === choice.category)}
        onBack={() => setChoice({ step: 'categories' })}
        onChoose={(procedureId) => setChoice({ step: 'intro', procedureId })}
      />
    );
  } else {
    content = (
      <>
        <CategoryTiles
          procedures={procedures}
          onChoose={(category) => setChoice({ step: 'category', category })}
        />
        {onOpenDocuments && (
          <button
            type="button"
            className="big-button home__documents"
            data-testid="open-documents"
            onClick={onOpenDocuments}
          >
            <Icon src={folderIcon} size={48} />
            {t('documents.open')}
          </button>
        )}
      </>
    );
  }
  return (
    <div className="screen" data-screen="home">
      <SessionBar {...bar} />
      <main className="home">{content}</main>
    </div>
  );
}
