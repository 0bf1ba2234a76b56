/**
 * The recharge-code ledger (DESIGN §3), one SQLite file with synchronous=FULL:
 * the stock (PINs sealed by PinVault), the sales, and the hash-chained
 * journal. Every method is one transaction that moves codes and appends to
 * the journal together, so a crash at any instant leaves each code in exactly
 * one state with the journal saying how it got there. Reservations take the
 * write lock at once (BEGIN IMMEDIATE): two desks never get the same code.
 */
import type Database from 'better-sqlite3';
import { openSqliteFile } from '../../native/sqlite-file.js';
import { dayOf } from '../members/membership-period.js';
import { type CodeState, CODE_STATES, stateTriggerSql } from './code-states.js';
import type { PinVault } from './pin-vault.js';
import {
  entryHash,
  GENESIS_HASH,
  type ChainCheck,
  type JournalEntry,
  type JournalKind,
  verifyChain,
} from './sales-journal.js';
import type { RowProblem, StockRow } from './stock-file.js';

const STATES_SQL = CODE_STATES.map((state) => `'${state}'`).join(', ');

const MIGRATIONS = [
  `CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE batches (
     id INTEGER PRIMARY KEY,
     file_name TEXT NOT NULL,
     file_sha256 TEXT NOT NULL,
     imported_at INTEGER NOT NULL,
     imported_by TEXT NOT NULL,
     codes INTEGER NOT NULL
   );
   CREATE TABLE sales (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     day TEXT NOT NULL,
     month TEXT NOT NULL,
     product TEXT NOT NULL,
     label TEXT NOT NULL,
     price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
     face_value_cents INTEGER NOT NULL CHECK (face_value_cents > 0),
     payment TEXT NOT NULL,
     member TEXT,
     staff TEXT NOT NULL,
     override TEXT,
     code_id INTEGER NOT NULL,
     state TEXT NOT NULL DEFAULT 'open'
       CHECK (state IN ('open', 'delivered', 'uncertain', 'released', 'void'))
   );
   CREATE INDEX sales_quota ON sales (member, month, product);
   CREATE INDEX sales_day ON sales (day);
   CREATE TABLE codes (
     id INTEGER PRIMARY KEY,
     serial TEXT NOT NULL UNIQUE,
     pin_sealed BLOB NOT NULL,
     pin_fingerprint TEXT NOT NULL UNIQUE,
     product TEXT NOT NULL,
     face_value_cents INTEGER NOT NULL CHECK (face_value_cents > 0),
     expires_on TEXT,
     -- The order codes are sold in: earliest expiry first, codes without one last.
     sell_by TEXT NOT NULL GENERATED ALWAYS AS (COALESCE(expires_on, '9999-12-31')) STORED,
     batch_id INTEGER NOT NULL REFERENCES batches (id),
     state TEXT NOT NULL DEFAULT 'IN_STOCK' CHECK (state IN (${STATES_SQL})),
     sale_id INTEGER REFERENCES sales (id),
     printed_at INTEGER,
     copies INTEGER NOT NULL DEFAULT 0,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX codes_pick ON codes (product, state, sell_by, id);
   CREATE TRIGGER codes_never_deleted BEFORE DELETE ON codes
     BEGIN SELECT RAISE(ABORT, 'voucher codes are never deleted'); END;
   ${stateTriggerSql()}
   CREATE TABLE journal (
     seq INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     day TEXT NOT NULL,
     kind TEXT NOT NULL,
     serial TEXT,
     sale_id INTEGER,
     staff TEXT NOT NULL,
     detail TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL
   );
   CREATE INDEX journal_day ON journal (day, kind);
   CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
     BEGIN SELECT RAISE(ABORT, 'the sales journal is append-only'); END;
   CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
     BEGIN SELECT RAISE(ABORT, 'the sales journal is append-only'); END;`,
];

export type SaleState = 'open' | 'delivered' | 'uncertain' | 'released' | 'void';

export interface SaleRequest {
  productId: string;
  label: string;
  priceCents: number;
  payment: string;
  /** The member card's pseudonym, for the monthly quota. */
  member: string | null;
  staff: string;
  /** Why a site manager sold past the member's rights or quota. */
  override?: string;
}

