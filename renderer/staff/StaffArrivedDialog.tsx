import helpIcon from '@material-symbols/svg-400/rounded/person_raised_hand.svg';
import storeIcon from '@material-symbols/svg-400/rounded/storefront.svg';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../main/contract/ipc-contract';
import { AlertDialog } from '../kit/AlertDialog';
import type { HostClient } from '../kit/host-client';
import { Icon } from '../kit/Icon';
import { useVisitorAids } from '../kit/visitor-aids';

/**
 * A staff badge read while a visitor uses the kiosk (a volunteer answering a
 * call): nothing of the visit is touched until they choose. "J'aide cette
 * personne" answers the call and opens nothing; "Espace équipe" ends the
 * visit only once confirmed, then asks the PIN.
 */
export function StaffArrivedDialog({ host, view }: { host: HostClient; view: StaffView }) {
  const { t } = useTranslation();
  // The visit's call, already known: the dialog says at once whether this person called.
  const { help } = useVisitorAids();
  const [confirming, setConfirming] = useState(false);
  const call = (method: 'staff.help' | 'staff.proceed' | 'staff.cancel') =>
    void host.call(method, {}).catch(() => undefined);
  if (confirming) {
    return (
      <AlertDialog id="arrived" title={t('staff.arrived.confirmTitle')} testId="staff-confirm">
        <p id="arrived-explain" className="dialog__text">
          {t('staff.arrived.confirmExplain')}
        </p>
        <div className="dialog__actions">
          <button
            type="button"
            className="big-button big-button--danger"
            data-testid="arrived-confirm"
            onClick={() => call('staff.proceed')}
          >
            {t('staff.arrived.confirm')}
          </button>
          <button type="button" className="big-button" onClick={() => setConfirming(false)}>
            {t('staff.arrived.back')}
          </button>
        </div>
      </AlertDialog>
    );
  }
  return (
    <AlertDialog
      id="arrived"
      title={t('staff.pin.title', { name: view.name ?? '' })}
      testId="staff-arrived"
    >
      <p id="arrived-explain" className="dialog__text">
        {help.state === 'calling' ? t('staff.arrived.called') : t('staff.arrived.explain')}
      </p>
      <div className="dialog__actions">
        <button
          type="button"
          className="big-button big-button--primary"
          data-testid="arrived-help"
          onClick={() => call('staff.help')}
        >
          <Icon src={helpIcon} size={40} />
          {t('staff.arrived.help')}
        </button>
        <button
          type="button"
          className="big-button"
          data-testid="arrived-staff"
          onClick={() => setConfirming(true)}
        >
          <Icon src={storeIcon} size={40} />
          {t('staff.title')}
        </button>
        <button type="button" className="big-button" onClick={() => call('staff.cancel')}>
          {t('staff.pin.cancel')}
        </button>
      </div>
    </AlertDialog>
  );
}
