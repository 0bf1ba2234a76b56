/**
 * What every printer transport answers (TCP, USB device file, serial): typed
 * failures rather than exceptions — a printer off, unplugged or hung is an
 * everyday state, not a bug.
 */
import type { PrinterStatus } from './printer-status.js';

export type TransportError =
  | 'refused'
  | 'timeout'
  | 'closed'
  | 'unreachable'
  /** The kiosk user may not open the device (lp or dialout group). */
  | 'permission'
  /** Another program holds the device. */
  | 'busy';

/**
 * A failed send never says how much reached the paper: `connected: true`
 * means some bytes may have, so the job must be treated as "maybe printed".
 */
export type SendResult =
  | { ok: true; sentBytes: number }
  | { ok: false; error: TransportError; connected: boolean; message: string };

export type StatusResult =
  | { ok: true; status: PrinterStatus }
  | { ok: false; error: TransportError | 'garbled'; message: string };
