/** Sign-in, or on a new server the first admin's creation with the one-time setup token. */
import { type FormEvent, useEffect, useState } from 'react';
import { api, type Me, messageOf } from './api';

export function LoginScreen({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [setup, setSetup] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ needed: boolean }>('GET', '/setup').then(
      (answer) => setSetup(answer.needed),
      () => undefined,
    );
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError('');
    try {
      if (setup) {
        await api('POST', '/setup', {
          token: String(form.get('token') ?? '').trim(),
          username,
          password,
        });
      }
      onSignedIn(await api<Me>('POST', '/login', { username, password }));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <h1>{setup ? 'Première installation' : 'Console de la flotte Borne'}</h1>
      {setup && (
        <p>
          Créez le premier compte administrateur avec le jeton affiché une seule fois au premier
          démarrage du serveur.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} className="form">
        {setup && (
          <label>
            Jeton de première installation
            <input name="token" required autoComplete="off" />
          </label>
        )}
        <label>
          Identifiant
          <input name="username" required autoComplete="username" />
        </label>
        <label>
          Mot de passe{setup ? ' (12 caractères au moins)' : ''}
          <input
            name="password"
            type="password"
            required
            minLength={setup ? 12 : undefined}
            autoComplete={setup ? 'new-password' : 'current-password'}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {setup ? 'Créer le compte et se connecter' : 'Se connecter'}
        </button>
      </form>
    </main>
  );
}
