import { useEffect, useState } from 'react';
import type { StaffView } from '../../main/contract/ipc-contract';
import type { HostClient } from './host-client';

const SIGNED_OUT: StaffView = { state: 'signed-out' };

/** Staff sign-in as the services see it, kept current from their events. */
export function useStaffView(host: HostClient): StaffView {
  const [view, setView] = useState<StaffView>(SIGNED_OUT);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      host.call('staff.get', {}).then(
        (next) => !cancelled && setView(next),
        () => undefined,
      );
    void load();
    const unsubscribers = [host.on('staff.changed', setView), host.on('host.reconnected', load)];
    return () => {
      cancelled = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [host]);
  return view;
}
