import { useEffect, useState } from 'react';
import type { AppInfo, SessionView } from '../../main/contract/ipc-contract';
import type { HostClient } from './host-client';

const RETRY_MS = 1000;

/** The kiosk description and the session, kept current from the host's events. */
export function useHostState(host: HostClient): {
  info: AppInfo | null;
  session: SessionView | null;
} {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      Promise.all([host.call('app.info', {}), host.call('session.get', {})]).then(
        ([nextInfo, nextSession]) => {
          if (cancelled) return;
          setInfo(nextInfo);
          setSession(nextSession);
        },
        () => {
          // The host is (re)starting: keep the waiting screen and ask again.
          if (!cancelled) timer = setTimeout(load, RETRY_MS);
        },
      );
    };
    load();
    const unsubscribers = [
      host.on('app.info.changed', setInfo),
      host.on('session.changed', setSession),
      host.on('host.reconnected', load),
    ];
    return () => {
      cancelled = true;
      clearTimeout(timer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [host]);

  return { info, session };
}
