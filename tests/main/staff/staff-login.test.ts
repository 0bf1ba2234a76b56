/**
 * Staff sign-in rules: the badge says who, the PIN proves it (scrypt, never
 * stored in clear), wrong PINs lock the badge out, the PIN pad and an idle
 * staff session expire.
 */
import { describe, expect, it } from 'vitest';
import { hashPin, StaffLogin, verifyPin } from '../../../main/staff/staff-login.js';

const AWA = { name: 'Awa', badge: 'A'.repeat(22), pin: hashPin('4821') };
const policy = { pinAttempts: 3, lockoutMs: 300_000, pinTimeoutMs: 60_000, idleMs: 600_000 };
const login = () =>
  new StaffLogin(
    () => [AWA],
    () => policy,
  );

describe('staff sign-in', () => {
  it('keeps PINs as salted scrypt hashes and checks them', () => {
    expect(AWA.pin).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(AWA.pin).not.toContain('4821');
    expect(hashPin('4821')).not.toBe(AWA.pin);
    expect(verifyPin('4821', AWA.pin)).toBe(true);
    expect(verifyPin('4820', AWA.pin)).toBe(false);
    expect(verifyPin('4821', 'plain$4821')).toBe(false);
    expect(() => hashPin('12')).toThrow('a PIN is 4 to 8 digits');
  });

  it('asks a known badge for its PIN, and signs in with the right one', () => {
    const staff = login();
    expect(staff.badge('unknown-badge-pseudonym', 0)).toBe('unknown-badge');
    expect(staff.badge(AWA.badge, 0)).toBe('pin-requested');
    expect(staff.state(1)).toMatchObject({ kind: 'pin', attemptsLeft: 3 });
    expect(staff.pin('4821', 2)).toBe('signed-in');
    expect(staff.state(3)).toMatchObject({ kind: 'signed-in', member: { name: 'Awa' } });
  });

  it('locks a badge out after three wrong PINs, for the lockout time', () => {
    const staff = login();
    staff.badge(AWA.badge, 0);
    expect([staff.pin('0000', 1), staff.pin('1111', 2), staff.pin('2222', 3)]).toEqual([
      'wrong-pin',
      'wrong-pin',
      'locked-out',
    ]);
    expect(staff.state(4).kind).toBe('signed-out');
    expect(staff.badge(AWA.badge, 299_000)).toBe('locked-out');
    expect(staff.badge(AWA.badge, 301_000)).toBe('pin-requested');
  });

  it('closes an unanswered PIN pad, and signs out an idle staff session', () => {
    const staff = login();
    staff.badge(AWA.badge, 0);
    expect(staff.state(60_001).kind).toBe('signed-out');
    expect(staff.pin('4821', 60_002)).toBe('no-request');
    staff.badge(AWA.badge, 100_000);
    staff.pin('4821', 100_001);
    staff.activity(500_000);
    expect(staff.state(1_000_000).kind).toBe('signed-in');
    expect(staff.state(1_100_001).kind).toBe('signed-out');
  });

  it('with a visitor at the kiosk, a badge only says who arrived; the PIN comes once they choose the staff space', () => {
    const staff = login();
    expect(staff.badge(AWA.badge, 0, true)).toBe('arrived');
    expect(staff.state(1)).toMatchObject({ kind: 'arrived', member: { name: 'Awa' } });
    // No PIN is taken while the volunteer has not chosen.
    expect(staff.pin('4821', 2)).toBe('no-request');
    expect(staff.proceed(3)).toBe(true);
    expect(staff.state(4)).toMatchObject({ kind: 'pin', attemptsLeft: 3 });
    expect(staff.pin('4821', 5)).toBe('signed-in');
    // An unanswered choice expires like the PIN pad; a locked-out badge does not arrive.
    staff.signOut();
    staff.badge(AWA.badge, 10, true);
    expect(staff.state(60_011).kind).toBe('signed-out');
    expect(staff.proceed(60_012)).toBe(false);
  });
});
