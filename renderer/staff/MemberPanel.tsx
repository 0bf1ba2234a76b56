import cardIcon from '@material-symbols/svg-400/rounded/card_membership.svg';
import renewIcon from '@material-symbols/svg-400/rounded/event_repeat.svg';
import enrolIcon from '@material-symbols/svg-400/rounded/person_add.svg';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../main/contract/ipc-contract';
import type { HostClient } from '../kit/host-client';
import { Icon } from '../kit/Icon';

/** "2027-05-22" → "22 mai 2027" in the screen's language (a calendar day: no time zone shift). */
function longDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * The member card on the staff desk: a card passed while staff are signed
 * in shows whether its holder's rights to solidarity prices run, and lets
 * staff enrol or extend them. Never the card's number.
 */
export function MemberPanel({ host }: { host: HostClient }) {
  const { t, i18n } = useTranslation();
  const [member, setMember] = useState<MemberView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void host.call('member.get', {}).then(
      (view) => !cancelled && setMember(view),
      () => undefined,
    );
    const off = host.on('member.changed', (view) => {
      setFailed(false);
      setMember(view);
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [host]);
  if (!member) return null;

  const day = (value: string | undefined) => longDay(value ?? '', i18n.language);
  const act = (method: 'member.enrol' | 'member.clear') =>
    void host.call(method, {}).then(setMember, () => setFailed(true));

  // Catalogue keys follow the states; only active and expired need the day.
  const status = t(
    `staff.member.${member.state}`,
    member.validUntil ? { day: day(member.validUntil) } : {},
  );

  const renewal =
    member.state === 'unknown'
      ? { label: t('staff.member.enrol', { day: day(member.renewalUntil) }), icon: enrolIcon }
      : member.state === 'active' || member.state === 'expired'
        ? { label: t('staff.member.renew', { day: day(member.renewalUntil) }), icon: renewIcon }
        : null;

  return (
    <section className="member" aria-labelledby="member-title" data-testid="member-panel">
      <h2 id="member-title" className="devices__title">
        <Icon src={cardIcon} size={40} /> {t('staff.member.title')}
      </h2>
      <p
        className={`member__status member__status--${member.state}`}
        role="status"
        data-testid="member-status"
      >
        {status}
      </p>
      {member.saved && <p className="member__saved">{t('staff.member.saved')}</p>}
      {failed && (
        <p className="member__failed" role="alert">
          {t('staff.member.failed')}
        </p>
      )}
      {member.state !== 'none' && (
        <div className="dialog__actions member__actions">
          {renewal && !member.saved && (
            <button
              type="button"
              className={
                member.state === 'active' ? 'big-button' : 'big-button big-button--primary'
              }
              onClick={() => act('member.enrol')}
            >
              <Icon src={renewal.icon} size={40} />
              {renewal.label}
            </button>
          )}
          <button type="button" className="big-button" onClick={() => act('member.clear')}>
            {t('staff.member.done')}
          </button>
        </div>
      )}
    </section>
  );
}