export interface SaleRecord {
  id: number;
  receiptNumber: string;
  at: number;
  day: string;
  productId: string;
  label: string;
  priceCents: number;
  faceValueCents: number;
  payment: string;
  staff: string;
  state: SaleState;
  codeId: number;
}

/** A code as staff may see it: never its PIN. */
export interface CodeRecord {
  id: number;
  serial: string;
  productId: string;
  faceValueCents: number;
  expiresOn: string | null;
  state: CodeState;
  saleId: number | null;
  /** The print queue said the voucher printed (waiting for "Remis"). */
  printed: boolean;
  copies: number;
}

/** What goes on the voucher: the PIN, opened for the printer's bytes only. */
export interface VoucherToPrint {
  code: CodeRecord;
  pin: string;
  /** 1 for the first print, 2 for the first DUPLICATA… */
  copy: number;
}

export interface ImportResult {
  codes: number;
  byProduct: Record<string, number>;
  /** Rows refused against the stock (already imported): nothing was committed. */
  problems: RowProblem[];
  committed: boolean;
}

export interface ProductStock {
  productId: string;
  inStock: number;
  /** In stock but past their expiry day: not sold. */
  expired: number;
  reserved: number;
  printing: number;
  delivered: number;
  uncertain: number;
  void: number;
  imported: number;
}

export interface DayTotals {
  day: string;
  products: {
    productId: string;
    label: string;
    count: number;
    faceValueCents: number;
    paidCents: number;
  }[];
  payments: { method: string; count: number; cents: number }[];
  voided: number;
  reprints: number;
  uncertain: number;
  /** The hash of the day's last closing entry (null: the day is not closed). */
  closingHash: string | null;
}

interface CodeRow {
  id: number;
  serial: string;
  product: string;
  face_value_cents: number;
  expires_on: string | null;
  state: CodeState;
  sale_id: number | null;
  printed_at: number | null;
  copies: number;
}

interface SaleRow {
  id: number;
  at: number;
  day: string;
  product: string;
  label: string;
  price_cents: number;
  face_value_cents: number;
  payment: string;
  staff: string;
  state: SaleState;
  code_id: number;
}

const CODE_COLUMNS =
  'id, serial, product, face_value_cents, expires_on, state, sale_id, printed_at, copies';

export class LedgerError extends Error {
  constructor(
    readonly code:
      'out-of-stock' | 'no-such-code' | 'wrong-state' | 'wrong-key' | 'reason-required',
    message: string,
  ) {
    super(message);
  }
}

export class VoucherLedger {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(
    file: string,
    private readonly vault: PinVault,
    private readonly now: () => number = Date.now,
  ) {
    // Money and PINs: every committed change must survive a power cut.
    this.#db = openSqliteFile(file, { synchronous: 'FULL', migrations: MIGRATIONS });
    this.#checkKey();
  }

