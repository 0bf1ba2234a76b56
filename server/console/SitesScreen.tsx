/**
 * Sites: their list, a one-time enrolment code for a site (shown once,
 * valid 24 hours, typed on the kiosk with `borne enroll`), and for admins
 * new sites and new accounts.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { api, dateTime, type Me, messageOf, type Site } from './api';

export function SitesScreen({ me }: { me: Me }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [notice, setNotice] = useState('');
  const [code, setCode] = useState<{ site: string; code: string; expiresAt: string } | null>(null);
  const load = useCallback(() => {
    api<{ sites: Site[] }>('GET', '/sites').then(
      (answer) => setSites(answer.sites),
      (failure: unknown) => setNotice(messageOf(failure)),
    );
  }, []);
  useEffect(load, [load]);

  const run = async (work: () => Promise<string>) => {
    setNotice('');
    try {
      setNotice(await work());
      load();
    } catch (failure) {
      setNotice(messageOf(failure));
    }
  };
  const fields = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    return { form, data: new FormData(form) };
  };

  return (
    <section aria-labelledby="sites-title">
      <h1 id="sites-title">Sites</h1>
      {notice && <p role="status">{notice}</p>}
      <table className="table">
        <caption className="visually-hidden">Sites</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Identifiant</th>
            <th scope="col">Inscrire une borne</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.id}>
              <th scope="row">{site.name}</th>
              <td>{site.id}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void run(async () => {
                      const made = await api<{ code: string; expiresAt: string }>(
                        'POST',
                        `/sites/${site.id}/enrolment-codes`,
                      );
                      setCode({ site: site.name, ...made });
                      return `Code d'inscription créé pour ${site.name}.`;
                    })
                  }
                >
                  Créer un code d'inscription
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {code && (
        <section className="panel" aria-labelledby="code-title">
          <h2 id="code-title">Code d'inscription pour {code.site}</h2>
          <p className="code" data-testid="enrolment-code">
            {code.code}
          </p>
          <p>
            Valable une fois, jusqu'au {dateTime(code.expiresAt)}. Sur la borne :{' '}
            <code>
              borne enroll {window.location.origin}/ {code.code}
            </code>
            . Il ne sera plus affiché.
          </p>
        </section>
      )}
      {me.role === 'admin' && (
        <>
          <form
            className="form panel"
            onSubmit={(event) => {
              const { form, data } = fields(event);
              void run(async () => {
                await api('POST', '/sites', {
                  id: String(data.get('id')),
                  name: String(data.get('name')),
                });
                form.reset();
                return 'Site créé.';
              });
            }}
          >
            <h2>Nouveau site</h2>
            <label>
              Nom
              <input name="name" required maxLength={80} placeholder="Emmaüs Connect Lyon 8e" />
            </label>
            <label>
              Identifiant (minuscules, chiffres, tirets)
              <input name="id" required pattern="[a-z0-9][a-z0-9\-]{1,62}" placeholder="lyon-8" />
            </label>
            <button type="submit">Créer le site</button>
          </form>
          <form
            className="form panel"
            onSubmit={(event) => {
              const { form, data } = fields(event);
              void run(async () => {
                await api('POST', '/users', {
                  username: String(data.get('username')),
                  password: String(data.get('password')),
                  role: String(data.get('role')),
                  sites: data.getAll('sites').map(String),
                });
                form.reset();
                return 'Compte créé.';
              });
            }}
          >
            <h2>Nouveau compte</h2>
            <label>
              Identifiant
              <input name="username" required pattern="[a-z0-9._\-]{3,40}" autoComplete="off" />
            </label>
            <label>
              Mot de passe (12 caractères au moins)
              <input
                name="password"
                type="password"
                required
                minLength={12}
                autoComplete="new-password"
              />
            </label>
            <label>
              Rôle
              <select name="role" defaultValue="site-manager">
                <option value="site-manager">Responsable de site</option>
                <option value="admin">Administrateur</option>
              </select>
            </label>
            <fieldset>
              <legend>Sites du responsable</legend>
              {sites.map((site) => (
                <label key={site.id} className="check">
                  <input type="checkbox" name="sites" value={site.id} /> {site.name}
                </label>
              ))}
            </fieldset>
            <button type="submit">Créer le compte</button>
          </form>
        </>
      )}
    </section>
  );
}
