/**
 * One way to reach any printer, whatever the cable: send a job, ask the
 * real-time status. The queue and the CLI only see this.
 */
import { type DeviceError, queryStatusDevice, sendToDevice } from './device-transport.js';
import type { PrinterStatus } from './printer-status.js';
import { formatPrinterUri, type PrinterUri } from './printer-uri.js';
import { queryStatusSerial, sendSerial } from './serial-transport.js';
import { queryStatusTcp, sendTcp } from './tcp-transport.js';

export type TransportFailure = DeviceError | 'garbled';

/** `connected: true` on a failed send means some bytes may have reached the paper. */
export type JobSendResult =
  | { ok: true; sentBytes: number }
  | { ok: false; error: DeviceError; connected: boolean; message: string };

export type PrinterStatusResult =
  { ok: true; status: PrinterStatus } | { ok: false; error: TransportFailure; message: string };

export interface PrinterTransport {
  readonly address: string;
  send(data: Uint8Array): Promise<JobSendResult>;
  status(): Promise<PrinterStatusResult>;
}

export function transportFor(uri: PrinterUri): PrinterTransport {
  const address = formatPrinterUri(uri);
  switch (uri.kind) {
    case 'tcp':
      return { address, send: (data) => sendTcp(uri, data), status: () => queryStatusTcp(uri) };
    case 'usb':
      return {
        address,
        send: (data) => sendToDevice(uri.path, data),
        status: () => queryStatusDevice(uri.path),
      };
    case 'serial':
      return {
        address,
        send: (data) => sendSerial(uri, data),
        status: () => queryStatusSerial(uri),
      };
  }
}
