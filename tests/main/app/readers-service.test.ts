/**
 * The readers as the app runs them: wedge scans and HID reports become
 * events the screen may show (no numbers, no pseudonyms), an ID card stays
 * in the session's memory until the reset, the site secret is made once and
 * kept private.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mrzProgress } from '../../../main/app/mrz-lines.js';
import { createReadersService } from '../../../main/app/readers-service.js';
import { loadSiteSecret } from '../../../main/app/site-secret.js';
import { KioskConfig } from '../../../main/config/config-schema.js';
import type { ReaderEventView } from '../../../main/contract/ipc-contract.js';
import { recordingBackend } from '../../../native/hid/hid-backends.js';
import { HidRecording } from '../../../native/hid/hid-recording.js';

const SECRET = Buffer.alloc(32, 1);

function service(config: unknown, backend = recordingBackend(recording('hid-pos-ean13.json'))) {
  const views: ReaderEventView[] = [];
  const parsed = KioskConfig.parse(config);
  const readers = createReadersService({
    config: () => parsed,
    secret: SECRET,
    backend: () => Promise.resolve(backend),
    onEvent: (view) => views.push(view),
    log: () => {},
  });
  return { readers, views };
}

function recording(name: string) {
  return HidRecording.parse(
    JSON.parse(readFileSync(join(process.cwd(), 'tests', 'fixtures', 'hid', name), 'utf8')),
  );
}

describe('readers service', () => {
  it('joins the lines of an MRZ sent by a wedge reader, keeps the card until the reset', async () => {
    const { readers, views } = service({ readers: { wedge: { enabled: true, role: 'id-card' } } });
    readers.scan('IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<');
    readers.scan('8806923102858CORINNE<<<<<<<6512068F6');
    await expect.poll(() => views.length).toBe(1);
    expect(views[0]).toMatchObject({
      kind: 'id-card',
      valid: true,
      fields: { lastName: 'BERTHIER' },
    });
    expect(readers.idCard?.fields.firstNames).toBe('CORINNE');
    await readers.wiper.wipe();
    expect(readers.idCard).toBeUndefined();
    readers.dispose();
  });

  it('shows a member card as read, without its number or pseudonym', () => {
    const { readers, views } = service({
      readers: { wedge: { enabled: true, role: 'member-card' } },
    });
    readers.scan('ADH0012345');
    expect(views).toEqual([{ kind: 'member-card', valid: true }]);
    readers.dispose();
  });

  it('ignores wedge scans when no wedge reader is configured', () => {
    const { readers, views } = service({});
    readers.scan('ADH0012345');
    expect(views).toEqual([]);
    readers.dispose();
  });

  it('runs the configured HID readers and passes their reads on', async () => {
    const { readers, views } = service({
      readers: {
        hid: [
          {
            id: 'scanner',
            vendorId: 0x0c2e,
            productId: 0x0b61,
            decoder: 'hid-pos-scanner',
            role: 'product',
          },
        ],
      },
    });
    await expect
      .poll(() => views)
      .toEqual([{ kind: 'product', valid: true, digits: '4006381333931' }]);
    expect(readers.statuses()).toEqual({
      scanner: { state: 'connected', product: 'HID POS barcode scanner' },
    });
    readers.dispose();
  });
});

describe('site secret', () => {
  it('is made once, 32 random bytes readable by the kiosk user only, then reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-secret-'));
    const first = loadSiteSecret(dir);
    expect(first).toHaveLength(32);
    expect(statSync(join(dir, 'site-secret')).mode & 0o777).toBe(0o600);
    expect(loadSiteSecret(dir).equals(first)).toBe(true);
    expect(loadSiteSecret(mkdtempSync(join(tmpdir(), 'borne-secret-'))).equals(first)).toBe(false);
  });
});

describe('MRZ lines from a wedge reader', () => {
  const FR = [
    'IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<',
    '8806923102858CORINNE<<<<<<<6512068F6',
  ] as const;

  it.each([
    [[FR[0]], 'partial'],
    [FR, 'complete'],
    [['I<UTOD231458907<<<<<<<<<<<<<<<'], 'partial'],
    [['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6'], 'partial'],
    [[FR[0], 'SHORT'], 'other'],
    [[FR[0], FR[1], FR[1]], 'other'],
    [['ADH0012345'], 'other'],
  ] as const)('%j is %s', (lines, expected) => {
    expect(mrzProgress(lines)).toBe(expected);
  });

  it('waits for a slow reader’s next line, and reads a lone start as it stands', async () => {
    vi.useFakeTimers();
    try {
      const { readers, views } = service({
        readers: { wedge: { enabled: true, role: 'id-card' } },
      });
      readers.scan(FR[0]);
      await vi.advanceTimersByTimeAsync(1500); // a 36-key line at 20 ms a key and more
      expect(views).toEqual([]);
      readers.scan(FR[1]);
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({ kind: 'id-card', valid: true });

      readers.scan(FR[0]);
      await vi.advanceTimersByTimeAsync(2000);
      expect(views).toHaveLength(2);
      expect(views[1]).toMatchObject({ kind: 'id-card', valid: false });

      // A new card's first line after an abandoned start: two reads, the second whole.
      readers.scan('I<UTOD231458907<<<<<<<<<<<<<<<');
      readers.scan(FR[0]);
      readers.scan(FR[1]);
      expect(views.slice(2).map((view) => view.valid)).toEqual([false, true]);
      readers.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});
