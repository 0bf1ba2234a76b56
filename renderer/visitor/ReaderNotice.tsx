import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderEventView } from '../../main/contract/ipc-contract';
import { AlertDialog } from '../kit/AlertDialog';
import type { HostClient } from '../kit/host-client';
import { ReadAloudButton } from '../kit/ReadAloudButton';

/** The ID card fields a visitor sees, in this order. */
const SHOWN_FIELDS = [
  'lastName',
  'firstNames',
  'birthDate',
  'documentNumber',
  'nationality',
  'expiryDate',
] as const;
const DATES = new Set(['birthDate', 'expiryDate']);
const STATUS_MS = 5000;

/** "651206" (YYMMDD, as printed on the card) → "06/12/65". */
const asDate = (yymmdd: string) =>
  `${yymmdd.slice(4, 6)}/${yymmdd.slice(2, 4)}/${yymmdd.slice(0, 2)}`;

/**
 * What the visitor sees when a card is read: an ID card's fields (to check,
 * and to erase at once if they wish), or a short line for a member card.
 */
export function ReaderNotice({ host }: { host: HostClient }) {
  const { t } = useTranslation();
  const [event, setEvent] = useState<ReaderEventView | null>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => host.on('reader.event', setEvent), [host]);
  useEffect(() => {
    if (!event || event.kind === 'id-card') return;
    const timer = setTimeout(() => setEvent(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [event]);
  useEffect(() => close.current?.focus(), [event]);

  // Staff badges answer with the PIN pad, products belong to the staff desk.
  if (!event || event.kind === 'product' || event.kind === 'staff-badge') return null;
  if (event.kind !== 'id-card') {
    return (
      <p className="reader-status" role="status" data-testid="reader-status">
        {event.valid ? t('reader.cardRead') : t('reader.cardNotRead')}
      </p>
    );
  }

  const rows = SHOWN_FIELDS.filter((field) => event.fields[field]);
  const title = rows.length > 0 ? t('reader.idCard.title') : t('reader.idCard.unreadable');
  return (
    <AlertDialog id="idcard" title={title} testId="id-card-dialog">
      <p id="idcard-explain" className="dialog__text">
        {rows.length > 0 ? t('reader.idCard.explain') : t('reader.idCard.again')}
      </p>
      {rows.length > 0 && (
        <dl className="id-card">
          {rows.map((field) => (
            <div key={field} className="id-card__row">
              <dt>{t(`reader.idCard.fields.${field}`)}</dt>
              <dd>
                <bdi dir="ltr">
                  {DATES.has(field) ? asDate(event.fields[field] ?? '') : event.fields[field]}
                </bdi>
                {event.fieldValidity[field] === false && (
                  <span className="id-card__check"> {t('reader.idCard.check')}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <ReadAloudButton
        text={[title, rows.length > 0 ? t('reader.idCard.explain') : t('reader.idCard.again')].join(
          ' ',
        )}
      />
      <div className="dialog__actions">
        {rows.length > 0 && (
          <button
            type="button"
            className="big-button big-button--danger"
            onClick={() => {
              void host.call('reader.forget', {}).catch(() => undefined);
              setEvent(null);
            }}
          >
            {t('reader.idCard.forget')}
          </button>
        )}
        <button type="button" className="big-button" ref={close} onClick={() => setEvent(null)}>
          {t('reader.idCard.close')}
        </button>
      </div>
    </AlertDialog>
  );
}
