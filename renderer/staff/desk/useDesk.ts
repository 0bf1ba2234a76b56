import { useCallback, useEffect, useState } from 'react';
import type { DeskView, MethodName, Params, Result } from '../../../main/contract/ipc-contract';
import type { HostClient } from '../../kit/host-client';

type DeskMethod = Extract<
  MethodName,
  'desk.choose' | 'desk.pay' | 'desk.delivered' | 'desk.cancel' | 'desk.settle'
>;

/** The desk as the services publish it, and its actions (a refused action says so once). */
export function useDesk(host: HostClient) {
  const [desk, setDesk] = useState<DeskView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void host.call('desk.get', {}).then(
      (view) => !cancelled && setDesk(view),
      () => undefined,
    );
    const off = host.on('desk.changed', setDesk);
    return () => {
      cancelled = true;
      off();
    };
  }, [host]);
  const act = useCallback(
    <M extends DeskMethod>(method: M, params: Params<M>) => {
      setFailed(false);
      void host.call(method, params).then(
        (view: Result<M>) => setDesk(view as DeskView),
        () => setFailed(true),
      );
    },
    [host],
  );
  return { desk, failed, act };
}
