import printIcon from '@material-symbols/svg-400/rounded/print.svg';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../kit/bidi';
import type { DayReportView } from '../../../main/contract/ipc-contract';
import { AlertDialog } from '../../kit/AlertDialog';
import type { HostClient } from '../../kit/host-client';
import { Icon } from '../../kit/Icon';
import { formatMoney } from './money';

/** The day's totals; "Clôturer et imprimer" closes the day in the journal and prints the report. */
export function DayReport({ host, onClose }: { host: HostClient; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [report, setReport] = useState<DayReportView | null>(null);
  const [printed, setPrinted] = useState<{ ok: boolean; message?: string } | null>(null);
  const money = (cents: number) => formatMoney(cents, i18n.language);
  useEffect(() => {
    let cancelled = false;
    void host.call('desk.report', {}).then(
      (next) => !cancelled && setReport(next),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [host]);
  const print = () =>
    void host.call('desk.printReport', {}).then(
      (result) => {
        setReport(result.report);
        setPrinted({ ok: result.printed, ...(result.message ? { message: result.message } : {}) });
      },
      () => setPrinted({ ok: false }),
    );

  return (
    <AlertDialog
      id="report"
      title={t('desk.report.title')}
      testId="desk-report"
      variant="dialog--wide"
    >
      <div id="report-explain" className="desk__scroll">
        {report && (
          <>
            <ul className="desk__list">
              {report.products.map((product) => (
                <li key={product.label} className="desk__line">
                  {t('desk.report.product', {
                    count: product.count,
                    label: isolate(product.label),
                    amount: money(product.paidCents),
                  })}
                </li>
              ))}
              {report.payments.map((payment) => (
                <li key={payment.method} className="desk__line">
                  {t(`desk.payment.${payment.method}`)} : {money(payment.cents)}
                </li>
              ))}
            </ul>
            <p className="desk__price" data-testid="report-total">
              {t('desk.report.total', { amount: money(report.totalCents) })}
            </p>
            <p className="desk__line">
              {t('desk.report.checks', {
                voided: report.voided,
                reprints: report.reprints,
                uncertain: report.uncertain,
              })}
            </p>
            {report.closingHash && (
              <p className="desk__line desk__hash">
                {t('desk.report.closed', { hash: report.closingHash.slice(0, 16) })}
              </p>
            )}
          </>
        )}
        {printed && (
          <p
            className={printed.ok ? 'desk__status desk__status--ok' : 'desk__blocked'}
            role="status"
          >
            {printed.ok
              ? t('desk.report.printed')
              : t('desk.report.failed', { message: printed.message ?? '' })}
          </p>
        )}
      </div>
      <div className="dialog__actions">
        <button
          type="button"
          className="big-button big-button--primary"
          data-testid="report-print"
          onClick={print}
        >
          <Icon src={printIcon} size={40} />
          {t('desk.report.print')}
        </button>
        <button type="button" className="big-button" data-testid="report-close" onClick={onClose}>
          {t('desk.close')}
        </button>
      </div>
    </AlertDialog>
  );
}
