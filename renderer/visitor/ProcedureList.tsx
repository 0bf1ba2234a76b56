import { useTranslation } from 'react-i18next';
import type { ProcedureCategory, ProcedureView } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { PICTOGRAM_ICONS } from '../kit/pictograms';
import { ScreenHeading } from './ScreenHeading';

/** The procedures of a category: what each is, and what to have with you. */
export function ProcedureList({
  category,
  procedures,
  onBack,
  onChoose,
}: {
  category: ProcedureCategory;
  procedures: ProcedureView[];
  onBack: () => void;
  onChoose: (procedureId: string) => void;
}) {
  const { t } = useTranslation();
  const title = t(`categories.${category}`);
  return (
    <>
      <ScreenHeading
        title={title}
        onBack={onBack}
        spoken={[title, t('procedures.choose'), ...procedures.map((p) => p.title)].join(' ')}
      />
      <p className="lead">{t('procedures.choose')}</p>
      <ul className="procedures" data-testid="procedures">
        {procedures.map((procedure) => (
          <li key={procedure.id} lang={procedure.language}>
            <button
              type="button"
              className="procedure"
              data-procedure={procedure.id}
              onClick={() => onChoose(procedure.id)}
            >
              <Icon src={PICTOGRAM_ICONS[procedure.pictogram]} size={80} />
              <span className="procedure__text">
                <span className="procedure__title">{procedure.title}</span>
                <span className="procedure__summary">{procedure.summary}</span>
                {procedure.bring.length > 0 && (
                  <span className="procedure__bring">
                    {t('procedures.bringShort')}
                    {procedure.bring.map((item) => (
                      <Icon key={item.text} src={PICTOGRAM_ICONS[item.pictogram]} size={36} />
                    ))}
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
