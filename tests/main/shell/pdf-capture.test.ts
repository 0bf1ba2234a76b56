import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CapturedPdf,
  capturePdfs,
  isPdfResponse,
  pdfFileName,
} from '../../../main/shell/pdf-capture.js';
import type { DevtoolsChannel } from '../../../main/shell/site-field-watch.js';

const h = (entries: Record<string, string>) =>
  Object.entries(entries).map(([name, value]) => ({ name, value }));

describe('which responses are PDFs Chromium would show', () => {
  it.each([
    ['application/pdf', 'https://caf.fr/a', true],
    ['Application/PDF; charset=binary', 'https://caf.fr/a', true],
    ['application/x-pdf', 'https://caf.fr/a', true],
    ['application/octet-stream', 'https://caf.fr/attestation.pdf', true],
    ['application/octet-stream', 'https://caf.fr/archive.zip', false],
    ['text/html; charset=utf-8', 'https://caf.fr/attestation.pdf', false],
    ['image/png', 'https://caf.fr/a.png', false],
  ])('%s at %s → %s', (type, url, pdf) => {
    expect(isPdfResponse(url, h({ 'Content-Type': type }))).toBe(pdf);
  });

  it('a response with no type is not taken', () => {
    expect(isPdfResponse('https://caf.fr/x.pdf', [])).toBe(false);
  });
});

describe('the name a PDF gets in the visit’s folder', () => {
  it('is the site’s own name, from Content-Disposition (UTF-8 names too)', () => {
    expect(
      pdfFileName(
        'https://caf.fr/dl?id=4',
        h({ 'content-disposition': 'inline; filename="attestation.pdf"' }),
      ),
    ).toBe('attestation.pdf');
    expect(
      pdfFileName(
        'https://caf.fr/dl?id=4',
        h({ 'Content-Disposition': "attachment; filename*=UTF-8''re%C3%A7u%20CAF.pdf" }),
      ),
    ).toBe('reçu CAF.pdf');
  });

  it('else the last part of the URL, decoded, with .pdf added when missing', () => {
    expect(pdfFileName('https://impots.gouv.fr/avis%202026.pdf', [])).toBe('avis 2026.pdf');
    expect(pdfFileName('https://ameli.fr/attestation', [])).toBe('attestation.pdf');
    expect(pdfFileName('https://ameli.fr/', [])).toBe('document.pdf');
    expect(pdfFileName('https://ameli.fr/%E0%A4%A', [])).toBe('document.pdf');
  });

  it('a malformed header falls back on the URL', () => {
    expect(
      pdfFileName('https://caf.fr/releve.pdf', h({ 'content-disposition': 'inline; filename=' })),
    ).toBe('releve.pdf');
  });

  it('never throws and always ends in .pdf, whatever the site sends', () => {
    fc.assert(
      fc.property(fc.string(), fc.webUrl(), (disposition, url) => {
        expect(pdfFileName(url, h({ 'content-disposition': disposition }))).toMatch(/\.pdf$/i);
      }),
    );
  });
});

/** The DevTools protocol as Chromium speaks it for paused responses, recorded. */
function fakeChannel(body: () => Promise<unknown>) {
  const sent: { method: string; params?: Record<string, unknown> }[] = [];
  let listener: ((params: Record<string, unknown>) => void) | undefined;
  const channel: DevtoolsChannel = {
    send: async (method, params) => {
      sent.push({ method, ...(params ? { params } : {}) });
      return method === 'Fetch.getResponseBody' ? body() : {};
    },
    on: (event, handler) => {
      if (event === 'Fetch.requestPaused') listener = handler;
      return () => (listener = undefined);
    },
  };
  const pause = (url: string, status: number, type: string) =>
    listener?.({
      requestId: `r-${url}`,
      request: { url },
      responseStatusCode: status,
      responseHeaders: h({ 'content-type': type }),
    });
  const settled = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { channel, sent, pause, settled };
}

describe('PDFs taken from a page through the DevTools protocol', () => {
  it('asks Chromium to pause every document response', async () => {
    const { channel, sent } = fakeChannel(async () => ({}));
    await capturePdfs(channel, async () => {});
    expect(sent).toEqual([
      {
        method: 'Fetch.enable',
        params: {
          patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Response' }],
        },
      },
    ]);
  });

  it('keeps a PDF and answers 204, so the page stays; other documents go on', async () => {
    const pdf = Buffer.from('%PDF-1.7 attestation');
    const fake = fakeChannel(async () => ({ body: pdf.toString('base64'), base64Encoded: true }));
    const kept: CapturedPdf[] = [];
    await capturePdfs(fake.channel, async (captured) => {
      kept.push(captured);
    });
    fake.pause('https://caf.fr/attestation.pdf', 200, 'application/pdf');
    fake.pause('https://caf.fr/suite', 200, 'text/html');
    fake.pause('https://caf.fr/manquant.pdf', 404, 'application/pdf');
    await fake.settled();
    expect(kept).toEqual([{ fileName: 'attestation.pdf', bytes: pdf }]);
    expect(fake.sent.slice(1)).toEqual(
      expect.arrayContaining([
        {
          method: 'Fetch.getResponseBody',
          params: { requestId: 'r-https://caf.fr/attestation.pdf' },
        },
        {
          method: 'Fetch.fulfillRequest',
          params: {
            requestId: 'r-https://caf.fr/attestation.pdf',
            responseCode: 204,
            responseHeaders: [],
          },
        },
        { method: 'Fetch.continueResponse', params: { requestId: 'r-https://caf.fr/suite' } },
        {
          method: 'Fetch.continueResponse',
          params: { requestId: 'r-https://caf.fr/manquant.pdf' },
        },
      ]),
    );
    expect(fake.sent).toHaveLength(5);
  });

  it('a PDF whose body cannot be read is refused, never shown', async () => {
    const fake = fakeChannel(() => Promise.reject(new Error('No resource with given identifier')));
    const kept: CapturedPdf[] = [];
    await capturePdfs(fake.channel, async (captured) => {
      kept.push(captured);
    });
    fake.pause('https://caf.fr/a.pdf', 200, 'application/pdf');
    await fake.settled();
    expect(kept).toEqual([]);
    expect(fake.sent.at(-1)).toEqual({
      method: 'Fetch.failRequest',
      params: { requestId: 'r-https://caf.fr/a.pdf', errorReason: 'BlockedByClient' },
    });
  });

  it('a PDF the kiosk could not store is still not shown', async () => {
    const fake = fakeChannel(async () => ({ body: '%PDF-1.7', base64Encoded: false }));
    await capturePdfs(fake.channel, () => Promise.reject(new Error('disk full')));
    fake.pause('https://caf.fr/a.pdf', 200, 'application/pdf');
    await fake.settled();
    expect(fake.sent.at(-1)?.method).toBe('Fetch.fulfillRequest');
  });
});
