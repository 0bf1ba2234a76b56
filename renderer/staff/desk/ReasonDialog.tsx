import { useTranslation } from 'react-i18next';
import type { DESK_REASONS } from '../../../main/contract/ipc-contract';
import { AlertDialog } from '../../kit/AlertDialog';

export type DeskReason = (typeof DESK_REASONS)[number];

/** Why a code is printed again or voided: staff pick, the journal keeps it. */
export function ReasonDialog({
  title,
  reasons,
  onChoose,
  onBack,
}: {
  title: string;
  reasons: readonly DeskReason[];
  onChoose: (reason: DeskReason) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AlertDialog id="reason" title={title} testId="desk-reason">
      <p id="reason-explain" className="dialog__text">
        {t('desk.reason.title')}
      </p>
      <div className="dialog__actions">
        {reasons.map((reason) => (
          <button
            key={reason}
            type="button"
            className="big-button"
            data-reason={reason}
            onClick={() => onChoose(reason)}
          >
            {t(`desk.reason.${reason}`)}
          </button>
        ))}
        <button type="button" className="big-button" onClick={onBack}>
          {t('desk.reason.back')}
        </button>
      </div>
    </AlertDialog>
  );
}

export const REPRINT_REASONS: readonly DeskReason[] = ['not-printed', 'unreadable'];
export const VOID_REASONS: readonly DeskReason[] = [
  'not-printed',
  'wrong-product',
  'refund',
  'operator-refused',
];
