import helpIcon from '@material-symbols/svg-400/rounded/person_raised_hand.svg';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../kit/Icon';
import { useVisitorAids } from '../kit/visitor-aids';

/**
 * While a volunteer is called: a coloured band across the top of the
 * kiosk's screen, seen from across the room, that tells the visitor someone
 * is coming, how long they have waited, and lets them cancel.
 */
export function HelpBand() {
  const { t } = useTranslation();
  const { help, cancelHelp } = useVisitorAids();
  const minutes = useMinutesSince(help.state === 'calling' ? help.calledAt : null);
  if (help.state !== 'calling') return null;
  return (
    <div className="help-band" role="status" data-testid="volunteer-called">
      <Icon src={helpIcon} size={48} />
      <p className="help-band__text">
        <strong>{t('help.coming')}</strong>{' '}
        <span data-testid="help-waited">
          {minutes < 1 ? t('help.justCalled') : t('help.waited', { count: minutes })}
        </span>
      </p>
      <button
        type="button"
        className="big-button big-button--compact help-band__cancel"
        onClick={cancelHelp}
      >
        {t('help.cancel')}
      </button>
    </div>
  );
}

/** Whole minutes since a moment, kept current. */
function useMinutesSince(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 60_000));
}

/** "Appeler un bénévole": on every visitor screen; once called, the band says it. */
export function CallVolunteerButton({ compact = true }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { help, callHelp } = useVisitorAids();
  const calling = help.state === 'calling';
  return (
    <button
      type="button"
      className={compact ? 'big-button big-button--compact call-button' : 'big-button call-button'}
      data-testid="call-volunteer"
      aria-pressed={calling}
      onClick={(event) => {
        event.stopPropagation();
        if (!calling) callHelp();
      }}
    >
      <Icon src={helpIcon} size={40} />
      {calling ? t('help.called') : t('help.call')}
    </button>
  );
}
