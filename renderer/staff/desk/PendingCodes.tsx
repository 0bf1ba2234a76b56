import warningIcon from '@material-symbols/svg-400/rounded/warning.svg';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../kit/bidi';
import type { PendingCode } from '../../../main/contract/ipc-contract';
import { Icon } from '../../kit/Icon';
import { type Settle, useReasonQuestion } from './ReasonDialog';

/**
 * Codes that wait for staff: a voucher printed but not yet handed over, or
 * one the printer could not confirm. Each is settled by a person, never by
 * the kiosk alone.
 */
export function PendingCodes({ pending, settle }: { pending: PendingCode[]; settle: Settle }) {
  const { t } = useTranslation();
  const { ask, dialog } = useReasonQuestion(settle);
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
                      onClick={() => ask(code.codeId, 'reprint')}
                    >
                      {t('desk.reprint')}
                    </button>
                    <button
                      type="button"
                      className="big-button big-button--danger"
                      data-testid="pending-void"
                      onClick={() => ask(code.codeId, 'void')}
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
      {dialog}
    </section>
  );
}
