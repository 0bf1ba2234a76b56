/**
 * Fleet statistics from the kiosks' daily aggregates (never a raw event):
 * a period, one site or all the admin's sites, by day or by month. A cell
 * with fewer than 10 visits behind it is shown as "moins de 10".
 */
import { useCallback, useEffect, useState } from 'react';
import { api, messageOf, type Site, type StatsCell } from './api';

const METRICS: Record<string, string> = {
  visits: 'Visites',
  'visits-by-hour': 'Visites par heure',
  'visits-by-language': 'Visites par langue',
  'visit-length': 'Durée des visites',
  'visit-end': 'Fin des visites',
  'procedure-started': 'Démarches commencées',
  'procedure-completed': 'Démarches terminées',
  'procedure-abandoned': 'Démarches abandonnées',
  'step-reached': 'Étapes atteintes',
  'help-asked': "Demandes d'aide",
  'help-called': 'Appels à un bénévole',
  'help-answered': 'Appels pris en charge (attente)',
  'help-cancelled': 'Appels annulés (attente)',
  'aid-used': 'Aides utilisées',
  'voucher-sold': 'Recharges vendues',
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function StatsScreen() {
  const [sites, setSites] = useState<Site[]>([]);
  const today = new Date();
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 29 * 86_400_000)));
  const [to, setTo] = useState(isoDay(today));
  const [site, setSite] = useState('');
  const [bin, setBin] = useState<'day' | 'month'>('month');
  const [cells, setCells] = useState<StatsCell[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    void api<{ sites: Site[] }>('GET', '/sites').then(
      (answer) => setSites(answer.sites),
      () => undefined,
    );
  }, []);
  const load = useCallback(() => {
    const query = new URLSearchParams({ from, to, bin, ...(site ? { site } : {}) });
    api<{ cells: StatsCell[] }>('GET', `/stats?${query.toString()}`).then(
      (answer) => {
        setCells(answer.cells);
        setError('');
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, [from, to, bin, site]);
  useEffect(load, [load]);

  return (
    <section aria-labelledby="stats-title">
      <h1 id="stats-title">Statistiques</h1>
      <div className="form form--inline">
        <label>
          Du
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          Au
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <label>
          Site
          <select value={site} onChange={(event) => setSite(event.target.value)}>
            <option value="">Tous mes sites</option>
            {sites.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Par
          <select value={bin} onChange={(event) => setBin(event.target.value as 'day' | 'month')}>
            <option value="month">mois</option>
            <option value="day">jour</option>
          </select>
        </label>
      </div>
      <p>
        Les nombres qui reposent sur moins de 10 visites ne sont pas montrés, pour que personne ne
        soit reconnaissable.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {cells && cells.length === 0 && <p>Aucune donnée sur cette période.</p>}
      {cells && cells.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Statistiques de la flotte</caption>
          <thead>
            <tr>
              <th scope="col">Période</th>
              <th scope="col">Indicateur</th>
              <th scope="col">Détail</th>
              <th scope="col">Nombre</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={`${cell.period}-${cell.metric}-${cell.key}`}>
                <td>{cell.period}</td>
                <td>{METRICS[cell.metric] ?? cell.metric}</td>
                <td>{cell.key || '—'}</td>
                <td>{cell.value === null ? 'moins de 10' : cell.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
