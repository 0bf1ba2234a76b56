/**
 * A local administration-like form on 127.0.0.1, for the ID card helper: the
 * kinds of fields a procedure site has (text boxes with and without content,
 * a date picker, a password, a read-only box, a text area, an editable
 * block, a same-origin frame), plus a frame from another origin. Each field
 * counts the input events it got, as a site's own checks would see them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FormSite {
  origin: string;
  /** The other origin the form embeds a frame from. */
  otherOrigin: string;
  close(): Promise<void>;
}

const COUNT_INPUTS = `<script>
window.inputEvents = 0;
document.addEventListener('input', () => { window.inputEvents += 1; }, true);
</script>`;

const FORM_PAGE = (otherOrigin: string) => `<!doctype html><html lang="fr"><head>
<meta charset="utf-8"><title>Demande d’allocation</title></head><body>
<form>
<label>Nom <input id="lastName" name="nom" autocomplete="family-name"></label>
<label>Prénoms <input id="firstNames" value="à remplacer"></label>
<label>Date de naissance <input id="birth" type="date"></label>
<label>Mot de passe <input id="password" type="password"></label>
<label>Identifiant <input id="readonly" readonly value="0000"></label>
<label>Commentaire <textarea id="comment"></textarea></label>
<div id="editable" contenteditable="true">ancien texte</div>
<label>Quantité <input id="quantity" type="number"></label>
</form>
<iframe id="same" src="/inner"></iframe>
<iframe id="other" src="${otherOrigin}/inner"></iframe>
${COUNT_INPUTS}
</body></html>`;

const INNER_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>cadre</title></head>
<body><label>Numéro <input id="inner"></label>${COUNT_INPUTS}</body></html>`;

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const originOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export async function startFormSite(): Promise<FormSite> {
  const page = (body: string) => ({ body, type: 'text/html; charset=utf-8' });
  const other = await listen((request, response) => {
    const { body, type } = page(INNER_PAGE);
    response.writeHead(request.url === '/inner' ? 200 : 404, { 'content-type': type });
    response.end(body);
  });
  const otherOrigin = originOf(other);
  const main = await listen((request, response) => {
    const found =
      request.url === '/form'
        ? FORM_PAGE(otherOrigin)
        : request.url === '/inner'
          ? INNER_PAGE
          : null;
    response.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(found ?? 'not found');
  });
  const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    origin: originOf(main),
    otherOrigin,
    close: async () => {
      main.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([close(main), close(other)]);
    },
  };
}

/** A navigation allowlist entry for one origin of this site. */
export function siteEntry(origin: string) {
  return { scheme: 'http', host: '127.0.0.1', pathPrefix: '/', port: Number(new URL(origin).port) };
}
