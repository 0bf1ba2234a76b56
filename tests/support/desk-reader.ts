/**
 * The staff desk's magnetic-stripe reader for e2e tests: a HID backend that
 * lists one reader and, on `swipe()`, sends the recorded report of a member
 * card (tests/fixtures/hid/msr-member-card.json) through the real decoding.
 */
import { readFileSync } from 'node:fs';
import type { HidBackend, HidHandle } from '../../native/hid/hid-reader.js';
import { HidRecording } from '../../native/hid/hid-recording.js';

export const MEMBER_CARD_RECORDING = HidRecording.parse(
  JSON.parse(readFileSync('tests/fixtures/hid/msr-member-card.json', 'utf8')),
);
/** The number on the recorded card's stripe (never to be found on disk or screen). */
export const MEMBER_CARD_NUMBER = '6280010000004215';
const SWIPE = Buffer.from((MEMBER_CARD_RECORDING.events[0] as { report: string }).report, 'hex');

export function deskReader(): { backend: () => Promise<HidBackend>; swipe: () => void } {
  const listeners = new Set<(report: Uint8Array) => void>();
  const backend: HidBackend = {
    list: async () => [{ path: '/dev/hidraw-desk', ...MEMBER_CARD_RECORDING.device }],
    open: async () => {
      let listener: (report: Uint8Array) => void = () => {};
      const forward = (report: Uint8Array) => listener(report);
      listeners.add(forward);
      const handle: HidHandle = {
        onReport: (next) => (listener = next),
        onError: () => {},
        close: () => listeners.delete(forward),
      };
      return handle;
    },
  };
  return {
    backend: () => Promise.resolve(backend),
    swipe: () => {
      for (const listener of listeners) listener(new Uint8Array(SWIPE));
    },
  };
}

/** The readers section that plugs this reader in for member cards (badges on the wedge). */
export const DESK_READERS = {
  wedge: { enabled: true, role: 'staff-badge' },
  hid: [
    {
      id: 'cartes',
      vendorId: MEMBER_CARD_RECORDING.device.vendorId,
      productId: MEMBER_CARD_RECORDING.device.productId,
      usagePage: MEMBER_CARD_RECORDING.device.usagePage,
      decoder: 'msr',
      role: 'member-card',
    },
  ],
};
