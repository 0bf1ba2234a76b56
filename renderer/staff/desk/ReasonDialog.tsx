import { type ReactNode, useState } from 'react';
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

export type Settle = (
  codeId: number,
  outcome: 'delivered' | 'reprint' | 'void',
  reason?: DeskReason,
) => void;

/**
 * "Réimprimer" and "Annuler le code" ask why before they act: `ask` opens
 * the question for one code, `dialog` is what to render meanwhile.
 */
export function useReasonQuestion(settle: Settle): {
  ask: (codeId: number, outcome: 'reprint' | 'void') => void;
  dialog: ReactNode;
} {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<{ codeId: number; outcome: 'reprint' | 'void' } | null>(
    null,
  );
  const dialog = asking && (
    <ReasonDialog
      title={asking.outcome === 'reprint' ? t('desk.reprint') : t('desk.void')}
      reasons={asking.outcome === 'reprint' ? REPRINT_REASONS : VOID_REASONS}
      onChoose={(reason) => {
        settle(asking.codeId, asking.outcome, reason);
        setAsking(null);
      }}
      onBack={() => setAsking(null)}
    />
  );
  return { ask: (codeId, outcome) => setAsking({ codeId, outcome }), dialog };
}
