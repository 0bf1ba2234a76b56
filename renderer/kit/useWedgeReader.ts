import { useEffect } from 'react';
import type { WedgeSettings } from '../../main/contract/ipc-contract';
import type { HostClient } from './host-client';
import { installWedgeGuard } from './wedge-keyboard-guard';

/**
 * A keyboard-wedge reader, when the configuration has one: its scans go to
 * the services (which parse and pseudonymise them), never into a field.
 */
export function useWedgeReader(host: HostClient, settings: WedgeSettings | undefined): void {
  const key = settings?.enabled ? JSON.stringify(settings) : '';
  useEffect(() => {
    if (!key) return;
    const options = JSON.parse(key) as WedgeSettings;
    return installWedgeGuard(window, {
      ...options,
      onScan: (text) => void host.call('reader.scan', { text }).catch(() => undefined),
    });
  }, [host, key]);
}
