import celebrationIcon from '@material-symbols/svg-400/rounded/celebration.svg';
import printIcon from '@material-symbols/svg-400/rounded/print.svg';
import { useTranslation } from 'react-i18next';
import type { GuideView, ProcedureView } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { SessionBar, type SessionBarProps } from './SessionBar';

type Finished = Extract<GuideView, { state: 'finished' }>;

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
  const spoken = [
    t('guide.end.title'),
    procedure.end.done.length > 0 ? t('guide.end.done', { lng: procedure.language }) : '',
    ...procedure.end.done,
    procedure.end.next.length > 0 ? t('guide.end.next', { lng: procedure.language }) : '',
    ...procedure.end.next,
  ].join(' ');
  const ticket = guide.ticket;
  return (
    <div className="screen" data-screen="end">
      <SessionBar {...bar} />
      <main className="home end">
        <Icon src={celebrationIcon} size={96} />
        <h1 className="home__title">{t('guide.end.title')}</h1>
        <p className="lead" lang={procedure.language}>
          {procedure.title}
        </p>
        <ReadAloudButton text={spoken} language={procedure.language} />
        <div className="end__lists" lang={procedure.language}>
          {procedure.end.done.length > 0 && (
            <section>
              <h2 className="end__subtitle">{t('guide.end.done', { lng: procedure.language })}</h2>
              <ul className="end__list">
                {procedure.end.done.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          )}
          {procedure.end.next.length > 0 && (
            <section>
              <h2 className="end__subtitle">{t('guide.end.next', { lng: procedure.language })}</h2>
              <ul className="end__list">
                {procedure.end.next.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
        {ticket !== 'unavailable' && (
          <div className="end__ticket">
            {(ticket === 'ready' || ticket === 'failed') && (
              <button type="button" className="big-button big-button--primary" onClick={onPrint}>
                <Icon src={printIcon} size={44} />
                {t('guide.end.print')}
              </button>
            )}
            <p className="end__ticket-note" role="status" data-testid="ticket-status">
              {ticket === 'printing'
                ? t('guide.end.printing')
                : ticket === 'printed'
                  ? t('guide.end.printed')
                  : ticket === 'failed'
                    ? t('guide.end.printFailed')
                    : t('guide.end.ticketFrench')}
            </p>
          </div>
        )}
        <button type="button" className="big-button" onClick={onAnother}>
          {t('guide.end.another')}
        </button>
      </main>
    </div>
  );
}
