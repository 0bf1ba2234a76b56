import type { HostTransport, RequestEnvelope } from '../../main/contract/ipc-contract';
import { WS_PATH } from '../../main/contract/channels';
import { readHostToken } from './host-token';

const RECONNECT_MS = [250, 500, 1000, 2000];

/**
 * The browser host's transport: one WebSocket to the page's own origin.
 * When the host restarts it has a new token: the transport fetches the page
 * again to read it, reconnects, and raises `host.reconnected`. Requests made
 * while it is down wait for the connection (the client's timeout bounds it).
 */
export function createWebSocketTransport(doc: Document = document): HostTransport {
  const pending = new Map<number, (response: unknown) => void>();
  const listeners = new Set<(envelope: unknown) => void>();
  let token = readHostToken(doc);
  let outbox: string[] = [];
  let socket: WebSocket;
  let failures = 0;
  let everOpened = false;

  const emit = (envelope: unknown) => {
    for (const listener of listeners) listener(envelope);
  };

  const connect = () => {
    const url = new URL(WS_PATH, doc.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', token);
    socket = new WebSocket(url);
    socket.onopen = () => {
      failures = 0;
      for (const message of outbox) socket.send(message);
      outbox = [];
      if (everOpened) emit({ event: 'host.reconnected', payload: {} });
      everOpened = true;
    };
    socket.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof data === 'object' && data !== null && 'id' in data && 'ok' in data) {
        const id = (data as { id: unknown }).id;
        const resolve = typeof id === 'number' ? pending.get(id) : undefined;
        if (resolve) {
          pending.delete(id as number);
          resolve(data);
        }
        return;
      }
      emit(data);
    };
    socket.onclose = () => {
      const delay = RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)];
      failures += 1;
      setTimeout(
        () =>
          void refreshToken(doc).then((fresh) => {
            if (fresh) token = fresh;
            connect();
          }),
        delay,
      );
    };
  };
  connect();

  return {
    request: (envelope: RequestEnvelope) =>
      new Promise((resolve) => {
        pending.set(envelope.id, resolve);
        const message = JSON.stringify(envelope);
        if (socket.readyState === WebSocket.OPEN) socket.send(message);
        else outbox.push(message);
      }),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The token of the host now serving this origin, or null while it is down. */
async function refreshToken(doc: Document): Promise<string | null> {
  try {
    const response = await fetch(new URL('/', doc.location.href), { cache: 'no-store' });
    if (!response.ok) return null;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    return readHostToken(page) || null;
  } catch {
    return null;
  }
}
