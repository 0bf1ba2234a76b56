/**
 * Member cards at the staff desk: staff signed in pass a visitor's member
 * card, see whether their rights to solidarity prices run and until when,
 * and enrol or extend them. The card's pseudonym stays here, in memory,
 * until the card is taken off the desk or staff sign out; the registry
 * file is opened on the first member card, never on kiosks without any.
 */
import { join } from 'node:path';
import type { MemberView } from '../contract/ipc-contract.js';
import { MemberRegistry } from '../members/member-registry.js';

export interface MemberDesk {
  /** A member card was read while staff are signed in (null: unreadable). */
  cardRead(pseudonym: string | null): void;
  view(): MemberView;
  /** Enrols the card on the desk or extends its rights, in the name of `by`. */
  enrol(by: string): MemberView;
  /** Takes the card off the desk (also when staff sign out). */
  clear(): MemberView;
  /** The card on the desk (its pseudonym), for the voucher desk's quota; never shown. */
  card(): { pseudonym: string | null } | null;
  /** The registry, for the voucher desk's lookups. */
  registry(): MemberRegistry;
  dispose(): void;
}

export function createMemberDesk(options: {
  dataDir: string;
  validityMonths: () => number;
  onChange: (view: MemberView) => void;
  now?: () => Date;
}): MemberDesk {
  let registry: MemberRegistry | undefined;
  const open = () => {
    registry ??= new MemberRegistry(join(options.dataDir, 'members.sqlite'), options.now);
    return registry;
  };
  let card: { pseudonym: string | null; saved: boolean } | null = null;

  const view = (): MemberView => {
    if (!card) return { state: 'none' };
    if (card.pseudonym === null) return { state: 'unreadable' };
    const members = open();
    const found = members.lookup(card.pseudonym);
    const renewalUntil = members.renewalEndOf(found, options.validityMonths());
    return {
      state: found.status,
      ...(found.status !== 'unknown' ? { validUntil: found.validUntil } : {}),
      renewalUntil,
      ...(card.saved ? { saved: true } : {}),
    };
  };
  const publish = () => {
    const next = view();
    options.onChange(next);
    return next;
  };

  return {
    cardRead(pseudonym) {
      card = { pseudonym, saved: false };
      publish();
    },
    view,
    enrol(by) {
      if (!card?.pseudonym) throw new Error('no readable member card on the desk');
      // One card read, one enrolment: a double tap must not give twice the months.
      if (card.saved) return view();
      open().enrol(card.pseudonym, options.validityMonths(), by);
      card.saved = true;
      return publish();
    },
    clear() {
      if (!card) return view();
      card = null;
      return publish();
    },
    card: () => (card ? { pseudonym: card.pseudonym } : null),
    registry: open,
    dispose() {
      card = null;
      registry?.close();
    },
  };
}