  /** Refuses a key other than the one that sealed the stock (its PINs would not open). */
  #checkKey(): void {
    const row = this.#db.prepare("SELECT value FROM ledger_meta WHERE key = 'pin_key_id'").get() as
      { value: string } | undefined;
    if (!row) {
      this.#db
        .prepare("INSERT INTO ledger_meta (key, value) VALUES ('pin_key_id', ?)")
        .run(this.vault.keyId);
      return;
    }
    if (!this.vault.sameKey(row.value)) {
      this.#db.close();
      throw new LedgerError(
        'wrong-key',
        'the PIN key is not the one that sealed this stock: restore the right voucher-pin.key',
      );
    }
  }

  /** Prepared once, reused (a sale runs a dozen statements); callers pluck per use. */
  #sql(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement.reader ? statement.pluck(false) : statement;
  }

  #day(at: number): string {
    return dayOf(new Date(at));
  }

  #append(
    kind: JournalKind,
    fields: { serial?: string | null; saleId?: number | null; staff: string; detail: object },
    at = this.now(),
  ): JournalEntry {
    const last = this.#sql('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const entry: Omit<JournalEntry, 'hash'> = {
      seq: (last?.seq ?? 0) + 1,
      at,
      day: this.#day(at),
      kind,
      serial: fields.serial ?? null,
      saleId: fields.saleId ?? null,
      staff: fields.staff,
      detail: JSON.stringify(fields.detail),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const hash = entryHash(entry);
    this.#sql(
      `INSERT INTO journal (seq, at, day, kind, serial, sale_id, staff, detail, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.seq,
      entry.at,
      entry.day,
      entry.kind,
      entry.serial,
      entry.saleId,
      entry.staff,
      entry.detail,
      entry.prevHash,
      hash,
    );
    return { ...entry, hash };
  }

  #code(id: number): CodeRow {
    const row = this.#sql(`SELECT ${CODE_COLUMNS} FROM codes WHERE id = ?`).get(id) as
      CodeRow | undefined;
    if (!row) throw new LedgerError('no-such-code', `no voucher code ${id}`);
    return row;
  }

  #move(
    code: CodeRow,
    from: readonly CodeState[],
    to: CodeState,
    extra: { printedAt?: number | null; copies?: number; saleId?: number | null } = {},
  ): void {
    if (!from.includes(code.state)) {
      throw new LedgerError(
        'wrong-state',
        `code ${code.serial} is ${code.state}, not ${from.join(' or ')}`,
      );
    }
    this.#sql(
      `UPDATE codes SET state = ?, printed_at = ?, copies = ?, sale_id = ?, updated_at = ?
         WHERE id = ?`,
    ).run(
      to,
      extra.printedAt === undefined ? code.printed_at : extra.printedAt,
      extra.copies ?? code.copies,
      extra.saleId === undefined ? code.sale_id : extra.saleId,
      this.now(),
      code.id,
    );
  }

  #saleState(saleId: number | null, state: SaleState): void {
    if (saleId !== null) {
      this.#sql('UPDATE sales SET state = ? WHERE id = ?').run(state, saleId);
    }
  }

  /**
   * Checks rows against the stock and, unless `dryRun`, adds them all in one
   * transaction; a row already in stock (same serial or same PIN) commits
   * nothing.
   */
  importStock(
    rows: readonly StockRow[],
    batch: { fileName: string; fileSha256: string; by: string },
    dryRun: boolean,
  ): ImportResult {
    const bySerial = this.#sql('SELECT 1 FROM codes WHERE serial = ?').pluck();
    const byPin = this.#sql('SELECT 1 FROM codes WHERE pin_fingerprint = ?').pluck();
    const sealed = rows.map((row) => ({ row, fingerprint: this.vault.fingerprint(row.pin) }));
    const problems: RowProblem[] = [];
    const byProduct: Record<string, number> = {};
    for (const { row, fingerprint } of sealed) {
      const reasons: string[] = [];
      if (bySerial.get(row.serial)) reasons.push(`serial "${row.serial}" is already in stock`);
      if (byPin.get(fingerprint)) reasons.push('its PIN is already in stock');
      if (reasons.length > 0) problems.push({ line: row.line, reason: reasons.join('; ') });
      byProduct[row.productId] = (byProduct[row.productId] ?? 0) + 1;
    }
    const result = { codes: rows.length, byProduct, problems, committed: false };
    if (dryRun || problems.length > 0 || rows.length === 0) return result;

    this.#db
      .transaction(() => {
        const at = this.now();
        const batchId = Number(
          this.#db
            .prepare(
              'INSERT INTO batches (file_name, file_sha256, imported_at, imported_by, codes) VALUES (?, ?, ?, ?, ?)',
            )
            .run(batch.fileName, batch.fileSha256, at, batch.by, rows.length).lastInsertRowid,
        );
        const insert = this.#sql(
          `INSERT INTO codes (serial, pin_sealed, pin_fingerprint, product, face_value_cents, expires_on, batch_id, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        for (const { row, fingerprint } of sealed) {
          insert.run(
            row.serial,
            this.vault.seal(row.serial, row.pin),
            fingerprint,
            row.productId,
            row.faceValueCents,
            row.expiresOn,
            batchId,
            at,
          );
        }
        this.#append('stock-import', {
          staff: batch.by,
          detail: { batch: batchId, file: batch.fileName, sha256: batch.fileSha256, byProduct },
        });
      })
      .immediate();
    return { ...result, committed: true };
  }

  /**
   * The sale transaction: the product's next code (earliest expiry first,
   * never an expired one) becomes RESERVED for a new sale, journaled.
   */
  reserve(request: SaleRequest): { sale: SaleRecord; code: CodeRecord } {
    return this.#db
      .transaction(() => {
        const at = this.now();
        const day = this.#day(at);
        const code = this.#sql(
          `SELECT ${CODE_COLUMNS} FROM codes
           WHERE product = ? AND state = 'IN_STOCK' AND sell_by >= ?
           ORDER BY sell_by, id LIMIT 1`,
        ).get(request.productId, day) as CodeRow | undefined;
        if (!code) throw new LedgerError('out-of-stock', `no ${request.productId} code in stock`);
        const saleId = Number(
          this.#db
            .prepare(
              `INSERT INTO sales (at, day, month, product, label, price_cents, face_value_cents, payment, member, staff, override, code_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              at,
              day,
              day.slice(0, 7),
              request.productId,
              request.label,
              request.priceCents,
              code.face_value_cents,
              request.payment,
              request.member,
              request.staff,
              request.override ?? null,
              code.id,
            ).lastInsertRowid,
        );
        this.#move(code, ['IN_STOCK'], 'RESERVED', { saleId });
        this.#append(
          'sale',
          {
            serial: code.serial,
            saleId,
            staff: request.staff,
            detail: {
              receipt: receiptNumber(saleId, day),
              product: request.productId,
              priceCents: request.priceCents,
              faceValueCents: code.face_value_cents,
              payment: request.payment,
              ...(request.override ? { override: request.override } : {}),
            },
          },
          at,
        );
        return { sale: this.sale(saleId) as SaleRecord, code: this.codeRecord(code.id) };
      })
      .immediate();
  }

  /**
   * The code goes to the printer: PRINTING is on disk before a byte leaves,
   * so a crash mid-print finds it and makes it UNCERTAIN. A reprint (from
   * UNCERTAIN or DELIVERED) needs a reason and is journaled as such.
   */
  startPrinting(codeId: number, staff: string, reprintReason?: string): VoucherToPrint {
    const { code, sealed } = this.#db
      .transaction(() => {
        const row = this.#code(codeId);
        const reprint = row.state !== 'RESERVED';
        if (reprint && !reprintReason?.trim()) {
          throw new LedgerError('reason-required', 'a reprint needs a reason');
        }
        const copies = row.copies + 1;
        this.#move(row, reprint ? ['UNCERTAIN', 'DELIVERED'] : ['RESERVED'], 'PRINTING', {
          printedAt: null,
          copies,
        });
        this.#append(reprint ? 'reprint' : 'printing', {
          serial: row.serial,
          saleId: row.sale_id,
          staff,
          detail: reprint ? { copy: copies, reason: reprintReason?.trim(), from: row.state } : {},
        });
        const blob = this.#sql('SELECT pin_sealed FROM codes WHERE id = ?').pluck().get(codeId);
        return { code: this.codeRecord(codeId), sealed: blob as Buffer };
      })
      .immediate();
    return { code, pin: this.vault.open(code.serial, sealed), copy: code.copies };
  }

  /** The print queue says the voucher printed: it waits for "Remis". */
  printed(codeId: number): CodeRecord {
    return this.#db
      .transaction(() => {
        const row = this.#code(codeId);
        this.#move(row, ['PRINTING'], 'PRINTING', { printedAt: this.now() });
        this.#append('printed', {
          serial: row.serial,
          saleId: row.sale_id,
          staff: 'borne',
          detail: {},
        });
        return this.codeRecord(codeId);
      })
      .immediate();
  }

  /** The print queue could not tell (connection lost mid-voucher): staff will decide. */
  uncertain(codeId: number, reason: string): CodeRecord {
    return this.#db
      .transaction(() => {
        const row = this.#code(codeId);
        this.#move(row, ['PRINTING'], 'UNCERTAIN', { printedAt: null });
        this.#saleState(row.sale_id, 'uncertain');
        this.#append('uncertain', {
          serial: row.serial,
          saleId: row.sale_id,
          staff: 'borne',
          detail: { reason },
        });
        return this.codeRecord(codeId);
      })
      .immediate();
  }

  /**
   * Nothing reached the printer (it refused before the first byte, or the
   * sale stopped before printing): the code goes back to stock, journaled,
   * and its sale is released. A reprint that fails this way leaves the code
   * where it was (UNCERTAIN or DELIVERED).
   */
  release(codeId: number, staff: string, reason: string): CodeRecord {
    return this.#db
      .transaction(() => {
        const row = this.#code(codeId);
        if (row.copies > 1 && row.state === 'PRINTING') {
          // A failed DUPLICATA: the first print may be in someone's hand.
          const before = this.#db
            .prepare(
              "SELECT detail FROM journal WHERE serial = ? AND kind = 'reprint' ORDER BY seq DESC LIMIT 1",
            )
            .pluck()
            .get(row.serial) as string;
          const from = (JSON.parse(before) as { from: CodeState }).from;
          this.#move(row, ['PRINTING'], from, { copies: row.copies - 1 });
          this.#append('released', {
            serial: row.serial,
            saleId: row.sale_id,
            staff,
            detail: { reason, back: from },
          });
          return this.codeRecord(codeId);
        }
        this.#move(row, ['RESERVED', 'PRINTING'], 'IN_STOCK', {
          saleId: null,
          printedAt: null,
          copies: row.state === 'PRINTING' ? row.copies - 1 : row.copies,
        });
        this.#saleState(row.sale_id, 'released');
        this.#append('released', {
          serial: row.serial,
          saleId: row.sale_id,
          staff,
          detail: { reason, back: 'IN_STOCK' },
        });
        return this.codeRecord(codeId);
      })
      .immediate();
  }

  /** "Remis": the voucher is in the member's hands (also to settle an UNCERTAIN code). */
  delivered(codeId: number, staff: string): CodeRecord {
    return this.#db
      .transaction(() => {
        const row = this.#code(codeId);
        if (row.state === 'PRINTING' && row.printed_at === null) {
          throw new LedgerError('wrong-state', `code ${row.serial} has not printed yet`);
        }
        this.#move(row, ['PRINTING', 'UNCERTAIN'], 'DELIVERED');
        this.#saleState(row.sale_id, 'delivered');
        this.#append('delivered', {
          serial: row.serial,
          saleId: row.sale_id,
          staff,
          detail: row.state === 'UNCERTAIN' ? { settled: true } : {},
        });
        return this.codeRecord(codeId);
      })
      .immediate();
  }

  /** Voids a code, with a reason; its sale (if any) is voided too: refund the member. */
  void(codeId: number, staff: string, reason: string): CodeRecord {
    if (!reason.trim()) throw new LedgerError('reason-required', 'voiding a code needs a reason');
    return this.#db
      .transaction(() => {
        const row = this.#code(codeId);
        this.#move(row, ['IN_STOCK', 'PRINTING', 'UNCERTAIN', 'DELIVERED'], 'VOID');
        this.#saleState(row.sale_id, 'void');
        const refund = row.sale_id
          ? (this.#db
              .prepare('SELECT price_cents FROM sales WHERE id = ?')
              .pluck()
              .get(row.sale_id) as number)
          : 0;
        this.#append('void', {
          serial: row.serial,
          saleId: row.sale_id,
          staff,
          detail: { reason: reason.trim(), from: row.state, refundCents: refund },
        });
        return this.codeRecord(codeId);
      })
      .immediate();
  }

  /**
   * After a crash or a power cut: a reserved code never reached the printer
   * (PRINTING is written first) and goes back to stock; a code caught
   * PRINTING with no word from the queue may be on paper: UNCERTAIN.
   */
  recover(): CodeRecord[] {
    const open = this.#sql(
      `SELECT ${CODE_COLUMNS} FROM codes WHERE state = 'RESERVED' OR (state = 'PRINTING' AND printed_at IS NULL)`,
    ).all() as CodeRow[];
    return open.map((row) =>
      row.state === 'RESERVED'
        ? this.release(row.id, 'borne', 'interrupted before printing')
        : this.uncertain(row.id, 'interrupted while printing: check the ticket'),
    );
  }

  /** Codes that wait for staff: printed and waiting for "Remis", or UNCERTAIN. */
  pending(): CodeRecord[] {
    return (
      this.#sql(
        `SELECT ${CODE_COLUMNS} FROM codes WHERE state IN ('UNCERTAIN', 'PRINTING', 'RESERVED') ORDER BY updated_at`,
      ).all() as CodeRow[]
    ).map(toCode);
  }

  codeRecord(id: number): CodeRecord {
    return toCode(this.#code(id));
  }

  findBySerial(serial: string): CodeRecord | undefined {
    const row = this.#sql(`SELECT ${CODE_COLUMNS} FROM codes WHERE serial = ?`).get(serial) as
      CodeRow | undefined;
    return row && toCode(row);
  }

  sale(id: number): SaleRecord | undefined {
    const row = this.#sql('SELECT * FROM sales WHERE id = ?').get(id) as SaleRow | undefined;
    return row && toSale(row);
  }

  /** The day's sales, latest first (for reprint and void at the desk). */
  sales(day: string, limit = 200): SaleRecord[] {
    return (
      this.#sql('SELECT * FROM sales WHERE day = ? ORDER BY id DESC LIMIT ?').all(
        day,
        limit,
      ) as SaleRow[]
    ).map(toSale);
  }

  /** Sales to this card this calendar month of this product, not released or voided. */
  quotaUsed(member: string, productId: string, at = this.now()): number {
    return this.#sql(
      `SELECT COUNT(*) FROM sales WHERE member = ? AND month = ? AND product = ?
         AND state NOT IN ('released', 'void')`,
    )
      .pluck()
      .get(member, this.#day(at).slice(0, 7), productId) as number;
  }

  stock(at = this.now()): ProductStock[] {
    const today = this.#day(at);
    const rows = this.#sql(
      `SELECT product,
           SUM(state = 'IN_STOCK' AND (expires_on IS NULL OR expires_on >= @today)) AS inStock,
           SUM(state = 'IN_STOCK' AND expires_on < @today) AS expired,
           SUM(state = 'RESERVED') AS reserved, SUM(state = 'PRINTING') AS printing,
           SUM(state = 'DELIVERED') AS delivered, SUM(state = 'UNCERTAIN') AS uncertain,
           SUM(state = 'VOID') AS void, COUNT(*) AS imported
         FROM codes GROUP BY product ORDER BY product`,
    ).all({ today }) as (Omit<ProductStock, 'productId'> & { product: string })[];
    return rows.map(({ product, ...counts }) => ({ productId: product, ...counts }));
  }

  /** Totals of one day, from the sales and the journal. */
  dayTotals(day: string): DayTotals {
    const products = this.#sql(
      `SELECT product AS productId, MAX(label) AS label, COUNT(*) AS count,
           SUM(face_value_cents) AS faceValueCents, SUM(price_cents) AS paidCents
         FROM sales WHERE day = ? AND state NOT IN ('released', 'void')
         GROUP BY product ORDER BY product`,
    ).all(day) as DayTotals['products'];
    const payments = this.#sql(
      `SELECT payment AS method, COUNT(*) AS count, SUM(price_cents) AS cents
         FROM sales WHERE day = ? AND state NOT IN ('released', 'void')
         GROUP BY payment ORDER BY payment`,
    ).all(day) as DayTotals['payments'];
    const count = (kind: JournalKind) =>
      this.#sql('SELECT COUNT(*) FROM journal WHERE day = ? AND kind = ?')
        .pluck()
        .get(day, kind) as number;
    const closing = this.#sql(
      "SELECT hash FROM journal WHERE day = ? AND kind = 'closing' ORDER BY seq DESC LIMIT 1",
    )
      .pluck()
      .get(day) as string | undefined;
    return {
      day,
      products,
      payments,
      voided: count('void'),
      reprints: count('reprint'),
      uncertain: count('uncertain'),
      closingHash: closing ?? null,
    };
  }

  /**
   * Appends the day's closing entry (its totals, chained like the rest)
   * unless the day is already closed after its last entry. Returns it.
   */
  closeDay(day: string, staff: string): JournalEntry | null {
    return this.#db
      .transaction(() => {
        const last = this.#sql('SELECT kind FROM journal WHERE day = ? ORDER BY seq DESC LIMIT 1')
          .pluck()
          .get(day) as JournalKind | undefined;
        if (last === undefined || last === 'closing') return null;
        const totals = this.dayTotals(day);
        const paidCents = totals.products.reduce((sum, product) => sum + product.paidCents, 0);
        const perpetual = this.#sql(
          "SELECT COALESCE(SUM(price_cents), 0) FROM sales WHERE state NOT IN ('released', 'void')",
        )
          .pluck()
          .get() as number;
        // A past day's closing is dated at its end, so the chain stays in day order.
        const at = day < this.#day(this.now()) ? endOfDay(day) : this.now();
        return this.#append(
          'closing',
          {
            staff,
            detail: {
              day,
              sales: totals.products.reduce((sum, product) => sum + product.count, 0),
              paidCents,
              payments: Object.fromEntries(totals.payments.map((p) => [p.method, p.cents])),
              voided: totals.voided,
              reprints: totals.reprints,
              uncertain: totals.uncertain,
              perpetualCents: perpetual,
            },
          },
          Math.max(at, this.#lastAt()),
        );
      })
      .immediate();
  }

  #lastAt(): number {
    return (this.#sql('SELECT MAX(at) FROM journal').pluck().get() as number | null) ?? 0;
  }

  /** Closes every earlier day left open (the desk does it at its first action of a day). */
  closeEarlierDays(staff: string): JournalEntry[] {
    const today = this.#day(this.now());
    const days = this.#sql('SELECT DISTINCT day FROM journal WHERE day < ? ORDER BY day')
      .pluck()
      .all(today) as string[];
    return days.flatMap((day) => this.closeDay(day, staff) ?? []);
  }

  journal(fromSeq = 1): IterableIterator<JournalEntry> {
    return this.#sql(
      `SELECT seq, at, day, kind, serial, sale_id AS saleId, staff, detail, prev_hash AS prevHash, hash
         FROM journal WHERE seq >= ? ORDER BY seq`,
    ).iterate(fromSeq) as IterableIterator<JournalEntry>;
  }

  verify(): ChainCheck {
    return verifyChain(this.journal());
  }

  /** Counts per state of all codes: they must add up to what was imported. */
  stateCounts(): Record<CodeState, number> {
    const counts = Object.fromEntries(CODE_STATES.map((state) => [state, 0])) as Record<
      CodeState,
      number
    >;
    for (const row of this.#sql('SELECT state, COUNT(*) AS n FROM codes GROUP BY state').all() as {
      state: CodeState;
      n: number;
    }[]) {
      counts[row.state] = row.n;
    }
    return counts;
  }

  importedCount(): number {
    return this.#sql('SELECT COALESCE(SUM(codes), 0) FROM batches').pluck().get() as number;
  }

  close(): void {
    this.#db.close();
  }
}

/** "2026-12-02", sale 123 → "R-2026-000123". */
export function receiptNumber(saleId: number, day: string): string {
  return `R-${day.slice(0, 4)}-${String(saleId).padStart(6, '0')}`;
}

function endOfDay(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 23, 59, 59, 999).getTime();
}

function toCode(row: CodeRow): CodeRecord {
  return {
    id: row.id,
    serial: row.serial,
    productId: row.product,
    faceValueCents: row.face_value_cents,
    expiresOn: row.expires_on,
    state: row.state,
    saleId: row.sale_id,
    printed: row.printed_at !== null,
    copies: row.copies,
  };
}

function toSale(row: SaleRow): SaleRecord {
  return {
    id: row.id,
    receiptNumber: receiptNumber(row.id, row.day),
    at: row.at,
    day: row.day,
    productId: row.product,
    label: row.label,
    priceCents: row.price_cents,
    faceValueCents: row.face_value_cents,
    payment: row.payment,
    staff: row.staff,
    state: row.state,
    codeId: row.code_id,
  };
}
