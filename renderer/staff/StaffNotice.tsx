import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../main/contract/ipc-contract';

const SHOWN_MS = 5000;

/** Why a staff badge did not open the PIN pad, for a few seconds. */
export function StaffNotice({ view }: { view: StaffView }) {
  const { t } = useTranslation();
  const [expired, setExpired] = useState<StaffView | null>(null);
  const notice =
    view.state === 'signed-out' && (view.notice === 'unknown-badge' || view.notice === 'locked-out')
      ? view.notice
      : undefined;
  const showing = notice !== undefined && expired !== view;
  useEffect(() => {
    if (!showing) return;
    const timer = setTimeout(() => setExpired(view), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [showing, view]);
  if (!showing) return null;
  return (
    <p className="reader-status" role="status" data-testid="staff-notice">
      {notice === 'unknown-badge' ? t('staff.unknownBadge') : t('staff.lockedOut')}
    </p>
  );
}
