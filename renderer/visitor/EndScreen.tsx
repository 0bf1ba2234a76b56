import celebrationIcon from '@material-symbols/svg-400/rounded/celebration.svg';
import printIcon from '@material-symbols/svg-400/rounded/print.svg';
import { useTranslation } from 'react-i18next';
import type { GuideView, ProcedureView } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { ScreenHeading } from './ScreenHeading';
import { SessionBar, type SessionBarProps } from './SessionBar';

type Finished = Extract<GuideView, { state: 'finished' }>;

const TICKET_NOTES = {
  ready: 'guide.end.ticketFrench',
  printing: 'guide.end.printing',
  printed: 'guide.end.printed',
  failed: 'guide.end.printFailed',
} as const;

/** What was done, what comes next, a summary to take away, and the way out. */
export function EndScreen({
  guide,
  procedure,
  onPrint,
  onAnother,
  ...bar
}: SessionBarProps & {
  guide: Finished;
  procedure: ProcedureView;
  onPrint: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const lng = procedure.language;
  const lists = [
    { title: t('guide.end.done', { lng }), items: procedure.end.done },
    { title: t('guide.end.next', { lng }), items: procedure.end.next },
  ].filter((list) => list.items.length > 0);
  const spoken = [
    t('guide.end.title'),
    procedure.title,
    ...lists.flatMap((list) => [list.title, ...list.items]),
  ].join(' ');
  const ticket = guide.ticket;
  return (
    <div className="screen" data-screen="end">
      <SessionBar {...bar} />
      <main className="home end">
        <ScreenHeading title={t('guide.end.title')} spoken={spoken} language={lng}>
          <Icon src={celebrationIcon} size={72} />
        </ScreenHeading>
        <p className="lead" lang={lng}>
          {procedure.title}
        </p>
        <div className="end__lists" lang={lng}>
          {lists.map((list) => (
            <section key={list.title}>
              <h2 className="end__subtitle">{list.title}</h2>
              <ul className="end__list">
                {list.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <div className="dialog__actions end__actions">
          {(ticket === 'ready' || ticket === 'failed') && (
            <button type="button" className="big-button big-button--primary" onClick={onPrint}>
              <Icon src={printIcon} size={44} />
              {t('guide.end.print')}
            </button>
          )}
          <button
            type="button"
            className="big-button"
            data-testid="another-procedure"
            onClick={onAnother}
          >
            {t('guide.end.another')}
          </button>
        </div>
        {ticket !== 'unavailable' && (
          <p className="end__ticket-note" role="status" data-testid="ticket-status">
            {t(TICKET_NOTES[ticket])}
          </p>
        )}
      </main>
    </div>
  );
}
