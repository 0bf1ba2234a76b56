import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../kit/bidi';
import type { SoldVoucher } from '../../../main/contract/ipc-contract';
import { AlertDialog } from '../../kit/AlertDialog';
import type { HostClient } from '../../kit/host-client';
import { formatMoney } from './money';
import { type Settle, useReasonQuestion } from './ReasonDialog';

/** The day's sales, latest first: a delivered voucher may be printed again or voided, with a reason. */
export function DaySales({
  host,
  settle,
  onClose,
  version,
}: {
  host: HostClient;
  settle: Settle;
  onClose: () => void;
  /** Changes when the desk does: the list is read again. */
  version: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [sales, setSales] = useState<SoldVoucher[] | null>(null);
  const { ask, dialog } = useReasonQuestion(settle);
  useEffect(() => {
    let cancelled = false;
    void host.call('desk.sales', {}).then(
      (result) => !cancelled && setSales(result.sales),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [host, version]);

  // The question replaces the list while it is asked: one dialog at a time.
  if (dialog) return dialog;
  return (
    <AlertDialog
      id="sales"
      title={t('desk.sales.title')}
      testId="desk-sales"
      variant="dialog--wide"
    >
      <div id="sales-explain" className="desk__scroll">
        {sales?.length === 0 && <p className="dialog__text">{t('desk.sales.none')}</p>}
        <ul className="desk__list">
          {sales?.map((sale) => (
            <li key={sale.saleId} className="desk__item" data-receipt={sale.receiptNumber}>
              <p className="desk__line">
                <strong>{sale.receiptNumber}</strong>{' '}
                {t('desk.sales.line', {
                  time: sale.time,
                  label: isolate(sale.label),
                  amount: formatMoney(sale.priceCents, i18n.language),
                  payment: t(`desk.payment.${sale.payment}`),
                })}{' '}
                — {t(`desk.sales.state.${sale.state}`)}
                {sale.copies > 1 ? ` — ${t('desk.sales.copies', { count: sale.copies })}` : ''}
              </p>
              {sale.state === 'delivered' && (
                <div className="desk__actions">
                  <button
                    type="button"
                    className="big-button big-button--compact"
                    onClick={() => ask(sale.codeId, 'reprint')}
                  >
                    {t('desk.reprint')}
                  </button>
                  <button
                    type="button"
                    className="big-button big-button--compact big-button--danger"
                    onClick={() => ask(sale.codeId, 'void')}
                  >
                    {t('desk.void')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div className="dialog__actions">
        <button type="button" className="big-button" data-testid="sales-close" onClick={onClose}>
          {t('desk.close')}
        </button>
      </div>
    </AlertDialog>
  );
}
