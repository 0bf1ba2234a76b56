import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DevicesStatus } from '../../main/contract/ipc-contract';
import type { HostClient } from '../kit/host-client';

const REFRESH_MS = 10_000;

/** The printers and readers of this kiosk, asked again every few seconds. */
export function DeviceStatusList({ host }: { host: HostClient }) {
  const { t, i18n } = useTranslation();
  const [devices, setDevices] = useState<DevicesStatus | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      host.call('devices.status', {}).then(
        (next) => !cancelled && setDevices(next),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [host]);

  if (!devices) return null;
  const none =
    devices.printers.length === 0 && devices.readers.length === 0 && !devices.officePrinter;
  // The usage log is always listed: it is part of the kiosk, not an optional device.
  return (
    <section className="devices" aria-labelledby="devices-title" data-testid="devices">
      <h2 id="devices-title" className="devices__title">
        {t('staff.devices.title')}
      </h2>
      {none && <p>{t('staff.devices.none')}</p>}
      <ul className="devices__list">
        {devices.printers.map((printer) => (
          <li
            key={`printer-${printer.id}`}
            className={printer.ok ? 'device' : 'device device--fault'}
          >
            <strong>{t('staff.devices.printer', { id: printer.id })}</strong> {printer.message}
          </li>
        ))}
        {devices.readers.map((reader) => (
          <li
            key={`reader-${reader.id}`}
            className={reader.state === 'connected' ? 'device' : 'device device--fault'}
          >
            <strong>{t('staff.devices.reader', { id: reader.id })}</strong>{' '}
            {t(`staff.devices.${reader.state}`)}
          </li>
        ))}
        <li
          className={devices.usage.state === 'ok' ? 'device' : 'device device--fault'}
          data-testid="device-usage"
        >
          <strong>{t('staff.devices.usage')}</strong>{' '}
          {devices.usage.state === 'ok'
            ? t('staff.devices.usageOk')
            : t('stats.fault', {
                reason: t(`stats.faultReason.${devices.usage.state}`),
                count: devices.usage.dropped,
              })}
        </li>
        {devices.officePrinter && (
          <li
            className={
              devices.officePrinter.state === 'unreachable' ||
              devices.officePrinter.problems.length > 0
                ? 'device device--fault'
                : 'device'
            }
            data-testid="device-office-printer"
          >
            <strong>
              {t('staff.devices.officePrinter', { queue: devices.officePrinter.queue })}
            </strong>{' '}
            {officeLine(devices.officePrinter, t)}
          </li>
        )}
        {devices.fleet && (
          <li
            className={devices.fleet.unreachableSince ? 'device device--fault' : 'device'}
            data-testid="device-fleet"
          >
            <strong>{t('staff.devices.fleet')}</strong> {fleetLine(devices.fleet, t, i18n.language)}
          </li>
        )}
      </ul>
    </section>
  );
}

/** Whether the fleet server answers, and which configuration versions are in service. */
function fleetLine(
  fleet: NonNullable<DevicesStatus['fleet']>,
  t: TFunction,
  language: string,
): string {
  const timeOf = (iso: string) =>
    new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  if (fleet.unreachableSince) {
    return t('staff.devices.fleetUnreachable', { time: timeOf(fleet.unreachableSince) });
  }
  if (!fleet.lastContact) return t('staff.devices.fleetNever');
  const versions = Object.entries(fleet.applied)
    .map(([scope, version]) => `${scope} v${version}`)
    .join(', ');
  return t('staff.devices.fleetOk', { time: timeOf(fleet.lastContact), versions: versions || '—' });
}

/** "prête", or what staff must fix first ("plus de papier, capot ouvert"), then the supplies. */
function officeLine(printer: NonNullable<DevicesStatus['officePrinter']>, t: TFunction): string {
  if (printer.state === 'unreachable') return t('staff.devices.office.unreachable');
  const parts = [
    ...(printer.problems.length > 0
      ? printer.problems.map((problem) => t(`staff.devices.office.problem.${problem}`))
      : [t(`staff.devices.office.${printer.state}`)]),
    ...printer.supplies.map((supply) => t('staff.devices.office.supply', supply)),
  ];
  return parts.join(', ');
}
