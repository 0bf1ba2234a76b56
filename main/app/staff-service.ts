/**
 * Staff sign-in in the app: a staff badge read by any reader asks for the
 * PIN, the PIN pad answers, the staff screen opens; expiries (an unanswered
 * PIN pad, an idle staff session) are checked every second and said.
 * Signing in ends the visitor's session first: nothing of theirs stays. A
 * badge read while a visitor is at the kiosk (a volunteer answering a call)
 * wipes nothing: the volunteer chooses to help, or the staff space, which
 * asks the PIN only after the visitor's session may end.
 */
import type { Handlers } from '../ipc/dispatcher.js';
import type { StaffView } from '../contract/ipc-contract.js';
import type { KioskConfig } from '../config/config-schema.js';
import { StaffLogin, type StaffState } from '../staff/staff-login.js';

export interface StaffService {
  /** A staff badge was read: its pseudonym. */
  badge(pseudonym: string): void;
  view(): StaffView;
  /** Who is signed in now, and whether they manage the site (null: nobody). */
  signedIn(): { name: string; manager: boolean } | null;
  handlers: Pick<
    Handlers,
    | 'staff.get'
    | 'staff.pin'
    | 'staff.cancel'
    | 'staff.signOut'
    | 'staff.activity'
    | 'staff.help'
    | 'staff.proceed'
  >;
  dispose(): void;
}

const PIN_TIMEOUT_MS = 60_000;

export function createStaffService(options: {
  config: () => KioskConfig;
  onChange: (view: StaffView) => void;
  /** Called when staff sign in: the visitor's session ends (wiped). */
  onSignedIn: () => void;
  /** Whether a visitor is using the kiosk now: a badge then asks what the volunteer came for. */
  visitorPresent?: () => boolean;
  /** A volunteer who badged in chose "J'aide cette personne". */
  onHelping?: () => void;
  now?: () => number;
}): StaffService {
  const now = options.now ?? Date.now;
  const policy = () => {
    const staff = options.config().staff;
    return {
      pinAttempts: staff.pinAttempts,
      lockoutMs: staff.lockoutMinutes * 60_000,
      pinTimeoutMs: PIN_TIMEOUT_MS,
      idleMs: staff.idleMinutes * 60_000,
    };
  };
  const login = new StaffLogin(() => options.config().staff.members, policy);
  let notice: StaffView['notice'];
  let last = '';

  const viewOf = (state: StaffState): StaffView => ({
    state: state.kind,
    ...(state.kind !== 'signed-out' ? { name: state.member.name } : {}),
    ...(state.kind === 'pin' ? { attemptsLeft: state.attemptsLeft } : {}),
    ...(notice ? { notice } : {}),
  });
  const view = () => viewOf(login.state(now()));
  const publish = () => {
    const next = view();
    const text = JSON.stringify(next);
    if (text !== last) {
      last = text;
      options.onChange(next);
    }
    return next;
  };

  // Expiries happen with no one pressing anything.
  let previous = login.state(now()).kind;
  const timer = setInterval(() => {
    const kind = login.state(now()).kind;
    if (kind === 'signed-out' && previous !== 'signed-out') notice = 'timed-out';
    previous = kind;
    publish();
  }, 1000);
  timer.unref?.();

  const step = (change: () => void) => () => {
    change();
    previous = login.state(now()).kind;
    return publish();
  };

  return {
    badge: (pseudonym) => {
      const outcome = login.badge(pseudonym, now(), options.visitorPresent?.() ?? false);
      notice = outcome === 'pin-requested' || outcome === 'arrived' ? undefined : outcome;
      previous = login.state(now()).kind;
      publish();
    },
    view,
    signedIn: () => {
      const state = login.state(now());
      return state.kind === 'signed-in'
        ? { name: state.member.name, manager: state.member.role === 'manager' }
        : null;
    },
    handlers: {
      'staff.get': view,
      'staff.pin': ({ pin }) => {
        const outcome = login.pin(pin, now());
        notice = outcome === 'wrong-pin' || outcome === 'locked-out' ? outcome : undefined;
        if (outcome === 'signed-in') options.onSignedIn();
        previous = login.state(now()).kind;
        return publish();
      },
      'staff.cancel': step(() => {
        notice = undefined;
        const kind = login.state(now()).kind;
        if (kind === 'pin' || kind === 'arrived') login.signOut();
      }),
      'staff.help': step(() => {
        notice = undefined;
        if (login.state(now()).kind !== 'arrived') return;
        // The badge opens nothing else: the visitor's session goes on as it was.
        login.signOut();
        options.onHelping?.();
      }),
      'staff.proceed': step(() => {
        notice = undefined;
        login.proceed(now());
      }),
      'staff.signOut': step(() => {
        notice = undefined;
        login.signOut();
      }),
      'staff.activity': step(() => login.activity(now())),
    },
    dispose: () => clearInterval(timer),
  };
}
