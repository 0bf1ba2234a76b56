/**
 * The fleet console: the first admin's set-up on a new server, sign-in,
 * then the kiosks, sites, configuration, statistics and audit log, each a
 * tab. What a site manager does not have the right to see is not offered.
 */
import { useEffect, useState } from 'react';
import { api, type Me, setCsrf } from './api';
import { AuditScreen } from './AuditScreen';
import { ConfigScreen } from './ConfigScreen';
import { KiosksScreen } from './KiosksScreen';
import { LoginScreen } from './LoginScreen';
import { SitesScreen } from './SitesScreen';
import { StatsScreen } from './StatsScreen';

const TABS = [
  { id: 'kiosks', label: 'Bornes' },
  { id: 'sites', label: 'Sites' },
  { id: 'config', label: 'Configuration' },
  { id: 'stats', label: 'Statistiques' },
  { id: 'audit', label: 'Journal' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function ConsoleApp() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('kiosks');

  useEffect(() => {
    api<Me>('GET', '/me').then(
      (who) => {
        setCsrf(who.csrf);
        setMe(who);
      },
      () => setMe(null),
    );
  }, []);

  if (me === undefined) return <p className="loading">Chargement…</p>;
  if (me === null) {
    return (
      <LoginScreen
        onSignedIn={(who) => {
          setCsrf(who.csrf);
          setMe(who);
        }}
      />
    );
  }
  const signOut = async () => {
    await api('POST', '/logout').catch(() => undefined);
    setCsrf('');
    setMe(null);
  };
  return (
    <div className="console">
      <header className="console__header">
        <p className="console__brand">Borne — console de la flotte</p>
        <p className="console__who">
          {me.username} (
          {me.role === 'admin' ? 'administrateur' : `responsable de site : ${me.sites.join(', ')}`})
        </p>
        <button type="button" onClick={() => void signOut()}>
          Se déconnecter
        </button>
      </header>
      <nav className="tabs" aria-label="Rubriques">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            className="tabs__tab"
            aria-current={tab === entry.id ? 'page' : undefined}
            onClick={() => setTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </nav>
      <main className="console__main">
        {tab === 'kiosks' && <KiosksScreen />}
        {tab === 'sites' && <SitesScreen me={me} />}
        {tab === 'config' && <ConfigScreen me={me} />}
        {tab === 'stats' && <StatsScreen />}
        {tab === 'audit' && <AuditScreen />}
      </main>
    </div>
  );
}
