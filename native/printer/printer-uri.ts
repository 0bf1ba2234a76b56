/**
 * Where a printer is, as technicians write it:
 *   tcp://10.0.0.5:9100   usb:///dev/usb/lp0   serial:///dev/ttyUSB0?baud=38400&flow=rtscts
 */
export type PrinterUri =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'usb'; path: string }
  | { kind: 'serial'; path: string; baud: number; flow: 'none' | 'rtscts' | 'xonxoff' };

export type ParsedUri = { ok: true; uri: PrinterUri } | { ok: false; error: string };

const EXAMPLES = 'tcp://10.0.0.5:9100, usb:///dev/usb/lp0 or serial:///dev/ttyUSB0?baud=38400';

export function parsePrinterUri(text: string): ParsedUri {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `not a printer address: "${text}" (${EXAMPLES})` };
  }
  if (url.protocol === 'tcp:') {
    if (!url.hostname) return { ok: false, error: `no host in "${text}"` };
    const port = url.port === '' ? 9100 : Number(url.port);
    return { ok: true, uri: { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port } };
  }
  if (url.protocol === 'usb:' && url.pathname.startsWith('/dev/')) {
    return { ok: true, uri: { kind: 'usb', path: url.pathname } };
  }
  if (url.protocol === 'serial:' && url.pathname.startsWith('/dev/')) {
    const baud = Number(url.searchParams.get('baud') ?? '9600');
    if (!Number.isInteger(baud) || baud <= 0)
      return { ok: false, error: `bad baud rate in "${text}"` };
    const flow = url.searchParams.get('flow') ?? 'none';
    if (flow !== 'none' && flow !== 'rtscts' && flow !== 'xonxoff') {
      return { ok: false, error: `bad flow control in "${text}": none, rtscts or xonxoff` };
    }
    return { ok: true, uri: { kind: 'serial', path: url.pathname, baud, flow } };
  }
  return { ok: false, error: `unknown printer address "${text}" (${EXAMPLES})` };
}

export function formatPrinterUri(uri: PrinterUri): string {
  switch (uri.kind) {
    case 'tcp':
      return `tcp://${uri.host.includes(':') ? `[${uri.host}]` : uri.host}:${uri.port}`;
    case 'usb':
      return `usb://${uri.path}`;
    case 'serial':
      return `serial://${uri.path}?baud=${uri.baud}${uri.flow === 'none' ? '' : `&flow=${uri.flow}`}`;
  }
}
