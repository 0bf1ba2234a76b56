import copyIcon from '@material-symbols/svg-400/rounded/content_copy.svg';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CopyOutcome,
  ID_CARD_FIELDS,
  type IdCardField,
  type IdCardView,
} from '../../main/contract/ipc-contract';
import { AlertDialog } from '../kit/AlertDialog';
import type { HostClient } from '../kit/host-client';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import type { ReaderNoticeState } from './useReaderNotice';

const DATES = new Set<string>(['birthDate', 'expiryDate']);
const STATUS_MS = 5000;

/** "651206" (YYMMDD, as printed on the card) → "06/12/65". */
const asDate = (yymmdd: string) =>
  `${yymmdd.slice(4, 6)}/${yymmdd.slice(2, 4)}/${yymmdd.slice(0, 2)}`;

interface ReaderNoticeProps {
  host: HostClient;
  notice: ReaderNoticeState;
  onNotice: (notice: ReaderNoticeState) => void;
  onForget: () => void;
}

/**
 * What the visitor sees when a card is read: an ID card's fields (to check,
 * to copy one by one into the field they touched on the site, and to erase
 * at once if they wish), or a short line for a member card.
 */
export function ReaderNotice({ host, notice, onNotice, onForget }: ReaderNoticeProps) {
  const { t } = useTranslation();
  const transient =
    notice !== null && (notice.kind === 'copied' || notice.event.kind !== 'id-card');
  useEffect(() => {
    if (!transient) return;
    const timer = setTimeout(() => onNotice(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [notice, transient, onNotice]);

  if (!notice) return null;
  if (notice.kind === 'copied') {
    return (
      <p className="reader-status" role="status" data-testid="reader-status">
        {t('reader.idCard.copied', { field: t(`reader.idCard.fields.${notice.field}`) })}
      </p>
    );
  }
  const { event } = notice;
  if (event.kind !== 'id-card') {
    // Staff badges answer with the PIN pad, products belong to the staff desk.
    if (event.kind !== 'member-card') return null;
    return (
      <p className="reader-status" role="status" data-testid="reader-status">
        {event.valid ? t('reader.cardRead') : t('reader.cardNotRead')}
      </p>
    );
  }
  return (
    <IdCardDialog
      // A new read starts the dialog afresh (its message included).
      key={JSON.stringify(event.fields)}
      host={host}
      card={event}
      onClose={() => onNotice(null)}
      onCopied={(field) => onNotice({ kind: 'copied', field })}
      onForget={onForget}
    />
  );
}

interface IdCardDialogProps {
  host: HostClient;
  card: IdCardView;
  onClose: () => void;
  onCopied: (field: IdCardField) => void;
  onForget: () => void;
}

function IdCardDialog({ host, card, onClose, onCopied, onForget }: IdCardDialogProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Exclude<CopyOutcome, 'copied'> | null>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);

  const rows = ID_CARD_FIELDS.filter((field) => card.fields[field]);
  const title = rows.length > 0 ? t('reader.idCard.title') : t('reader.idCard.unreadable');
  const explain =
    rows.length === 0
      ? t('reader.idCard.again')
      : card.copyable.length > 0
        ? `${t('reader.idCard.explain')} ${t('reader.idCard.howToCopy')}`
        : t('reader.idCard.explain');

  const copy = async (field: IdCardField) => {
    const { outcome } = await host.call('reader.copy', { field }).catch(() => ({
      outcome: 'no-field' as const,
    }));
    if (outcome === 'copied') onCopied(field);
    else setProblem(outcome);
  };

  return (
    <AlertDialog id="idcard" title={title} testId="id-card-dialog" variant="dialog--wide">
      <p id="idcard-explain" className="dialog__text">
        {explain}
      </p>
      {rows.length > 0 && (
        <dl className="id-card">
          {rows.map((field) => {
            const label = t(`reader.idCard.fields.${field}`);
            return (
              <div key={field} className="id-card__row">
                <dt>{label}</dt>
                <dd>
                  <span>
                    <bdi dir="ltr">
                      {DATES.has(field) ? asDate(card.fields[field] ?? '') : card.fields[field]}
                    </bdi>
                    {card.fieldValidity[field] === false && (
                      <span className="id-card__check"> {t('reader.idCard.check')}</span>
                    )}
                  </span>
                  {card.copyable.includes(field) && (
                    <button
                      type="button"
                      className="big-button big-button--compact id-card__copy"
                      aria-label={t('reader.idCard.copyField', { field: label })}
                      onClick={() => void copy(field)}
                    >
                      <Icon src={copyIcon} size={32} />
                      {t('reader.idCard.copy')}
                    </button>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {problem && (
        <p className="dialog__text dialog__problem" role="alert" data-testid="copy-problem">
          {t(`reader.idCard.problem.${problem}`)}
        </p>
      )}
      <div className="dialog__actions">
        <ReadAloudButton
          text={[title, explain, problem ? t(`reader.idCard.problem.${problem}`) : '']
            .filter(Boolean)
            .join(' ')}
        />
        {rows.length > 0 && (
          <button type="button" className="big-button big-button--danger" onClick={onForget}>
            {t('reader.idCard.forget')}
          </button>
        )}
        <button type="button" className="big-button" ref={close} onClick={onClose}>
          {t('reader.idCard.close')}
        </button>
      </div>
    </AlertDialog>
  );
}
