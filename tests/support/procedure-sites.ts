/**
 * Stand-ins for three official sites, served over HTTPS on 127.0.0.1 under
 * their real host names, so the guide is tested with the catalogue's real
 * site rules: Chromium maps each host to this server (host-resolver rules)
 * and trusts its certificate by its key alone (SPKI pin), nothing else.
 *
 * - France Travail: two-page login on authentification-candidat (identifier,
 *   then password), the monthly questions, a summary, the confirmation;
 * - CAF: login, a 6-digit code "sent by e-mail" (kept in `mailbox`), the
 *   account, the prefilled declaration, a summary, the confirmation;
 * - ameli: login, the account, "Mes démarches", the certificate page and
 *   its PDF (a download).
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomInt, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SITE_HOSTS = [
  'candidat.francetravail.fr',
  'authentification-candidat.francetravail.fr',
  'wwwd.caf.fr',
  'assure.ameli.fr',
] as const;

/** A host that does not answer: its connections are refused. */
export const UNREACHABLE_HOST = 'www.francetravail.fr';

export interface ProcedureSites {
  port: number;
  /** The codes the CAF "sent by e-mail", last one last. */
  mailbox: string[];
  /** Chromium flags: the hosts mapped here, this certificate trusted. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for the sites' names, made by openssl for this run. */
function makeCertificate(): { key: string; cert: string; spki: string } {
  const dir = mkdtempSync(join(tmpdir(), 'borne-cert-'));
  try {
    const san = SITE_HOSTS.map((host) => `DNS:${host}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=borne-test-sites',
        '-addext',
        `subjectAltName=${san}`,
      ],
      { stdio: 'ignore' },
    );
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert,
      spki: createHash('sha256').update(der).digest('base64'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const page = (title: string, body: string) => `<!doctype html><html lang="fr"><head>
<meta charset="utf-8"><title>${title}</title>
<style>body{font:18px sans-serif;margin:24px;max-width:760px}label{display:block;margin:12px 0}
input,button{font:inherit;padding:8px}button{margin-top:12px}</style></head>
<body><header><strong>${title.split(' – ').at(-1) ?? ''}</strong></header><main>${body}</main></body></html>`;

type Reply =
  | { html: string; cookie?: string }
  | { redirect: string; cookie?: string }
  | { pdf: string; name: string };

const connected = (request: IncomingMessage) =>
  /(^|;\s*)connecte=1/.test(request.headers.cookie ?? '');

function franceTravailAuth(url: URL): Reply | undefined {
  if (url.pathname === '/connexion/XUI/') {
    // A single-page login, like the real one: identifier, then password, on one URL.
    return {
      html: page(
        'Connexion – France Travail',
        `<div id="cookies"><p>Ce site utilise des cookies.</p><button id="sans" type="button">Continuer sans accepter</button></div>
<form id="etape1"><label>Identifiant <input id="identifiant" name="identifiant" autocomplete="username"></label>
<button id="submit" type="submit">Poursuivre</button></form>
<form id="etape2" method="post" action="/connexion/valider" hidden>
<label>Mot de passe <input id="password" name="password" type="password"></label>
<button type="submit">Se connecter</button></form>
<script>
document.getElementById('sans').onclick = () => document.getElementById('cookies').remove();
document.getElementById('etape1').onsubmit = (event) => {
  event.preventDefault();
  document.getElementById('etape1').hidden = true;
  document.getElementById('etape2').hidden = false;
  location.hash = '#login/password';
};
</script>`,
      ),
    };
  }
  if (url.pathname === '/connexion/valider') {
    return { redirect: 'https://candidat.francetravail.fr/espacepersonnel/connexion?ticket=ok' };
  }
  return undefined;
}

function franceTravail(request: IncomingMessage, url: URL): Reply | undefined {
  if (url.pathname === '/espacepersonnel/connexion') {
    return { redirect: '/actualisation', cookie: 'connecte=1' };
  }
  if (url.pathname.startsWith('/actualisation') && !connected(request)) {
    return {
      redirect:
        'https://authentification-candidat.francetravail.fr/connexion/XUI/?realm=/individu&goto=https://candidat.francetravail.fr/actualisation#login/',
    };
  }
  switch (url.pathname) {
    case '/actualisation':
      return {
        html: page(
          'Actualisation – Déclarer ma situation – France Travail',
          `<h1>Ma situation du mois</h1><form method="post" action="/actualisation/recapitulatif">
<fieldset><legend>Avez-vous travaillé ?</legend><label><input type="radio" name="travail" value="oui"> Oui</label><label><input type="radio" name="travail" value="non" checked> Non</label></fieldset>
<fieldset><legend>Êtes-vous toujours à la recherche d’un emploi ?</legend><label><input type="radio" name="recherche" value="oui" checked> Oui</label></fieldset>
<button type="submit">Suivant</button></form>`,
        ),
      };
    case '/actualisation/recapitulatif':
      return {
        html: page(
          'Récapitulatif – Actualisation – France Travail',
          `<h1>Récapitulatif</h1><p>Travail : non. Recherche d’emploi : oui.</p>
<form method="post" action="/actualisation/valider"><button type="submit">Valider</button></form>`,
        ),
      };
    case '/actualisation/valider':
      return { redirect: '/actualisation-declaree/' };
    case '/actualisation-declaree/':
      return {
        html: page(
          'Actualisation enregistrée – France Travail',
          '<h1>Votre actualisation est enregistrée.</h1>',
        ),
      };
    case '/aide/contact':
      return {
        html: page('Nous contacter – France Travail', '<h1>Nous contacter</h1><p>39 49</p>'),
      };
    default:
      return undefined;
  }
}

function caf(
  request: IncomingMessage,
  url: URL,
  body: URLSearchParams,
  mailbox: string[],
): Reply | undefined {
  const base = '/wps/myportal/caffr/moncompte';
  switch (url.pathname) {
    case '/wps/portal/caffr/login':
      return {
        html: page(
          'Connexion à Mon Compte – caf.fr',
          `<form method="post" action="/wps/portal/caffr/login/envoyer">
<label>Numéro de sécurité sociale <input name="nir" inputmode="numeric"></label>
<label>Mot de passe <input name="mdp" type="password"></label>
<button type="submit">Se connecter</button></form>`,
        ),
      };
    case '/wps/portal/caffr/login/envoyer':
      mailbox.push(String(randomInt(100000, 1000000)));
      return { redirect: '/wps/portal/caffr/login/code' };
    case '/wps/portal/caffr/login/code':
      return {
        html: page(
          'Vérification – caf.fr',
          `<p>Un code à 6 chiffres vous a été envoyé par e-mail.</p>
<form method="post" action="/wps/portal/caffr/login/verifier">
<label>Code reçu <input name="code" autocomplete="one-time-code" inputmode="numeric"></label>
<button type="submit">Valider</button></form>`,
        ),
      };
    case '/wps/portal/caffr/login/verifier':
      return body.get('code') === mailbox.at(-1)
        ? { redirect: `${base}/`, cookie: 'connecte=1' }
        : { redirect: '/wps/portal/caffr/login/code?erreur=1' };
    default:
      break;
  }
  if (!url.pathname.startsWith(base)) return undefined;
  if (!connected(request)) return { redirect: '/wps/portal/caffr/login' };
  switch (url.pathname) {
    case `${base}/`:
      return {
        html: page(
          'Mon Compte – caf.fr',
          `<h1>Mon Compte</h1><p style="color:#a00">Déclaration trimestrielle à faire</p>
<nav><a href="${base}/declarer/ressources">Déclarer – Mes ressources trimestrielles</a></nav>`,
        ),
      };
    case `${base}/declarer/ressources`:
      return {
        html: page(
          'Déclarer mes ressources trimestrielles – caf.fr',
          `<h1>Mes ressources trimestrielles</h1><form method="post" action="${base}/declarer/recapitulatif">
<label>Salaire, montant net social, août <input name="aout" value="612,40"></label>
<label>Salaire, montant net social, septembre <input name="septembre" value="598,10"></label>
<label>Autres revenus <input name="autres" value=""></label>
<button type="submit">Suivant</button></form>`,
        ),
      };
    case `${base}/declarer/recapitulatif`:
      return {
        html: page(
          'Récapitulatif de votre déclaration – caf.fr',
          `<h1>Récapitulatif</h1><form method="post" action="${base}/declarer/valider"><button type="submit">Valider</button></form>`,
        ),
      };
    case `${base}/declarer/valider`:
      return { redirect: `${base}/declarer/confirmation` };
    case `${base}/declarer/confirmation`:
      return {
        html: page(
          'Confirmation de votre déclaration – caf.fr',
          '<h1>Votre déclaration est envoyée.</h1>',
        ),
      };
    default:
      return undefined;
  }
}

function ameli(request: IncomingMessage, url: URL): Reply | undefined {
  if (url.pathname === '/PortailAS/attestation.pdf') {
    return connected(request)
      ? { pdf: 'Attestation de droits', name: 'attestation-droits.pdf' }
      : undefined;
  }
  if (url.pathname === '/PortailAS/connexion') {
    return {
      redirect: '/PortailAS/appmanager/PortailAS/assure?_nfpb=true&_pageLabel=as_accueil_page',
      cookie: 'connecte=1',
    };
  }
  if (url.pathname !== '/PortailAS/appmanager/PortailAS/assure') return undefined;
  const label = url.searchParams.get('_pageLabel');
  if (label !== 'as_login_page' && (!connected(request) || label === null)) {
    return {
      redirect: '/PortailAS/appmanager/PortailAS/assure?_nfpb=true&_pageLabel=as_login_page',
    };
  }
  const link = (to: string, text: string) =>
    `<a href="/PortailAS/appmanager/PortailAS/assure?_nfpb=true&amp;_pageLabel=${to}">${text}</a>`;
  switch (label) {
    case 'as_login_page':
      return {
        html: page(
          'Connexion à mon compte – ameli',
          `<form method="post" action="/PortailAS/connexion">
<label>Numéro de sécurité sociale <input name="nir" inputmode="numeric"></label>
<label>Mot de passe <input name="mdp" type="password"></label>
<button type="submit">Se connecter</button></form>`,
        ),
      };
    case 'as_accueil_page':
      return {
        html: page(
          'Accueil – Mon compte ameli',
          `<h1>Bonjour</h1><nav>${link('as_demarches_page', 'Mes démarches')}</nav>`,
        ),
      };
    case 'as_demarches_page':
      return {
        html: page(
          'Mes démarches – ameli',
          `<ul><li>${link('as_attestation_droits_page', 'Attestation de droits')}</li></ul>`,
        ),
      };
    case 'as_attestation_droits_page':
      return {
        html: page(
          'Attestation de droits – ameli',
          `<h1>Attestation de droits</h1><a id="telecharger" href="/PortailAS/attestation.pdf">Télécharger</a>`,
        ),
      };
    default:
      return undefined;
  }
}

/** A one-page PDF with a line of text, enough for a viewer or a printer. */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function send(response: ServerResponse, reply: Reply | undefined): void {
  if (!reply) {
    response
      .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      .end(page('Page introuvable', '<h1>Page introuvable</h1>'));
    return;
  }
  const cookie =
    'cookie' in reply && reply.cookie
      ? { 'set-cookie': `${reply.cookie}; Path=/; Secure; HttpOnly` }
      : {};
  if ('redirect' in reply) {
    response.writeHead(303, { location: reply.redirect, ...cookie }).end();
  } else if ('pdf' in reply) {
    response
      .writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${reply.name}"`,
      })
      .end(tinyPdf(reply.pdf));
  } else {
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...cookie })
      .end(reply.html);
  }
}

export async function startProcedureSites(): Promise<ProcedureSites> {
  const { key, cert, spki } = makeCertificate();
  const mailbox: string[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(request.url ?? '/', `https://${host}`);
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const reply =
        host === 'authentification-candidat.francetravail.fr'
          ? franceTravailAuth(url)
          : host === 'candidat.francetravail.fr'
            ? franceTravail(request, url)
            : host === 'wwwd.caf.fr'
              ? caf(request, url, body, mailbox)
              : host === 'assure.ameli.fr'
                ? ameli(request, url)
                : undefined;
      send(response, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // A port that refuses connections: bound, then closed.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const refusedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const rules = [
    ...SITE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`),
    `MAP ${UNREACHABLE_HOST} 127.0.0.1:${refusedPort}`,
  ].join(', ');
  return {
    port,
    mailbox,
    chromiumArgs: [
      `--host-resolver-rules=${rules}`,
      `--ignore-certificate-errors-spki-list=${spki}`,
    ],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
