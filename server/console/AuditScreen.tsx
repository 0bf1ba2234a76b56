/** The audit log: who did what, when, to what (a site manager sees their sites' entries). */
import { useEffect, useState } from 'react';
import { api, type AuditEntry, dateTime, messageOf } from './api';

export function AuditScreen() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api<{ entries: AuditEntry[] }>('GET', '/audit').then(
      (answer) => setEntries(answer.entries),
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, []);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Journal</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {entries && (
        <table className="table">
          <caption className="visually-hidden">Journal des actions</caption>
          <thead>
            <tr>
              <th scope="col">Quand</th>
              <th scope="col">Qui</th>
              <th scope="col">Action</th>
              <th scope="col">Sur</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateTime(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                <td>{entry.target}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
