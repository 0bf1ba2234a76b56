/**
 * The kiosk's card and code readers: HID readers from the configuration,
 * and the keyboard-wedge reader whose scans the renderer catches. Reads
 * become reader events (native/hid/reader-events): pseudonyms stay here,
 * the screen gets what it may show, and an ID card's fields live in this
 * visitor session's memory only — the session reset forgets them.
 */
import { type HidBackend, HidReader, type ReaderStatus } from '../../native/hid/hid-reader.js';
import { type ReaderEvent, readerEvent } from '../../native/hid/reader-events.js';
import type {
  IdCardField,
  IdCardView,
  ReaderEventView,
  WedgeSettings,
} from '../contract/ipc-contract.js';
import type { KioskConfig } from '../config/config-schema.js';
import type { Wiper } from '../session/visitor-session.js';
import { mrzProgress } from './mrz-lines.js';

export interface ReadersService {
  /** A wedge scan from the renderer. */
  scan(text: string): void;
  /** The ID card read in this session, if any (for the "fill in my details" helper). */
  readonly idCard: Extract<ReaderEvent, { kind: 'id-card' }> | undefined;
  /** The card as its visitor sees it, or null when none is held. */
  idCardView(): IdCardView | null;
  forgetIdCard(): void;
  statuses(): Record<string, ReaderStatus>;
  /** Forgets the visitor's ID card at every reset. */
  wiper: Wiper;
  dispose(): void;
}

/** How long the start of an MRZ waits for its next line before it is read as it stands. */
const MRZ_NEXT_LINE_MS = 2000;

/** What the renderer's wedge guard needs (the role stays with the services). */
export function wedgeSettings(config: KioskConfig): WedgeSettings {
  const { enabled, layout, prefix, suffix, minLength, maxGapMs } = config.readers.wedge;
  return { enabled, layout, prefix, suffix, minLength, maxGapMs };
}

export function createReadersService(options: {
  /** The running configuration: wedge settings follow reloads, HID readers are read at start. */
  config: () => KioskConfig;
  /**
   * The site secret, or how to get it: read (or made) only when a reader first
   * needs it, so that a reader enabled later (a reload, the fleet) gets the real one.
   */
  secret: Uint8Array | (() => Uint8Array);
  backend: () => Promise<HidBackend>;
  onEvent: (view: ReaderEventView) => void;
  /** Which of a card's fields the visitor can copy into a site now (none by default). */
  copyable?: (fields: Readonly<Record<string, string>>) => IdCardField[];
  /** A staff badge was read: its pseudonym, for the staff sign-in. */
  onStaffBadge?: (pseudonym: string) => void;
  /** A member card was read: its pseudonym, or null when unreadable (for the staff desk). */
  onMemberCard?: (pseudonym: string | null) => void;
  log: (line: string) => void;
}): ReadersService {
  let known: Uint8Array | undefined =
    typeof options.secret === 'function' ? undefined : options.secret;
  const secret = (): Uint8Array => (known ??= (options.secret as () => Uint8Array)());
  let idCard: Extract<ReaderEvent, { kind: 'id-card' }> | undefined;
  const statuses: Record<string, ReaderStatus> = {};

  const view = (card: Extract<ReaderEvent, { kind: 'id-card' }>): IdCardView => ({
    kind: 'id-card',
    valid: card.valid,
    fields: card.fields,
    fieldValidity: card.fieldValidity,
    copyable: card.valid ? (options.copyable?.(card.fields) ?? []) : [],
  });
  const deliver = (event: ReaderEvent) => {
    if (event.kind === 'id-card') {
      idCard = event.valid ? event : idCard;
      options.onEvent(view(event));
    } else if (event.kind === 'product') {
      options.onEvent({ kind: 'product', valid: event.valid, digits: event.digits });
    } else {
      if (event.kind === 'staff-badge' && event.pseudonym) options.onStaffBadge?.(event.pseudonym);
      if (event.kind === 'member-card')
        options.onMemberCard?.(event.valid ? event.pseudonym : null);
      options.onEvent({ kind: event.kind, valid: event.valid });
    }
  };

  const backend = lazyBackend(options.backend);
  const readers = options.config().readers.hid.map((entry) => {
    statuses[entry.id] = { state: 'disconnected' };
    const reader = new HidReader({
      id: entry.id,
      match: { vendorId: entry.vendorId, productId: entry.productId, usagePage: entry.usagePage },
      decoder: entry.decoder,
      role: entry.role,
      secret: secret(),
      backend,
      onEvent: deliver,
      onStatus: (status) => {
        statuses[entry.id] = status;
        options.log(
          `reader ${entry.id}: ${status.state}${'message' in status ? ` (${status.message})` : ''}`,
        );
      },
    });
    reader.start();
    return reader;
  });

  let lines: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushLines = () => {
    const text = lines.join('\n');
    lines = [];
    deliver(readerEvent('id-card', { type: 'barcode', text }, secret()));
  };

  return {
    scan(text) {
      const { enabled, role } = options.config().readers.wedge;
      if (!enabled) return;
      if (role !== 'id-card') {
        deliver(
          readerEvent(role, { type: role === 'staff-badge' ? 'badge' : 'barcode', text }, secret()),
        );
        return;
      }
      const line = text.trim();
      clearTimeout(timer);
      // A line that starts another card: the earlier start was abandoned, read it as it stands.
      if (
        lines.length > 0 &&
        mrzProgress([...lines, line]) === 'other' &&
        mrzProgress([line]) !== 'other'
      )
        flushLines();
      lines.push(line);
      if (mrzProgress(lines) === 'partial') timer = setTimeout(flushLines, MRZ_NEXT_LINE_MS);
      else flushLines();
    },
    get idCard() {
      return idCard;
    },
    idCardView: () => (idCard ? view(idCard) : null),
    forgetIdCard: () => {
      idCard = undefined;
    },
    statuses: () => ({ ...statuses }),
    wiper: {
      name: 'ID card read',
      wipe: async () => {
        clearTimeout(timer);
        lines = [];
        idCard = undefined;
      },
    },
    dispose: () => {
      clearTimeout(timer);
      for (const reader of readers) reader.stop();
    },
  };
}

/** node-hid is loaded once, when the first reader polls. */
function lazyBackend(load: () => Promise<HidBackend>): HidBackend {
  let backend: Promise<HidBackend> | undefined;
  const get = () => (backend ??= load());
  return {
    list: async () => (await get()).list(),
    open: async (path) => (await get()).open(path),
  };
}
