import cardIcon from '@material-symbols/svg-400/rounded/credit_card.svg';
import cashIcon from '@material-symbols/svg-400/rounded/payments.svg';
import freeIcon from '@material-symbols/svg-400/rounded/redeem.svg';
import bankIcon from '@material-symbols/svg-400/rounded/account_balance.svg';
import doneIcon from '@material-symbols/svg-400/rounded/check_circle.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../kit/bidi';
import type { DeskPayment, DeskSale, DeskView } from '../../../main/contract/ipc-contract';
import { Icon } from '../../kit/Icon';
import { formatMoney } from './money';
import type { useDesk } from './useDesk';

const PAYMENT_ICONS: Record<DeskPayment, string> = {
  cash: cashIcon,
  card: cardIcon,
  cheque: bankIcon,
  transfer: bankIcon,
  free: freeIcon,
};

/** The journal keeps this with the sale when a manager sells past rights or quota. */
const OVERRIDE_NOTE = 'Autorisé par le responsable du site';

function MemberLine({ sale, memberCard }: { sale: DeskSale; memberCard: DeskView['memberCard'] }) {
  const { t } = useTranslation();
  const { member } = sale;
  const lines: string[] = [];
  if (member.card === 'none') lines.push(t(`desk.member.none-${memberCard}`));
  else if (member.card === 'unreadable') lines.push(t('desk.member.unreadable'));
  else if (member.card === 'active') lines.push(t('desk.member.ok'));
  if (member.quota !== undefined && member.used !== undefined) {
    lines.push(t('desk.member.count', { used: member.used, quota: member.quota }));
  }
  return (
    <div className="desk__member" data-testid="desk-member">
      {lines.map((line) => (
        <p key={line} className="desk__line">
          {line}
        </p>
      ))}
      {member.blocked && (
        <p className="desk__blocked" role="alert" data-blocked={member.blocked}>
          {t(`desk.blocked.${member.blocked}`)}
        </p>
      )}
    </div>
  );
}

/** One sale, from the payment to "Remis". */
export function SalePanel({
  desk,
  sale,
  act,
}: {
  desk: DeskView;
  sale: DeskSale;
  act: ReturnType<typeof useDesk>['act'];
}) {
  const { t, i18n } = useTranslation();
  const [override, setOverride] = useState(false);
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const blocked = sale.member.blocked !== undefined && !override;
  const pay = (payment: DeskPayment) =>
    act('desk.pay', { payment, ...(override ? { override: OVERRIDE_NOTE } : {}) });

  return (
    <section
      className="desk__sale"
      aria-labelledby="sale-title"
      data-testid="desk-sale"
      data-step={sale.step}
    >
      <h3 id="sale-title" className="desk__subtitle">
        {t('desk.sale', { label: isolate(sale.label) })}
      </h3>
      <p className="desk__price">{t('desk.toPay', { amount: money(sale.priceCents) })}</p>
      {sale.step === 'ready' && (
        <>
          <MemberLine sale={sale} memberCard={desk.memberCard} />
          {sale.member.blocked && sale.canOverride && (
            <button
              type="button"
              className="big-button"
              aria-pressed={override}
              data-testid="desk-override"
              onClick={() => setOverride(!override)}
            >
              {override ? t('desk.overrideOn') : t('desk.override')}
            </button>
          )}
          <p className="desk__line">{t('desk.pay')}</p>
          <div className="desk__actions">
            {desk.payments.map((payment) => (
              <button
                key={payment}
                type="button"
                className="big-button big-button--primary"
                data-payment={payment}
                disabled={blocked}
                onClick={() => pay(payment)}
              >
                <Icon src={PAYMENT_ICONS[payment]} size={40} />
                {t(`desk.payment.${payment}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {sale.step === 'printing' && (
        <p className="desk__status" role="status">
          {t('desk.printing')}
        </p>
      )}
      {sale.step === 'printed' && (
        <>
          <p className="desk__status desk__status--ok" role="status">
            {t('desk.printed')}
          </p>
          {sale.receipt && <p className="desk__line">{t(`desk.receipt.${sale.receipt}`)}</p>}
          <button
            type="button"
            className="big-button big-button--primary big-button--huge"
            data-testid="desk-delivered"
            onClick={() => act('desk.delivered', {})}
          >
            <Icon src={doneIcon} size={48} />
            {t('desk.delivered')}
          </button>
        </>
      )}
      {sale.step === 'uncertain' && (
        <>
          <p className="desk__blocked" role="alert">
            {t('desk.uncertain')} {sale.message}
          </p>
          <div className="desk__actions">
            <button
              type="button"
              className="big-button big-button--primary"
              data-testid="desk-delivered"
              onClick={() => act('desk.delivered', {})}
            >
              {t('desk.uncertainDelivered')}
            </button>
            <button type="button" className="big-button" onClick={() => act('desk.cancel', {})}>
              {t('desk.later')}
            </button>
          </div>
        </>
      )}
      {sale.step === 'refused' && (
        <>
          <p className="desk__blocked" role="alert" data-testid="desk-refused">
            {t('desk.refused', { message: sale.message ?? '' })}
          </p>
          <div className="desk__actions">
            {sale.payment && (
              <button
                type="button"
                className="big-button big-button--primary"
                data-testid="desk-retry"
                onClick={() => pay(sale.payment ?? 'cash')}
              >
                {t('desk.retry')}
              </button>
            )}
          </div>
        </>
      )}
      {(sale.step === 'ready' || sale.step === 'refused') && (
        <button
          type="button"
          className="big-button"
          data-testid="desk-cancel"
          onClick={() => act('desk.cancel', {})}
        >
          {t('desk.cancel')}
        </button>
      )}
    </section>
  );
}
