/**
 * One way to reach any printer, whatever the cable: send a job, ask the
 * real-time status. The queue and the CLI only see this.
 */
import { queryStatusDevice, sendToDevice } from './device-transport.js';
import { formatPrinterUri, type PrinterUri } from './printer-uri.js';
import { queryStatusSerial, sendSerial } from './serial-transport.js';
import { queryStatusTcp, sendTcp } from './tcp-transport.js';
import type { SendResult, StatusResult } from './transport-results.js';

export interface PrinterTransport {
  readonly address: string;
  send(data: Uint8Array): Promise<SendResult>;
  status(): Promise<StatusResult>;
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
