import helpIcon from '@material-symbols/svg-400/rounded/person_raised_hand.svg';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpCallRecord } from '../../main/contract/ipc-contract';
import type { HostClient } from '../kit/host-client';
import { Icon } from '../kit/Icon';

/** The day's volunteer calls on this kiosk: when, how long they waited, how it ended. */
export function HelpCallList({ host }: { host: HostClient }) {
  const { t, i18n } = useTranslation();
  const [calls, setCalls] = useState<HelpCallRecord[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      host.call('help.calls', {}).then(
        (result) => !cancelled && setCalls(result.calls),
        () => undefined,
      );
    void load();
    const unsubscribe = host.on('help.changed', () => void load());
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [host]);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="devices" aria-labelledby="calls-title" data-testid="help-calls">
      <h2 id="calls-title" className="devices__title">
        <Icon src={helpIcon} size={40} />
        {t('staff.calls.title')}
      </h2>
      {calls?.length === 0 && <p>{t('staff.calls.none')}</p>}
      <ul className="devices__list">
        {calls?.map((call) => (
          <li key={call.calledAt} data-outcome={call.outcome}>
            {t('staff.calls.line', {
              time: time.format(call.calledAt),
              outcome: t(`staff.calls.outcome.${call.outcome}`),
            })}
            {call.waitedSeconds !== undefined &&
              ` ${t('staff.calls.waited', { count: Math.max(1, Math.round(call.waitedSeconds / 60)) })}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
