import { useEffect, useState } from 'react';
import type {
  EventName,
  EventPayload,
  MethodName,
  Params,
  Result,
} from '../../main/contract/ipc-contract';
import type { HostClient } from './host-client';

/**
 * A view the services keep: asked once (and again after a reconnection),
 * then kept current from its change event, which must carry the same view.
 * A failed ask keeps what was there (`initial` at first).
 */
export function useHostView<M extends MethodName, E extends EventName>(
  host: HostClient,
  method: M,
  event: E & (EventPayload<E> extends Result<M> ? E : never),
  initial: Result<M>,
): Result<M> {
  const [view, setView] = useState<Result<M>>(initial);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      host.call(method, {} as Params<M>).then(
        (next) => !cancelled && setView(next),
        () => undefined,
      );
    void load();
    const unsubscribers = [
      host.on(event, (payload) => setView(payload as Result<M>)),
      host.on('host.reconnected', load),
    ];
    return () => {
      cancelled = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [host, method, event]);
  return view;
}
