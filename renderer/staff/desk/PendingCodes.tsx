import warningIcon from '@material-symbols/svg-400/rounded/warning.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../kit/bidi';
import type { PendingCode } from '../../../main/contract/ipc-contract';
import { Icon } from '../../kit/Icon';
import { type DeskReason, ReasonDialog, REPRINT_REASONS, VOID_REASONS } from './ReasonDialog';

export type Settle = (
  codeId: number,
  outcome: 'delivered' | 'reprint' | 'void',
  reason?: DeskReason,
) => void;

/**
 * Codes that wait for staff: a voucher printed but not yet handed over, or
 * one the printer could not confirm. Each is settled by a person, never by
 * the kiosk alone.
 */
export function PendingCodes({ pending, settle }: { pending: PendingCode[]; settle: Settle }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<{ codeId: number; outcome: 'reprint' | 'void' } | null>(
    null,
  );
  if (pending.length === 0) return null;
  return (
    <section className="desk__pending" aria-labelledby="pending-title" data-testid="desk-pending">
      <h3 id="pending-title" className="desk__subtitle">
        <Icon src={warningIcon} size={36} /> {t('desk.pending.title')}
      </h3>
      <ul className="desk__list">
        {pending.map((code) => (
          <li key={code.codeId} className="desk__item" data-serial={code.serial}>
            <p className="desk__line">
              <strong>{t(`desk.pending.${code.state}`)}</strong>{' '}
              {t('desk.pending.line', { label: isolate(code.label), serial: isolate(code.serial) })}
            </p>
            {code.state !== 'printing' && (
              <div className="desk__actions">
                <button
                  type="button"
                  className="big-button big-button--primary"
                  data-testid="pending-delivered"
                  onClick={() => settle(code.codeId, 'delivered')}
                >
                  {code.state === 'uncertain' ? t('desk.uncertainDelivered') : t('desk.delivered')}
                </button>
                {code.state === 'uncertain' && (
                  <>
                    <button
                      type="button"
                      className="big-button"
                      data-testid="pending-reprint"
                      onClick={() => setAsking({ codeId: code.codeId, outcome: 'reprint' })}
                    >
                      {t('desk.reprint')}
                    </button>
                    <button
                      type="button"
                      className="big-button big-button--danger"
                      data-testid="pending-void"
                      onClick={() => setAsking({ codeId: code.codeId, outcome: 'void' })}
                    >
                      {t('desk.void')}
                    </button>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {asking && (
        <ReasonDialog
          title={asking.outcome === 'reprint' ? t('desk.reprint') : t('desk.void')}
          reasons={asking.outcome === 'reprint' ? REPRINT_REASONS : VOID_REASONS}
          onChoose={(reason) => {
            settle(asking.codeId, asking.outcome, reason);
            setAsking(null);
          }}
          onBack={() => setAsking(null)}
        />
      )}
    </section>
  );
}
