import type { StaffView } from '../../main/contract/ipc-contract';
import type { HostClient } from './host-client';
import { useHostView } from './useHostView';

const SIGNED_OUT: StaffView = { state: 'signed-out' };

/** Staff sign-in as the services see it, kept current from their events. */
export function useStaffView(host: HostClient): StaffView {
  return useHostView(host, 'staff.get', 'staff.changed', SIGNED_OUT);
}
