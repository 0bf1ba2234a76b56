/**
 * The kiosks with their live status (refreshed every 10 s): online or not,
 * version, session, printers and paper, readers, configuration applied,
 * last error, open help calls, and alerts first. A kiosk's remote
 * commands, each with its acknowledgement.
 */
import { useCallback, useEffect, useState } from 'react';
import { type Alert, api, type CommandEntry, dateTime, type Kiosk, messageOf } from './api';

const SESSION = {
  attract: 'accueil (libre)',
  visit: 'visite en cours',
  locked: 'hors service',
  closed: 'fermée (horaires)',
} as const;
const COMMAND_LABELS: Record<string, string> = {
  'end-session': 'Terminer la session du visiteur',
  restart: "Redémarrer l'application",
  lock: 'Mettre hors service',
  unlock: 'Remettre en service',
};
const STATES: Record<string, string> = {
  sent: 'envoyée, en attente',
  done: 'faite',
  refused: 'refusée',
  expired: 'expirée sans réponse',
};

export function alertText(alert: Alert): string {
  switch (alert.kind) {
    case 'offline':
      return `Hors ligne depuis ${dateTime(alert.since)}`;
    case 'paper-out':
      return `Plus de papier : imprimante ${alert.printer}`;
    case 'reader-unplugged':
      return `Lecteur débranché : ${alert.reader}`;
    case 'help-unanswered':
      return `Appel à un bénévole sans réponse depuis ${dateTime(alert.since)}`;
  }
}

export function KiosksScreen() {
  const [kiosks, setKiosks] = useState<Kiosk[] | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(() => {
    api<{ kiosks: Kiosk[] }>('GET', '/kiosks').then(
      (answer) => {
        setKiosks(answer.kiosks);
        setError('');
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, 10_000);
    return () => clearInterval(timer);
  }, [load]);

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!kiosks) return <p>Chargement…</p>;
  const alerts = kiosks.flatMap((kiosk) => kiosk.alerts.map((alert) => ({ kiosk, alert })));
  return (
    <section aria-labelledby="kiosks-title">
      <h1 id="kiosks-title">Bornes</h1>
      <section aria-labelledby="alerts-title" className="alerts">
        <h2 id="alerts-title">Alertes ({alerts.length})</h2>
        {alerts.length === 0 ? (
          <p>Aucune alerte.</p>
        ) : (
          <ul>
            {alerts.map(({ kiosk, alert }, index) => (
              <li key={`${kiosk.id}-${index}`} className="alert">
                <strong>{kiosk.name}</strong> : {alertText(alert)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {kiosks.length === 0 ? (
        <p>Aucune borne inscrite. Créez un code d'inscription dans l'onglet Sites.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">État des bornes</caption>
          <thead>
            <tr>
              <th scope="col">Borne</th>
              <th scope="col">Site</th>
              <th scope="col">État</th>
              <th scope="col">Version</th>
              <th scope="col">Session</th>
              <th scope="col">Imprimantes</th>
              <th scope="col">Lecteurs</th>
              <th scope="col">Configuration appliquée</th>
              <th scope="col">Dernière erreur</th>
              <th scope="col">Appels</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {kiosks.map((kiosk) => (
              <tr key={kiosk.id} data-kiosk={kiosk.id}>
                <th scope="row">
                  {kiosk.name}
                  <br />
                  <small>{kiosk.id}</small>
                </th>
                <td>{kiosk.siteId}</td>
                <td>
                  <span className={kiosk.online ? 'badge badge--ok' : 'badge badge--bad'}>
                    {kiosk.online ? 'en ligne' : 'hors ligne'}
                  </span>
                  <br />
                  <small>vue {dateTime(kiosk.lastSeen)}</small>
                </td>
                <td>{kiosk.status?.appVersion ?? '—'}</td>
                <td>
                  {kiosk.status ? SESSION[kiosk.status.session] : '—'}
                  {kiosk.status?.lockMessage ? ` : « ${kiosk.status.lockMessage} »` : ''}
                </td>
                <td>
                  {kiosk.status?.printers.map((p) => `${p.id} : ${p.state}`).join(', ') || '—'}
                </td>
                <td>
                  {kiosk.status?.readers.map((r) => `${r.id} : ${r.state}`).join(', ') || '—'}
                </td>
                <td>
                  {Object.entries(kiosk.status?.applied ?? {})
                    .map(([scope, version]) => `${scope} v${version}`)
                    .join(', ') || '—'}
                </td>
                <td>{kiosk.status?.lastError ?? '—'}</td>
                <td>{kiosk.status?.helpCalls.length ?? 0}</td>
                <td>
                  <button
                    type="button"
                    aria-expanded={open === kiosk.id}
                    onClick={() => setOpen(open === kiosk.id ? null : kiosk.id)}
                  >
                    Commandes
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <Commands kiosk={kiosks.find((kiosk) => kiosk.id === open)} />}
    </section>
  );
}

function Commands({ kiosk }: { kiosk: Kiosk | undefined }) {
  const [entries, setEntries] = useState<CommandEntry[]>([]);
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState('');
  const id = kiosk?.id;
  const load = useCallback(() => {
    if (!id) return;
    api<{ commands: CommandEntry[] }>('GET', `/kiosks/${id}/commands`).then(
      (answer) => setEntries(answer.commands),
      (failure: unknown) => setNotice(messageOf(failure)),
    );
  }, [id]);
  useEffect(() => {
    load();
    const timer = setInterval(load, 3000);
    return () => clearInterval(timer);
  }, [load]);
  if (!kiosk) return null;

  const send = async (kind: string) => {
    setNotice('');
    try {
      await api('POST', `/kiosks/${kiosk.id}/commands`, {
        kind,
        ...(kind === 'lock' ? { message } : {}),
      });
      setNotice(`« ${COMMAND_LABELS[kind]} » envoyée à ${kiosk.name}.`);
      load();
    } catch (failure) {
      setNotice(messageOf(failure));
    }
  };

  return (
    <section aria-labelledby="commands-title" className="panel">
      <h2 id="commands-title">Commandes pour {kiosk.name}</h2>
      <div className="actions">
        <button type="button" onClick={() => void send('end-session')}>
          {COMMAND_LABELS['end-session']}
        </button>
        <button type="button" onClick={() => void send('restart')}>
          {COMMAND_LABELS.restart}
        </button>
        <button type="button" onClick={() => void send('unlock')}>
          {COMMAND_LABELS.unlock}
        </button>
      </div>
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          void send('lock');
        }}
      >
        <label>
          Message affiché aux visiteurs
          <input
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            maxLength={200}
            required
            placeholder="Borne en maintenance, revenez cet après-midi."
          />
        </label>
        <button type="submit">{COMMAND_LABELS.lock}</button>
      </form>
      {notice && <p role="status">{notice}</p>}
      <table className="table">
        <caption>Dernières commandes</caption>
        <thead>
          <tr>
            <th scope="col">Commande</th>
            <th scope="col">Par</th>
            <th scope="col">Envoyée</th>
            <th scope="col">État</th>
            <th scope="col">Réponse de la borne</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-command-state={entry.state}>
              <td>
                {COMMAND_LABELS[entry.kind] ?? entry.kind}
                {entry.message ? ` : « ${entry.message} »` : ''}
              </td>
              <td>{entry.createdBy}</td>
              <td>{dateTime(entry.createdAt)}</td>
              <td>{STATES[entry.state] ?? entry.state}</td>
              <td>
                {entry.detail ?? '—'}
                {entry.ackedAt ? ` (${dateTime(entry.ackedAt)})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
