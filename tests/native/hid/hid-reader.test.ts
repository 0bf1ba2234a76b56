/**
 * HID readers through the real decoding path: recorded reports (HID POS
 * scanner, magnetic-stripe reader) replayed by the recording backend, the
 * reader's polling finding the device again after an unplug, and events that
 * carry pseudonyms, never card numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingBackend } from '../../../native/hid/hid-backends.js';
import { HidRecording } from '../../../native/hid/hid-recording.js';
import { HidReader, type HidBackend, type ReaderStatus } from '../../../native/hid/hid-reader.js';
import { decodeMsrReport, HidPosScannerDecoder } from '../../../native/hid/hid-reports.js';
import { pseudonymize, type ReaderEvent, readerEvent } from '../../../native/hid/reader-events.js';

const SECRET = Buffer.from('site secret of Paris 18e, 32 bytes!!');
const fixture = (name: string) =>
  HidRecording.parse(
    JSON.parse(readFileSync(join(process.cwd(), 'tests', 'fixtures', 'hid', name), 'utf8')),
  );
const reportsOf = (name: string) =>
  fixture(name).events.flatMap((event) =>
    'report' in event ? [Buffer.from(event.report, 'hex')] : [],
  );

describe('HID report decoders', () => {
  it('reads a HID POS scanned data report: AIM symbology and data', () => {
    const [report] = reportsOf('hid-pos-ean13.json');
    expect(new HidPosScannerDecoder().decode(report as Buffer)).toEqual({
      type: 'barcode',
      aimId: ']E0',
      data: '4006381333931',
    });
  });

  it('joins a long code sent over several reports ("decode data continued")', () => {
    const decoder = new HidPosScannerDecoder();
    const results = reportsOf('hid-pos-mrz-continued.json').map((report) => decoder.decode(report));
    expect(results.map((result) => result.type)).toEqual(['partial', 'barcode']);
    expect(results[1]).toMatchObject({
      aimId: ']d1',
      data: expect.stringMatching(/^IDFRABERTHIER.*\r8806923102858CORINNE<+6512068F6$/),
    });
  });

  it('reads the tracks of a magnetic-stripe report, and says when the swipe failed', () => {
    expect(decodeMsrReport(reportsOf('msr-member-card.json')[0] as Buffer)).toEqual({
      type: 'tracks',
      tracks: [null, ';6280010000004215=2812?', null],
      text: ';6280010000004215=2812?',
    });
    expect(decodeMsrReport(reportsOf('msr-bad-swipe.json')[0] as Buffer)).toEqual({
      type: 'error',
      error: 'no track could be read: swipe the card again, steadily',
    });
  });

  it('refuses reports of the wrong shape without throwing', () => {
    expect(new HidPosScannerDecoder().decode(Uint8Array.from([2, 200, 0, 0, 0, 0]))).toMatchObject({
      type: 'error',
    });
    expect(decodeMsrReport(new Uint8Array(10))).toMatchObject({ type: 'error' });
  });
});

describe('reader events', () => {
  it('give a member card a pseudonym under the site secret, never its number', () => {
    const event = readerEvent(
      'member-card',
      { type: 'tracks', text: ';6280010000004215=2812?' },
      SECRET,
    );
    expect(event).toEqual({
      kind: 'member-card',
      valid: true,
      pseudonym: pseudonymize(SECRET, 'member-card', '6280010000004215'),
      errors: [],
    });
    expect(JSON.stringify(event)).not.toContain('6280010000004215');
    const otherSite = readerEvent(
      'member-card',
      { type: 'tracks', text: ';6280010000004215=2812?' },
      Buffer.from('another site'),
    );
    expect(otherSite.kind === 'member-card' && otherSite.pseudonym).not.toBe(
      event.kind === 'member-card' && event.pseudonym,
    );
  });

  it('keep the same badge apart as a staff badge and as a member card', () => {
    const badge = { type: 'badge' as const, text: '0012345678' };
    const staff = readerEvent('staff-badge', badge, SECRET);
    const member = readerEvent('member-card', badge, SECRET);
    expect(staff.kind === 'staff-badge' && staff.pseudonym).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(staff.kind === 'staff-badge' && staff.pseudonym).not.toBe(
      member.kind === 'member-card' && member.pseudonym,
    );
  });

  it('give an ID card its parsed fields, for the visitor’s own session only', () => {
    const mrz = 'IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\r8806923102858CORINNE<<<<<<<6512068F6';
    expect(readerEvent('id-card', { type: 'barcode', text: mrz }, SECRET)).toMatchObject({
      kind: 'id-card',
      valid: true,
      fields: { lastName: 'BERTHIER', firstNames: 'CORINNE', birthDate: '651206' },
    });
  });
});

describe('HID reader (polling, unplug and replug)', () => {
  it('reads swipes, sees the reader unplugged, opens it again when it is back', async () => {
    const backend = recordingBackend(fixture('msr-member-card.json'), 10);
    const events: ReaderEvent[] = [];
    const statuses: ReaderStatus['state'][] = [];
    const reader = new HidReader({
      id: 'desk-msr',
      match: { vendorId: 0x0801, productId: 0x0002 },
      decoder: 'msr',
      role: 'member-card',
      secret: SECRET,
      backend,
      pollMs: 20,
      onEvent: (event) => events.push(event),
      onStatus: (status) => statuses.push(status.state),
    });
    reader.start();
    await backend.done;
    await expect.poll(() => events.length, { timeout: 2000 }).toBe(3);
    reader.stop();
    expect(statuses).toEqual(['connected', 'disconnected', 'connected']);
    const pseudonym = pseudonymize(SECRET, 'member-card', '6280010000004215');
    expect(events).toEqual(
      new Array(3).fill({ kind: 'member-card', valid: true, pseudonym, errors: [] }),
    );
  });

  it('says permission denied with the udev fix when hidraw cannot be opened', async () => {
    const backend: HidBackend = {
      list: () =>
        Promise.resolve([
          {
            path: '/dev/hidraw3',
            vendorId: 1,
            productId: 2,
            usagePage: 0x8c,
            usage: 2,
            product: 'Scanner',
          },
        ]),
      open: () => Promise.reject(new Error('cannot open device with path /dev/hidraw3')),
    };
    const statuses: ReaderStatus[] = [];
    const reader = new HidReader({
      id: 'scanner',
      match: { vendorId: 1, productId: 2, usagePage: 0x8c },
      decoder: 'hid-pos-scanner',
      role: 'product',
      secret: SECRET,
      backend,
      pollMs: 20,
      mayOpen: () => Promise.resolve(false),
      onEvent: () => {},
      onStatus: (status) => statuses.push(status),
    });
    reader.start();
    await expect.poll(() => statuses.length).toBe(1);
    reader.stop();
    expect(statuses[0]).toEqual({
      state: 'permission-denied',
      message:
        'no permission on /dev/hidraw3: install build/udev/60-borne-readers.rules in /etc/udev/rules.d, then: udevadm control --reload && udevadm trigger',
    });
  });
});
