/**
 * Every recharge code is in exactly one state (DESIGN §3). The moves below
 * are the only ones the ledger makes, and a SQLite trigger built from this
 * same list refuses any other, whoever writes to the file.
 *
 *   IN_STOCK → RESERVED → PRINTING → DELIVERED
 *                           ↘ UNCERTAIN (the print queue said "unknown": maybe printed)
 * A reserved code goes back to stock only when nothing was sent to the
 * printer (the printer refused, or the sale stopped before printing), and
 * that return is journaled. An UNCERTAIN code waits for staff: handed over
 * (DELIVERED), printed again as a DUPLICATA with a reason, or VOID.
 */
export const CODE_STATES = [
  'IN_STOCK',
  'RESERVED',
  'PRINTING',
  'DELIVERED',
  'UNCERTAIN',
  'VOID',
] as const;
export type CodeState = (typeof CODE_STATES)[number];

export const CODE_MOVES: readonly (readonly [CodeState, CodeState])[] = [
  ['IN_STOCK', 'RESERVED'],
  /** Withdrawn from stock (a damaged or recalled code), with a reason. */
  ['IN_STOCK', 'VOID'],
  ['RESERVED', 'PRINTING'],
  /** Nothing was sent: the printer refused before, or the sale stopped. Journaled. */
  ['RESERVED', 'IN_STOCK'],
  ['PRINTING', 'DELIVERED'],
  ['PRINTING', 'UNCERTAIN'],
  /** The print queue says nothing left the kiosk (the printer refused): journaled. */
  ['PRINTING', 'IN_STOCK'],
  ['PRINTING', 'VOID'],
  ['UNCERTAIN', 'DELIVERED'],
  /** A reprint as DUPLICATA, with a reason. */
  ['UNCERTAIN', 'PRINTING'],
  ['UNCERTAIN', 'VOID'],
  /** A delivered voucher printed again (an unreadable ticket), with a reason. */
  ['DELIVERED', 'PRINTING'],
  /** Refunded: the code is no longer the member's. */
  ['DELIVERED', 'VOID'],
];

export function canMove(from: CodeState, to: CodeState): boolean {
  return CODE_MOVES.some(([a, b]) => a === from && b === to);
}

/** The states a code holding a sold PIN may be in: its PIN may be on paper. */
export const SOLD_STATES: readonly CodeState[] = ['PRINTING', 'DELIVERED', 'UNCERTAIN'];

/** The trigger that refuses any other move in the file itself. */
export function stateTriggerSql(): string {
  const allowed = CODE_MOVES.map(([from, to]) => `'${from}>${to}'`).join(', ');
  return `CREATE TRIGGER codes_state_moves BEFORE UPDATE OF state ON codes
    WHEN NEW.state <> OLD.state AND (OLD.state || '>' || NEW.state) NOT IN (${allowed})
    BEGIN SELECT RAISE(ABORT, 'voucher code state change not allowed'); END;`;
}
