/**
 * Staff sign in with their badge, then a PIN: the badge says who (its
 * pseudonym under the site secret, never its number), the PIN proves it.
 * PINs are kept as scrypt hashes; a few wrong PINs lock that badge out for a
 * while; an unanswered PIN request and an idle staff session both expire.
 * Pure but for the hashing: time comes in as arguments.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface StaffMember {
  name: string;
  /** Badge pseudonym (see native/hid/reader-events). */
  badge: string;
  /** `scrypt$N$r$p$salt$hash`, base64url parts. */
  pin: string;
  /** A site manager may sell past a member's rights or quota (audited). */
  role?: 'volunteer' | 'manager';
}

export interface StaffPolicy {
  pinAttempts: number;
  lockoutMs: number;
  /** How long the PIN pad waits for a PIN. */
  pinTimeoutMs: number;
  /** A staff session with no activity this long signs out. */
  idleMs: number;
}

export type StaffState =
  | { kind: 'signed-out' }
  /** A badge read while a visitor is at the kiosk: help them, or go on to the PIN. */
  | { kind: 'arrived'; member: StaffMember; expiresAt: number }
  | { kind: 'pin'; member: StaffMember; attemptsLeft: number; expiresAt: number }
  | { kind: 'signed-in'; member: StaffMember; lastActivity: number };

export type BadgeOutcome = 'pin-requested' | 'arrived' | 'unknown-badge' | 'locked-out';
export type PinOutcome = 'signed-in' | 'wrong-pin' | 'locked-out' | 'no-request';

const SCRYPT = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 32;
export const PIN_FORMAT = /^\d{4,8}$/;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  if (!PIN_FORMAT.test(pin)) throw new Error('a PIN is 4 to 8 digits');
  const hash = scryptSync(pin, salt, KEY_BYTES, SCRYPT);
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

export function verifyPin(pin: string, encoded: string): boolean {
  const [scheme, n, r, p, salt, hash] = encoded.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || !PIN_FORMAT.test(pin)) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export class StaffLogin {
  private current: StaffState = { kind: 'signed-out' };
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly members: () => StaffMember[],
    /** Read at each step, so a configuration reload applies at once. */
    private readonly policy: () => StaffPolicy,
  ) {}

  state(now: number): StaffState {
    const state = this.current;
    if ((state.kind === 'pin' || state.kind === 'arrived') && now > state.expiresAt)
      this.current = { kind: 'signed-out' };
    if (state.kind === 'signed-in' && now - state.lastActivity > this.policy().idleMs) {
      this.current = { kind: 'signed-out' };
    }
    return this.current;
  }

  /**
   * A staff badge. With a visitor at the kiosk it only says who arrived: the
   * PIN is asked once they choose the staff space (see `proceed`).
   */
  badge(pseudonym: string, now: number, visitorPresent = false): BadgeOutcome {
    const member = this.members().find((candidate) => candidate.badge === pseudonym);
    if (!member) return 'unknown-badge';
    if ((this.lockedUntil.get(member.badge) ?? 0) > now) return 'locked-out';
    if (visitorPresent) {
      this.current = { kind: 'arrived', member, expiresAt: now + this.policy().pinTimeoutMs };
      return 'arrived';
    }
    this.#askPin(member, now);
    return 'pin-requested';
  }

  /** The staff member who arrived chose the staff space: now the PIN. */
  proceed(now: number): boolean {
    const state = this.state(now);
    if (state.kind !== 'arrived') return false;
    this.#askPin(state.member, now);
    return true;
  }

  #askPin(member: StaffMember, now: number): void {
    this.current = {
      kind: 'pin',
      member,
      attemptsLeft: this.policy().pinAttempts,
      expiresAt: now + this.policy().pinTimeoutMs,
    };
  }

  pin(pin: string, now: number): PinOutcome {
    const state = this.state(now);
    if (state.kind !== 'pin') return 'no-request';
    if (verifyPin(pin, state.member.pin)) {
      this.current = { kind: 'signed-in', member: state.member, lastActivity: now };
      return 'signed-in';
    }
    const attemptsLeft = state.attemptsLeft - 1;
    if (attemptsLeft <= 0) {
      this.lockedUntil.set(state.member.badge, now + this.policy().lockoutMs);
      this.current = { kind: 'signed-out' };
      return 'locked-out';
    }
    this.current = { ...state, attemptsLeft };
    return 'wrong-pin';
  }

  activity(now: number): void {
    const state = this.state(now);
    if (state.kind === 'signed-in') this.current = { ...state, lastActivity: now };
  }

  signOut(): void {
    this.current = { kind: 'signed-out' };
  }
}
