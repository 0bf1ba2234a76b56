import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import HID from 'node-hid';
import { describe, expect, it } from 'vitest';

// npm 11 may skip install scripts: these prove the native parts were built and load.
describe('native modules', () => {
  it('better-sqlite3 writes and reads a WAL database file', () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'borne-sqlite-')), 'probe.db'));
    try {
      expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
      db.exec('CREATE TABLE t (cents INTEGER NOT NULL)');
      db.prepare('INSERT INTO t VALUES (?)').run(1500);
      expect(db.prepare('SELECT SUM(cents) AS total FROM t').get()).toEqual({ total: 1500 });
    } finally {
      db.close();
    }
  });

  it('node-hid loads libusb/hidraw and lists devices (none on this machine is fine)', () => {
    const devices = HID.devices();
    expect(Array.isArray(devices)).toBe(true);
    for (const device of devices) expect(typeof device.vendorId).toBe('number');
  });
});
