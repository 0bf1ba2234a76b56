import backIcon from '@material-symbols/svg-400/rounded/arrow_back.svg';
import downloadIcon from '@material-symbols/svg-400/rounded/download.svg';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STATS_PERIODS,
  type StatsExportResult,
  type StatsView,
} from '../../../main/contract/stats-contract';
import type { LanguageCode } from '../../../main/contract/ipc-contract';
import { isolate } from '../../kit/bidi';
import { LANGUAGE_NAMES } from '../../kit/languages';
import type { HostClient } from '../../kit/host-client';
import { Icon } from '../../kit/Icon';
import { BarFigure } from './BarFigure';

type Period = (typeof STATS_PERIODS)[number];

/**
 * The kiosk's statistics for staff: a few figures, then the charts a
 * volunteer reads at a glance (visits per day, procedures finished, where
 * visitors give up, busy hours), each with its numbers in a table for
 * screen readers. "Exporter en CSV" writes the file meant to leave the kiosk.
 */
export function StatsScreen({ host, onClose }: { host: HostClient; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<Period>(30);
  const [stats, setStats] = useState<StatsView | null>(null);
  const [exported, setExported] = useState<StatsExportResult | 'failed' | null>(null);
  useEffect(() => {
    let cancelled = false;
    void host.call('stats.get', { days }).then(
      (next) => !cancelled && setStats(next),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [host, days]);
  const exportCsv = () =>
    void host.call('stats.export', { days }).then(setExported, () => setExported('failed'));
  const rtl = i18n.dir() === 'rtl';
  const shortDay = (day: string) =>
    new Date(`${day}T12:00:00`).toLocaleDateString(i18n.language, {
      day: 'numeric',
      month: 'short',
    });

  return (
    <section className="desk stats" aria-labelledby="stats-title" data-testid="stats">
      <div className="stats__head">
        <h2 id="stats-title" className="desk__title">
          {t('stats.title')}
        </h2>
        <button type="button" className="big-button big-button--compact" onClick={onClose}>
          <span className="directional">
            <Icon src={backIcon} size={32} />
          </span>
          {t('stats.back')}
        </button>
      </div>
      <p className="stats__explain">{t('stats.explain')}</p>
      <div className="stats__periods" role="group" aria-label={t('stats.period')}>
        {STATS_PERIODS.map((period) => (
          <button
            key={period}
            type="button"
            className="big-button big-button--compact"
            aria-pressed={period === days}
            onClick={() => {
              setDays(period);
              setExported(null);
            }}
          >
            {t(`stats.days${period}`)}
          </button>
        ))}
      </div>
      {stats && stats.health.state !== 'ok' && (
        <p className="stats__fault" role="alert" data-testid="usage-fault">
          {t('stats.fault', {
            reason: t(`stats.faultReason.${stats.health.state}`),
            count: stats.health.dropped,
          })}
        </p>
      )}
      {stats && (
        <>
          <dl className="stats__figures">
            {(
              [
                ['visits', stats.visits],
                ['completed', stats.procedures.reduce((sum, entry) => sum + entry.completed, 0)],
                ['helpCalls', stats.help.called],
                ['vouchers', stats.vouchers.reduce((sum, entry) => sum + entry.count, 0)],
              ] as const
            ).map(([name, value]) => (
              <div key={name} className="stats__figure" data-testid={`figure-${name}`}>
                <dt>{t(`stats.${name}`)}</dt>
                <dd>{value.toLocaleString(i18n.language)}</dd>
              </div>
            ))}
          </dl>
          <BarFigure
            id="per-day"
            title={t('stats.perDay')}
            rtl={rtl}
            rows={stats.perDay.map((entry) => ({
              label: shortDay(entry.day),
              value: entry.visits,
            }))}
            series={[{ key: 'value', name: t('stats.visits') }]}
          />
          <BarFigure
            id="procedures"
            title={t('stats.procedures')}
            rtl={rtl}
            layout="horizontal"
            rows={stats.procedures.map((entry) => ({
              label: t('stats.completion', {
                title: entry.title,
                rate: entry.started > 0 ? Math.round((100 * entry.completed) / entry.started) : 0,
              }),
              value: entry.started,
              second: entry.completed,
            }))}
            series={[
              { key: 'value', name: t('stats.started') },
              { key: 'second', name: t('stats.done') },
            ]}
            empty={t('stats.none')}
          />
          <BarFigure
            id="abandons"
            title={t('stats.abandons')}
            rtl={rtl}
            layout="horizontal"
            rows={stats.abandons.map((entry) => ({
              label:
                entry.step === null
                  ? t('stats.abandonBefore', { title: isolate(entry.title) })
                  : t('stats.abandonAt', { title: isolate(entry.title), step: entry.step }),
              value: entry.count,
            }))}
            series={[{ key: 'value', name: t('stats.visits') }]}
            empty={t('stats.none')}
          />
          <BarFigure
            id="hours"
            title={t('stats.perHour')}
            rtl={rtl}
            rows={stats.hours
              .filter((entry) => entry.hour >= 7 && entry.hour <= 21)
              .map((entry) => ({
                label: t('stats.hour', { hour: entry.hour }),
                value: entry.visits,
              }))}
            series={[{ key: 'value', name: t('stats.visits') }]}
          />
          <div className="stats__lists">
            <CountList
              id="stats-languages"
              title={t('stats.languages')}
              empty={t('stats.none')}
              lines={stats.languages.map((entry) => ({
                key: entry.language,
                text: t('stats.line', {
                  label: isolate(LANGUAGE_NAMES[entry.language as LanguageCode] ?? entry.language),
                  count: entry.visits,
                }),
              }))}
            />
            <CountList
              id="stats-aids"
              title={t('stats.aids')}
              empty={t('stats.none')}
              lines={stats.aids.map((entry) => ({
                key: entry.aid,
                text: t('stats.line', { label: t(`stats.aid.${entry.aid}`), count: entry.visits }),
              }))}
            />
            <CountList
              id="stats-waits"
              title={t('stats.waits', {
                answered: stats.help.answered,
                cancelled: stats.help.cancelled,
              })}
              empty={t('stats.none')}
              lines={stats.help.waits.map((entry) => ({
                key: entry.duration,
                text: t('stats.line', {
                  label: t(`stats.wait.${entry.duration}`),
                  count: entry.count,
                }),
              }))}
            />
            <CountList
              id="stats-vouchers"
              title={t('stats.vouchers')}
              empty={t('stats.none')}
              lines={stats.vouchers.map((entry) => ({
                key: entry.productId,
                text: t('stats.line', { label: isolate(entry.label), count: entry.count }),
              }))}
            />
          </div>
          <div className="stats__export">
            <button type="button" className="big-button" onClick={exportCsv}>
              <Icon src={downloadIcon} size={36} />
              {t('stats.export')}
            </button>
            {exported && (
              <p role="status" className="desk__line" data-testid="stats-exported">
                {exported === 'failed'
                  ? t('stats.exportFailed')
                  : t('stats.exported', {
                      file: isolate(exported.file),
                      count: exported.suppressed,
                    })}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** A titled list of counts ("Arabe : 12"), or a line saying there is nothing. */
function CountList({
  id,
  title,
  lines,
  empty,
}: {
  id: string;
  title: string;
  lines: { key: string; text: string }[];
  empty: string;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="desk__subtitle">
        {title}
      </h3>
      <ul className="desk__list">
        {lines.map((line) => (
          <li key={line.key} className="desk__line">
            {line.text}
          </li>
        ))}
        {lines.length === 0 && <li className="desk__line">{empty}</li>}
      </ul>
    </section>
  );
}
