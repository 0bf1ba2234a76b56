import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../../main/app/config-store.js';
import { createKioskServices } from '../../../main/app/kiosk-services.js';
import { createMemberDesk } from '../../../main/app/member-desk.js';
import { MemberRegistry } from '../../../main/members/member-registry.js';
import type { MemberView } from '../../../main/contract/ipc-contract.js';

const CARD = 'kq3V0c2mJ8oTn6Xr1bYpZw';
const OTHER = 'Zx8Q2m0LrT5vN1cWq9eHjA';
let dir: string;
let clock: Date;
const now = () => clock;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'borne-members-'));
  clock = new Date(2026, 10, 23, 10, 0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('member registry', () => {
  it('knows a card once enrolled, until the last day of its rights', () => {
    const file = join(dir, 'members.sqlite');
    const members = new MemberRegistry(file, now);
    expect(members.lookup(CARD)).toEqual({ status: 'unknown' });
    expect(members.enrol(CARD, 6, 'Awa')).toEqual({ status: 'active', validUntil: '2027-05-22' });
    members.close();

    // Reopened (a restart): still there; the last day counts, the day after does not.
    clock = new Date(2027, 4, 22, 23, 0);
    const reopened = new MemberRegistry(file, now);
    expect(reopened.lookup(CARD)).toEqual({ status: 'active', validUntil: '2027-05-22' });
    clock = new Date(2027, 4, 23, 8, 0);
    expect(reopened.lookup(CARD)).toEqual({ status: 'expired', validUntil: '2027-05-22' });
    expect(reopened.counts()).toEqual({ active: 0, expired: 1 });
    expect(reopened.enrol(CARD, 6, 'Karim')).toEqual({
      status: 'active',
      validUntil: '2027-11-22',
    });
    reopened.close();

    const row = new Database(file, { readonly: true })
      .prepare('SELECT * FROM members')
      .get() as Record<string, unknown>;
    expect(row).toMatchObject({ pseudonym: CARD, valid_until: '2027-11-22', updated_by: 'Karim' });
  });

  it('extends a covered member from the end of their rights', () => {
    const members = new MemberRegistry(join(dir, 'members.sqlite'), now);
    members.enrol(CARD, 6, 'Awa');
    expect(members.renewalEnd(CARD, 6)).toBe('2027-11-22');
    expect(members.enrol(CARD, 6, 'Awa').status).toBe('active');
    expect(members.lookup(CARD)).toEqual({ status: 'active', validUntil: '2027-11-22' });
    members.close();
  });

  it('forgets members 13 months after their rights ended, at start', () => {
    const file = join(dir, 'members.sqlite');
    const members = new MemberRegistry(file, now);
    members.enrol(CARD, 1, 'Awa'); // ends 2026-12-22
    clock = new Date(2027, 0, 10);
    members.enrol(OTHER, 12, 'Awa');
    members.close();
    clock = new Date(2028, 0, 22);
    const later = new MemberRegistry(file, now);
    expect(later.lookup(CARD).status).toBe('expired');
    later.close();
    clock = new Date(2028, 0, 23);
    const after = new MemberRegistry(file, now);
    expect(after.lookup(CARD)).toEqual({ status: 'unknown' });
    expect(after.lookup(OTHER).status).toBe('expired');
    after.close();
  });

  it('refuses a file written by a newer Borne rather than guess', () => {
    const file = join(dir, 'members.sqlite');
    new MemberRegistry(file, now).close();
    const db = new Database(file);
    db.pragma('user_version = 9');
    db.close();
    expect(() => new MemberRegistry(file, now)).toThrow('newer Borne');
  });
});

describe('member desk', () => {
  const desk = () => {
    const seen: MemberView[] = [];
    const memberDesk = createMemberDesk({
      dataDir: dir,
      validityMonths: () => 6,
      onChange: (view) => seen.push(view),
      now,
    });
    return { memberDesk, seen };
  };

  it('opens no file until a member card is read', () => {
    const { memberDesk } = desk();
    expect(memberDesk.view()).toEqual({ state: 'none' });
    memberDesk.cardRead(null);
    expect(memberDesk.view()).toEqual({ state: 'unreadable' });
    expect(readdirSync(dir)).toEqual([]);
    memberDesk.dispose();
  });

  it('enrols the card on the desk once per read, and clears it', () => {
    const { memberDesk, seen } = desk();
    memberDesk.cardRead(CARD);
    expect(memberDesk.view()).toEqual({ state: 'unknown', renewalUntil: '2027-05-22' });
    expect(memberDesk.enrol('Awa')).toEqual({
      state: 'active',
      validUntil: '2027-05-22',
      renewalUntil: '2027-11-22',
      saved: true,
    });
    // A second tap on the same read changes nothing.
    expect(memberDesk.enrol('Awa').validUntil).toBe('2027-05-22');
    memberDesk.cardRead(CARD);
    expect(memberDesk.view().saved).toBeUndefined();
    expect(memberDesk.clear()).toEqual({ state: 'none' });
    expect(seen.map((view) => view.state)).toEqual(['unknown', 'active', 'active', 'none']);
    expect(() => memberDesk.enrol('Awa')).toThrow('no readable member card');
    memberDesk.dispose();
  });
});

describe('member methods of the services', () => {
  it('are refused unless staff are signed in, and a visitor’s card reaches no desk', async () => {
    const configPath = join(dir, 'config.json');
    writeFileSync(
      configPath,
      JSON.stringify({ readers: { wedge: { enabled: true, role: 'member-card' } } }),
    );
    const events: string[] = [];
    const services = createKioskServices({
      host: 'browser',
      config: new ConfigStore(configPath),
      dataDir: join(dir, 'data'),
    });
    services.events.subscribe((envelope) => events.push(envelope.event));
    try {
      for (const method of ['member.get', 'member.enrol', 'member.clear'] as const) {
        await expect(Promise.resolve().then(() => services.handlers[method]({}))).rejects.toThrow(
          'staff only',
        );
      }
      services.handlers['reader.scan']({ text: 'ADH0012345' });
      expect(events).toContain('reader.event');
      expect(events).not.toContain('member.changed');
      expect(services.members.view()).toEqual({ state: 'none' });
    } finally {
      services.dispose();
    }
  });
});
