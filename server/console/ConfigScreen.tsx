/**
 * The configuration editor. Each scope sets only what it changes: the fleet
 * for every kiosk, a site over the fleet, a kiosk over its site. The text is
 * checked by the server with the kiosk's own schema, alone and composed for
 * every kiosk it reaches, before anything is signed; "Vérifier" shows the
 * configuration a kiosk of this scope would run on.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  api,
  ApiError,
  dateTime,
  type Kiosk,
  type Me,
  messageOf,
  type ScopeConfig,
  type Site,
} from './api';

const SECTIONS: [string, string][] = [
  ['kiosk', 'nom du site affiché, identité de la borne'],
  ['languages', 'langue par défaut et langues proposées'],
  ['session', "temps d'inactivité avant l'avertissement et l'effacement"],
  ['browsing', 'sites autorisés'],
  ['procedures', 'démarches proposées et fichiers du catalogue'],
  ['printing', 'imprimantes et en-tête des tickets'],
  ['readers', 'lecteurs de cartes et de codes'],
  ['staff', "accès de l'équipe"],
  ['membership', 'cartes de membre'],
  ['vouchers', 'produits de recharge et prix'],
  ['usage', 'conservation du journal anonyme'],
  ['openingHours', "horaires d'ouverture (fuseau, semaine, jours fermés)"],
  ['branding', "couleur et logo de l'écran d'accueil"],
];

interface Check {
  ok: boolean;
  problems: string[];
  effective?: unknown;
}

export function ConfigScreen({ me }: { me: Me }) {
  const [sites, setSites] = useState<Site[]>([]);
  const [kiosks, setKiosks] = useState<Kiosk[]>([]);
  const [scope, setScope] = useState(me.role === 'admin' ? 'fleet' : `site:${me.sites[0] ?? ''}`);
  const [current, setCurrent] = useState<ScopeConfig | null>(null);
  const [text, setText] = useState('{}');
  const [check, setCheck] = useState<Check | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void api<{ sites: Site[] }>('GET', '/sites').then(
      (answer) => setSites(answer.sites),
      () => undefined,
    );
    void api<{ kiosks: Kiosk[] }>('GET', '/kiosks').then(
      (answer) => setKiosks(answer.kiosks),
      () => undefined,
    );
  }, []);

  const load = useCallback(() => {
    api<ScopeConfig>('GET', `/config/${scope}`).then(
      (answer) => {
        setCheck(null);
        setCurrent(answer);
        setText(JSON.stringify(answer.payload, null, 2));
      },
      (failure: unknown) => setNotice(messageOf(failure)),
    );
  }, [scope]);
  useEffect(load, [load]);

  const parsed = (): Record<string, unknown> | undefined => {
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return value as Record<string, unknown>;
      }
      setCheck({ ok: false, problems: ['Le texte doit être un objet JSON : { … }.'] });
    } catch (error) {
      setCheck({
        ok: false,
        problems: [`Le texte n'est pas du JSON valide : ${(error as Error).message}`],
      });
    }
    return undefined;
  };

  const verify = async () => {
    const payload = parsed();
    if (!payload) return;
    try {
      setCheck(await api<Check>('POST', `/config/${scope}/check`, { payload }));
    } catch (failure) {
      setCheck({ ok: false, problems: [messageOf(failure)] });
    }
  };

  const publish = async () => {
    const payload = parsed();
    if (!payload) return;
    try {
      const answer = await api<{ version: number }>('POST', `/config/${scope}`, { payload });
      setNotice(
        `Version ${answer.version} publiée : les bornes l'appliqueront entre deux visiteurs.`,
      );
      setCheck(null);
      load();
    } catch (failure) {
      setCheck({
        ok: false,
        problems:
          failure instanceof ApiError && failure.problems.length > 0
            ? failure.problems
            : [messageOf(failure)],
      });
    }
  };

  return (
    <section aria-labelledby="config-title">
      <h1 id="config-title">Configuration</h1>
      <p>
        La flotte s'applique à toutes les bornes, un site la complète, une borne complète son site.
        N'écrivez ici que ce que cette portée change.
      </p>
      <div className="form">
        <label htmlFor="config-scope">Portée</label>
        <select
          id="config-scope"
          value={scope}
          onChange={(event) => {
            setNotice('');
            setScope(event.target.value);
          }}
        >
          {me.role === 'admin' && <option value="fleet">Toute la flotte</option>}
          {sites.map((site) => (
            <option key={site.id} value={`site:${site.id}`}>
              Site : {site.name}
            </option>
          ))}
          {kiosks.map((kiosk) => (
            <option key={kiosk.id} value={`kiosk:${kiosk.id}`}>
              Borne : {kiosk.name} ({kiosk.siteId})
            </option>
          ))}
        </select>
      </div>
      {current && (
        <p>
          {current.version === 0
            ? 'Rien de publié pour cette portée.'
            : `Version ${current.version}, publiée par ${current.publishedBy} le ${dateTime(current.issuedAt)}.`}
        </p>
      )}
      <div className="editor">
        <label className="form editor__text">
          Réglages de cette portée (JSON)
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={18}
            spellCheck={false}
            data-testid="config-text"
          />
        </label>
        <aside className="editor__help" aria-labelledby="sections-title">
          <h2 id="sections-title">Rubriques</h2>
          <dl>
            {SECTIONS.map(([name, help]) => (
              <div key={name}>
                <dt>
                  <code>{name}</code>
                </dt>
                <dd>{help}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void verify()}>
          Vérifier
        </button>
        <button type="button" className="primary" onClick={() => void publish()}>
          Publier
        </button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {check && (
        <div role={check.ok ? 'status' : 'alert'} className={check.ok ? 'ok' : 'error'}>
          {check.ok ? (
            <p>La configuration est valide pour toutes les bornes concernées.</p>
          ) : (
            <>
              <p>Configuration refusée :</p>
              <ul>
                {check.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {check?.effective !== undefined && (
        <details className="panel">
          <summary>Configuration complète qu'une borne de cette portée appliquera</summary>
          <pre>{JSON.stringify(check.effective, null, 2)}</pre>
        </details>
      )}
    </section>
  );
}
