import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertDialog } from '../kit/AlertDialog';
import { ReadAloudButton } from '../kit/ReadAloudButton';

interface EndSessionDialogProps {
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says plainly what "erase my data" erases before doing it. */
export function EndSessionDialog({ onConfirm, onCancel }: EndSessionDialogProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <AlertDialog id="end" title={t('session.end.title')} testId="end-session-dialog">
      <p id="end-explain" className="dialog__text">
        {t('session.end.explain')}
      </p>
      <ul className="dialog__list">
        <li>{t('session.end.pages')}</li>
        <li>{t('session.end.files')}</li>
        <li>{t('session.end.typed')}</li>
        <li>{t('session.end.cards')}</li>
      </ul>
      <ReadAloudButton
        text={[
          t('session.end.title'),
          t('session.end.explain'),
          `${t('session.end.pages')}, ${t('session.end.files')}, ${t('session.end.typed')}, ${t('session.end.cards')}.`,
        ].join(' ')}
      />
      <div className="dialog__actions">
        <button
          type="button"
          className="big-button big-button--danger"
          data-testid="end-confirm"
          onClick={onConfirm}
        >
          {t('session.end.confirm')}
        </button>
        <button
          type="button"
          className="big-button"
          data-testid="end-cancel"
          ref={cancel}
          onClick={onCancel}
        >
          {t('session.end.cancel')}
        </button>
      </div>
    </AlertDialog>
  );
}
