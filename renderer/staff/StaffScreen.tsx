import logoutIcon from '@material-symbols/svg-400/rounded/logout.svg';
import statsIcon from '@material-symbols/svg-400/rounded/bar_chart.svg';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, StaffView } from '../../main/contract/ipc-contract';
import type { HostClient } from '../kit/host-client';
import { Icon } from '../kit/Icon';
import { DeviceStatusList } from './DeviceStatusList';
import { HelpCallList } from './HelpCallList';
import { MemberPanel } from './MemberPanel';
import { VoucherDesk } from './desk/VoucherDesk';

/**
 * The statistics and their charts (Recharts, about 40 % of the code) load
 * when staff open them: the visitor's screens, and a UI reopened after a
 * renderer crash, start without them.
 */
const StatsScreen = lazy(() =>
  import('./stats/StatsScreen').then((module) => ({ default: module.StatsScreen })),
);

const ACTIVITY_EVERY_MS = 5000;

/** The staff space, once signed in with badge and PIN. */
export function StaffScreen({
  host,
  info,
  view,
}: {
  host: HostClient;
  info: AppInfo;
  view: StaffView;
}) {
  const { t } = useTranslation();
  const [showStats, setShowStats] = useState(false);
  // Staff work keeps their session open; a desk left alone signs out.
  useEffect(() => {
    let last = 0;
    const report = () => {
      if (performance.now() - last < ACTIVITY_EVERY_MS) return;
      last = performance.now();
      void host.call('staff.activity', {}).catch(() => undefined);
    };
    window.addEventListener('pointerdown', report, { capture: true, passive: true });
    return () => window.removeEventListener('pointerdown', report, { capture: true });
  }, [host]);

  return (
    <div className="screen" data-screen="staff">
      <header className="sessionbar">
        <span className="topbar__site">{info.siteName}</span>
        <button
          type="button"
          className="big-button end-button"
          onClick={() => void host.call('staff.signOut', {}).catch(() => undefined)}
        >
          <Icon src={logoutIcon} size={40} />
          {t('staff.signOut')}
        </button>
      </header>
      <main className="home">
        <h1 className="home__title">{t('staff.title')}</h1>
        <p className="lead">{t('staff.hello', { name: view.name ?? '' })}</p>
        {showStats ? (
          <Suspense fallback={null}>
            <StatsScreen host={host} onClose={() => setShowStats(false)} />
          </Suspense>
        ) : (
          <>
            <VoucherDesk host={host} />
            <MemberPanel host={host} />
            <HelpCallList host={host} />
            <button type="button" className="big-button" onClick={() => setShowStats(true)}>
              <Icon src={statsIcon} size={40} />
              {t('stats.open')}
            </button>
            <DeviceStatusList host={host} />
          </>
        )}
      </main>
    </div>
  );
}
