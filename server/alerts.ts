/**
 * What needs someone's attention on a kiosk, from its last heartbeat: off
 * line for more than 2 minutes, a printer out of paper, a reader unplugged,
 * a call for a volunteer unanswered for more than 5 minutes.
 */
import type { KioskStatus } from '../main/fleet/fleet-protocol.js';

export const OFFLINE_AFTER_MS = 2 * 60_000;
export const HELP_UNANSWERED_AFTER_MS = 5 * 60_000;

export type Alert =
  | { kind: 'offline'; since: number }
  | { kind: 'paper-out'; printer: string }
  | { kind: 'reader-unplugged'; reader: string }
  | { kind: 'help-unanswered'; since: number };

export function alertsOf(
  kiosk: { lastSeen: number | null; enrolledAt: number },
  status: KioskStatus | null,
  now: number,
): Alert[] {
  const alerts: Alert[] = [];
  const seen = kiosk.lastSeen ?? kiosk.enrolledAt;
  if (now - seen > OFFLINE_AFTER_MS) alerts.push({ kind: 'offline', since: seen });
  if (!status) return alerts;
  for (const printer of status.printers) {
    if (printer.state === 'paper-out') alerts.push({ kind: 'paper-out', printer: printer.id });
  }
  for (const reader of status.readers) {
    if (reader.state === 'disconnected')
      alerts.push({ kind: 'reader-unplugged', reader: reader.id });
  }
  for (const call of status.helpCalls) {
    const since = Date.parse(call);
    if (now - since > HELP_UNANSWERED_AFTER_MS) alerts.push({ kind: 'help-unanswered', since });
  }
  return alerts;
}

export const isOnline = (lastSeen: number | null, now: number) =>
  lastSeen !== null && now - lastSeen <= OFFLINE_AFTER_MS;
