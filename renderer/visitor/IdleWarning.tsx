import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { readAloud, stopReading } from '../kit/read-aloud';
import { AlertDialog } from '../kit/AlertDialog';
import { ReadAloudButton } from '../kit/ReadAloudButton';

interface IdleWarningProps {
  /** Milliseconds left when the host announced the warning. */
  remainingMs: number;
  onContinue: () => void;
}

/** Full-screen "are you still there?" with a big countdown before everything is erased. */
export function IdleWarning({ remainingMs, onContinue }: IdleWarningProps) {
  const { t, i18n } = useTranslation();
  const spoken = `${t('idle.title')} ${t('idle.explain')}`;
  const [deadline] = useState(() => performance.now() + remainingMs);
  const [seconds, setSeconds] = useState(() => Math.ceil(remainingMs / 1000));
  const button = useRef<HTMLButtonElement>(null);

  // Read aloud as soon as it appears: the visitor may not be looking at the screen.
  useEffect(() => {
    readAloud(spoken, i18n.language as LanguageCode);
    return stopReading;
  }, [spoken, i18n.language]);

  useEffect(() => {
    button.current?.focus();
    const timer = setInterval(() => {
      setSeconds(Math.max(0, Math.ceil((deadline - performance.now()) / 1000)));
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);

  return (
    <AlertDialog
      id="idle"
      title={t('idle.title')}
      testId="idle-warning"
      opaque
      variant="dialog--warning"
      bigTitle
    >
      <p className="countdown" data-testid="countdown">
        <span className="countdown__number">{seconds}</span>
        <span className="countdown__unit">{t('idle.seconds')}</span>
      </p>
      <p id="idle-explain" className="dialog__text">
        {t('idle.explain')}
      </p>
      <ReadAloudButton text={spoken} />
      <button
        type="button"
        className="big-button big-button--primary big-button--huge"
        ref={button}
        onClick={onContinue}
      >
        {t('idle.continue')}
      </button>
    </AlertDialog>
  );
}
