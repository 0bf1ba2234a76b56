import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  type ProcedureCategory,
  type ProcedureView,
} from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { CATEGORY_PICTOGRAMS, PICTOGRAM_ICONS } from '../kit/pictograms';
import { ScreenHeading } from './ScreenHeading';

/** "Que voulez-vous faire ?": one big tile per category that has procedures here. */
export function CategoryTiles({
  procedures,
  onChoose,
}: {
  procedures: ProcedureView[];
  onChoose: (category: ProcedureCategory) => void;
}) {
  const { t } = useTranslation();
  const present = CATEGORIES.filter((category) =>
    procedures.some((procedure) => procedure.category === category),
  );
  return (
    <>
      <ScreenHeading
        title={t('home.title')}
        spoken={[
          t('home.title'),
          t('home.chooseCategory'),
          ...present.map((c) => t(`categories.${c}`)),
        ].join(' ')}
      />
      <p className="lead">{t('home.chooseCategory')}</p>
      <ul className="tiles" data-testid="categories">
        {present.map((category) => (
          <li key={category}>
            <button
              type="button"
              className="tile"
              data-category={category}
              onClick={() => onChoose(category)}
            >
              <Icon src={PICTOGRAM_ICONS[CATEGORY_PICTOGRAMS[category]]} size={96} />
              <span className="tile__title">{t(`categories.${category}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
