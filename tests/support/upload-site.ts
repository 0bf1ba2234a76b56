/**
 * A fake procedure site on 127.0.0.1 that asks for a proof of address, as
 * CAF or France Travail do: a file input (PDF or image), a form posted as
 * multipart/form-data, and an attestation to download once it is received.
 * It keeps what it received, for the test to check.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface UploadSite {
  origin: string;
  /** Files received by the form, in order. */
  received: { name: string; type: string; bytes: Buffer }[];
  close(): Promise<void>;
}

const FORM = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Justificatif de domicile</title></head><body>
<h1>Ajoutez votre justificatif de domicile</h1>
<form method="post" action="/envoi" enctype="multipart/form-data">
<label>Justificatif (PDF, JPG ou PNG, 2 Mo au plus)
<input id="justificatif" name="justificatif" type="file" accept="application/pdf,image/jpeg,image/png"></label>
<button id="envoyer" type="submit">Envoyer</button>
</form></body></html>`;

const RECEIVED = (name: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Justificatif reçu</title></head><body>
<h1 id="recu">Nous avons reçu ${name}</h1>
<a id="attestation" href="/attestation.pdf">Télécharger votre attestation de dépôt</a>
</body></html>`;

async function attestation(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595.28, 841.89]);
  page.drawText('Attestation de dépôt', { x: 60, y: 760, size: 28, font });
  page.drawText('Votre justificatif de domicile a bien été reçu.', {
    x: 60,
    y: 720,
    size: 14,
    font,
  });
  return document.save();
}

export async function startUploadSite(): Promise<UploadSite> {
  const received: UploadSite['received'] = [];
  const pdf = Buffer.from(await attestation());
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/attestation.pdf') {
      res
        .writeHead(200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': 'attachment; filename="attestation-depot.pdf"',
        })
        .end(pdf);
      return;
    }
    if (path === '/envoi' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        // The platform's own multipart parser, as a site's framework would use.
        void new Response(Buffer.concat(chunks), {
          headers: { 'Content-Type': req.headers['content-type'] ?? '' },
        })
          .formData()
          .then(async (form) => {
            const file = form.get('justificatif');
            if (!(file instanceof File) || file.size === 0) {
              res
                .writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' })
                .end('Aucun fichier');
              return;
            }
            received.push({
              name: file.name,
              type: file.type,
              bytes: Buffer.from(await file.arrayBuffer()),
            });
            res
              .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
              .end(RECEIVED(file.name));
          });
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(FORM);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
