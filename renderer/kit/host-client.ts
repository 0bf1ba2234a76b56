import {
  EventEnvelope,
  type EventName,
  type EventPayload,
  events,
  HostCallError,
  type HostTransport,
  type MethodName,
  type Params,
  parseResult,
  ResponseEnvelope,
  type Result,
} from '../../main/contract/ipc-contract';
import { PRELOAD_GLOBAL } from '../../main/contract/channels';
import { createWebSocketTransport } from './websocket-transport';

const CALL_TIMEOUT_MS = 10_000;

/** Typed calls to the services, validated on arrival, over either host's transport. */
export class HostClient {
  #nextId = 1;

  constructor(private readonly transport: HostTransport) {}

  async call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
    const id = this.#nextId++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new HostCallError('timeout', `${method} got no answer`)),
        CALL_TIMEOUT_MS,
      );
    });
    try {
      const raw = await Promise.race([this.transport.request({ id, method, params }), timeout]);
      return parseResult(method, ResponseEnvelope.parse(raw));
    } finally {
      clearTimeout(timer);
    }
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.onEvent((raw) => {
      const envelope = EventEnvelope.safeParse(raw);
      if (!envelope.success || envelope.data.event !== event) return;
      const payload = events[event].safeParse(envelope.data.payload);
      if (payload.success) listener(payload.data as EventPayload<E>);
    });
  }
}

/** The Electron preload's transport when present, the browser host's WebSocket otherwise. */
export function connectToHost(win: Window = window): HostClient {
  const preload = (win as unknown as Record<string, HostTransport | undefined>)[PRELOAD_GLOBAL];
  return new HostClient(preload ?? createWebSocketTransport(win.document));
}
