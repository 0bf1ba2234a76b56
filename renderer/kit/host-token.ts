/** The per-launch token the kiosk server writes into index.html (WebSocket and read-aloud need it). */
export const TOKEN_META = 'borne-host-token';

export function readHostToken(doc: Document): string {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
}
