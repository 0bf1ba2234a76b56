import backspaceIcon from '@material-symbols/svg-400/rounded/backspace.svg';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../main/contract/ipc-contract';
import { AlertDialog } from '../kit/AlertDialog';
import type { HostClient } from '../kit/host-client';
import { Icon } from '../kit/Icon';

const MAX_DIGITS = 8;
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** After a staff badge: the PIN, on big keys (or the keyboard), shown as dots. */
export function StaffPinDialog({ host, view }: { host: HostClient; view: StaffView }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);

  const press = (digit: string) =>
    setPin((current) => (current.length < MAX_DIGITS ? current + digit : current));
  const submit = () => {
    if (pin.length < 4) return;
    void host.call('staff.pin', { pin }).catch(() => undefined);
    setPin('');
  };

  return (
    <AlertDialog
      id="pin"
      title={t('staff.pin.title', { name: view.name ?? '' })}
      testId="staff-pin-dialog"
    >
      <div
        onKeyDown={(event) => {
          if (/^\d$/.test(event.key)) press(event.key);
          else if (event.key === 'Backspace') setPin((current) => current.slice(0, -1));
          else if (event.key === 'Enter') submit();
          else return;
          event.preventDefault();
        }}
      >
        <p id="pin-explain" className="dialog__text">
          {view.notice === 'wrong-pin'
            ? t('staff.pin.wrong', { count: view.attemptsLeft ?? 0 })
            : t('staff.pin.explain')}
        </p>
        <output className="pin__dots" aria-label={t('staff.pin.typed', { count: pin.length })}>
          {'●'.repeat(pin.length).padEnd(4, '○')}
        </output>
        <div className="pin__pad">
          {DIGITS.map((digit, index) => (
            <button
              key={digit}
              type="button"
              className="big-button pin__key"
              ref={index === 0 ? first : undefined}
              onClick={() => press(digit)}
            >
              {digit}
            </button>
          ))}
          <button
            type="button"
            className="big-button pin__key"
            aria-label={t('staff.pin.erase')}
            onClick={() => setPin((current) => current.slice(0, -1))}
          >
            <Icon src={backspaceIcon} size={40} />
          </button>
        </div>
        <div className="dialog__actions">
          <button
            type="button"
            className="big-button big-button--primary"
            disabled={pin.length < 4}
            onClick={submit}
          >
            {t('staff.pin.submit')}
          </button>
          <button
            type="button"
            className="big-button"
            onClick={() => void host.call('staff.cancel', {}).catch(() => undefined)}
          >
            {t('staff.pin.cancel')}
          </button>
        </div>
      </div>
    </AlertDialog>
  );
}
