import listIcon from '@material-symbols/svg-400/rounded/list_alt.svg';
import storeIcon from '@material-symbols/svg-400/rounded/storefront.svg';
import reportIcon from '@material-symbols/svg-400/rounded/summarize.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../kit/bidi';
import type { HostClient } from '../../kit/host-client';
import { Icon } from '../../kit/Icon';
import { DayReport } from './DayReport';
import { DaySales } from './DaySales';
import { PendingCodes } from './PendingCodes';
import type { Settle } from './ReasonDialog';
import { ProductGrid } from './ProductGrid';
import { SalePanel } from './SalePanel';
import { useDesk } from './useDesk';

/**
 * The voucher desk: choose a recharge, pass the member card, take the
 * payment, print, hand over ("Remis"). What waits for staff comes first.
 */
export function VoucherDesk({ host }: { host: HostClient }) {
  const { t } = useTranslation();
  const { desk, failed, act } = useDesk(host);
  const [open, setOpen] = useState<'sales' | 'report' | null>(null);
  if (!desk) return null;
  const settle: Settle = (codeId, outcome, reason) =>
    act('desk.settle', { codeId, outcome, ...(reason ? { reason } : {}) });

  return (
    <section className="desk" aria-labelledby="desk-title" data-testid="desk">
      <h2 id="desk-title" className="desk__title">
        <Icon src={storeIcon} size={44} /> {t('desk.title')}
      </h2>
      {desk.problem ? (
        <p className="desk__blocked" role="alert" data-testid="desk-problem">
          {t(`desk.problem.${desk.problem}`)}
        </p>
      ) : (
        <>
          {failed && (
            <p className="desk__blocked" role="alert">
              {t('desk.failed')}
            </p>
          )}
          {desk.done && !desk.sale && (
            <p className="desk__status desk__status--ok" role="status" data-testid="desk-done">
              {t('desk.done', {
                receipt: isolate(desk.done.receiptNumber),
                label: isolate(desk.done.label),
              })}
            </p>
          )}
          <PendingCodes pending={desk.pending} settle={settle} />
          {desk.sale ? (
            <SalePanel desk={desk} sale={desk.sale} act={act} />
          ) : (
            <ProductGrid
              products={desk.products}
              onChoose={(productId) => act('desk.choose', { productId })}
            />
          )}
          <div className="desk__actions">
            <button
              type="button"
              className="big-button"
              data-testid="desk-sales-open"
              onClick={() => setOpen('sales')}
            >
              <Icon src={listIcon} size={40} />
              {t('desk.sales.title')}
            </button>
            <button
              type="button"
              className="big-button"
              data-testid="desk-report-open"
              onClick={() => setOpen('report')}
            >
              <Icon src={reportIcon} size={40} />
              {t('desk.report.title')}
            </button>
          </div>
        </>
      )}
      {open === 'sales' && (
        <DaySales host={host} settle={settle} version={desk} onClose={() => setOpen(null)} />
      )}
      {open === 'report' && <DayReport host={host} onClose={() => setOpen(null)} />}
    </section>
  );
}
