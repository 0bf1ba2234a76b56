/**
 * One HID reader from the configuration, kept open: found by vendor,
 * product and usage page, reopened when it comes back (node-hid has no
 * hotplug events, so the device list is polled), its reports decoded into
 * reader events. Status is typed: connected, disconnected, or permission
 * denied with the udev fix to apply.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { decoderFor, type DecodedReport, type ReportDecoderKind } from './hid-reports.js';
import { type ReaderEvent, type ReaderRole, readerEvent } from './reader-events.js';

export interface HidListing {
  path: string;
  vendorId: number;
  productId: number;
  usagePage: number;
  usage: number;
  product: string;
}

export interface HidHandle {
  onReport(listener: (report: Uint8Array) => void): void;
  /** The device went away or failed: the handle is dead. */
  onError(listener: (error: Error) => void): void;
  close(): void;
}

/** node-hid in production, recordings in tests and `borne hid simulate`. */
export interface HidBackend {
  list(): Promise<HidListing[]>;
  open(path: string): Promise<HidHandle>;
}

export interface ReaderMatch {
  vendorId: number;
  productId: number;
  usagePage?: number;
}

export type ReaderStatus =
  | { state: 'connected'; product: string }
  | { state: 'disconnected' }
  | { state: 'permission-denied'; message: string };

export const UDEV_FIX =
  'install build/udev/60-borne-readers.rules in /etc/udev/rules.d, then: udevadm control --reload && udevadm trigger';

export interface HidReaderOptions {
  id: string;
  match: ReaderMatch;
  decoder: ReportDecoderKind;
  role: ReaderRole;
  secret: Uint8Array;
  backend: HidBackend;
  pollMs?: number;
  onEvent: (event: ReaderEvent) => void;
  onStatus?: (status: ReaderStatus) => void;
  /** Whether the kiosk user may open this device node (hidraw permissions). */
  mayOpen?: (path: string) => Promise<boolean>;
}

const canReadWrite = (path: string) =>
  access(path, constants.R_OK | constants.W_OK).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'EACCES' && error.code !== 'EPERM',
  );

export function matches(listing: HidListing, match: ReaderMatch): boolean {
  return (
    listing.vendorId === match.vendorId &&
    listing.productId === match.productId &&
    (match.usagePage === undefined || listing.usagePage === match.usagePage)
  );
}

export class HidReader {
  private handle: HidHandle | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private current: ReaderStatus = { state: 'disconnected' };

  constructor(private readonly options: HidReaderOptions) {}

  get status(): ReaderStatus {
    return this.current;
  }

  start(): void {
    this.stopped = false;
    void this.poll();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.handle?.close();
    this.handle = undefined;
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    if (!this.handle) await this.tryOpen().catch(() => undefined);
    if (!this.stopped) this.timer = setTimeout(() => void this.poll(), this.options.pollMs ?? 1000);
  }

  private async tryOpen(): Promise<void> {
    const { backend, match } = this.options;
    const listing = (await backend.list()).find((device) => matches(device, match));
    if (!listing) return this.setStatus({ state: 'disconnected' });
    if (!(await (this.options.mayOpen ?? canReadWrite)(listing.path))) {
      return this.setStatus({
        state: 'permission-denied',
        message: `no permission on ${listing.path}: ${UDEV_FIX}`,
      });
    }
    let handle: HidHandle;
    try {
      handle = await backend.open(listing.path);
    } catch {
      return this.setStatus({ state: 'disconnected' });
    }
    if (this.stopped) return handle.close();
    this.handle = handle;
    const decode = decoderFor(this.options.decoder);
    handle.onReport((report) => this.deliver(decode(report)));
    handle.onError(() => {
      if (this.handle !== handle) return;
      handle.close();
      this.handle = undefined;
      this.setStatus({ state: 'disconnected' });
    });
    this.setStatus({ state: 'connected', product: listing.product });
  }

  private deliver(decoded: DecodedReport): void {
    const { role, secret, onEvent } = this.options;
    if (decoded.type === 'partial') return;
    if (decoded.type === 'error') {
      onEvent(failedRead(role, decoded.error));
      return;
    }
    const source =
      decoded.type === 'tracks'
        ? { type: 'tracks' as const, text: decoded.text }
        : { type: 'barcode' as const, text: decoded.data };
    onEvent(readerEvent(role, source, secret));
  }

  private setStatus(status: ReaderStatus): void {
    const changed = JSON.stringify(status) !== JSON.stringify(this.current);
    this.current = status;
    if (changed) this.options.onStatus?.(status);
  }
}

/** A read that could not be decoded, in the shape of its role's events. */
function failedRead(role: ReaderRole, error: string): ReaderEvent {
  if (role === 'id-card')
    return { kind: role, valid: false, fields: {}, fieldValidity: {}, errors: [error] };
  if (role === 'product')
    return { kind: role, valid: false, symbology: '', digits: '', errors: [error] };
  return { kind: role, valid: false, pseudonym: null, errors: [error] };
}
