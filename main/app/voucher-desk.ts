/**
 * The voucher desk in the staff space: a product chosen, the member card's
 * rights and monthly quota checked, the payment taken, then the voucher and
 * the sale receipt printed through the print queue and "Remis" confirmed.
 *
 * The order that keeps every code accounted for: the printer is asked first
 * (paper out or cover open: nothing is reserved); the code is RESERVED with
 * its sale and journal entry in one transaction; PRINTING reaches the disk
 * before a byte leaves; the queue's answer then makes it printed (waiting
 * for "Remis"), UNCERTAIN (maybe printed: staff decide), or back in stock
 * (nothing was sent), each journaled. A sale in progress outlives a staff
 * sign-out: staff find it where they left it.
 */
import type { KioskConfig, VoucherProduct } from '../config/config-schema.js';
import { receiptIdentity } from '../config/config-schema.js';
import type {
  DayReportView,
  DeskMember,
  DeskPayment,
  DeskSale,
  DeskView,
  Params,
  PendingCode,
  SoldVoucher,
} from '../contract/ipc-contract.js';
import type { Handlers } from '../ipc/dispatcher.js';
import { dayOf } from '../members/membership-period.js';
import { dayReport } from '../../native/printer/templates/day-report.js';
import { formatDateTime } from '../../native/printer/templates/receipt-format.js';
import { saleReceipt } from '../../native/printer/templates/sale-receipt.js';
import { voucherTicket } from '../../native/printer/templates/voucher.js';
import type { PrintingService } from './printing-service.js';
import type { MemberDesk } from './member-desk.js';
import { openLedger } from '../vouchers/stock-import.js';
import { type UsageLog, usageTime } from '../usage/usage-event.js';
import {
  type CodeRecord,
  type DayTotals,
  LedgerError,
  type VoucherToPrint,
  type VoucherLedger,
} from '../vouchers/voucher-ledger.js';

/** Why a reprint or a void was made, as the journal keeps it. */
export const REASON_TEXT = {
  unreadable: 'Ticket illisible',
  'not-printed': 'Ticket pas sorti de l’imprimante',
  'wrong-product': 'Erreur de produit',
  refund: 'Remboursement',
  'operator-refused': 'Code refusé par l’opérateur',
} as const;

type DeskHandlers = Pick<
  Handlers,
  | 'desk.get'
  | 'desk.choose'
  | 'desk.pay'
  | 'desk.delivered'
  | 'desk.cancel'
  | 'desk.settle'
  | 'desk.sales'
  | 'desk.report'
  | 'desk.printReport'
>;

export interface VoucherDesk {
  handlers: DeskHandlers;
  /** Whether a sale is open: the staff space must not be taken away from it. */
  saleOpen(): boolean;
  /** Something the desk shows changed elsewhere (the member card): tell the screen. */
  refresh(): void;
  /** Resolves once the receipts sent are printed or given up. */
  idle(): Promise<void>;
  dispose(): void;
}

type Opened = { ok: true; ledger: VoucherLedger } | { ok: false; detail: string };

interface OpenSale extends DeskSale {
  member: DeskMember;
}

function withoutCode(sale: OpenSale): OpenSale {
  const rest = { ...sale };
  delete rest.codeId;
  delete rest.serial;
  delete rest.receiptNumber;
  return rest;
}

export function createVoucherDesk(options: {
  config: () => KioskConfig;
  dataDir: string;
  printing: PrintingService;
  members: MemberDesk;
  /** The signed-in staff member; throws when nobody is (every handler is staff only). */
  staff: () => { name: string; manager: boolean };
  onChange: (view: DeskView) => void;
  /** A recharge handed over is counted in the usage log (its product, nothing of the member). */
  usage?: UsageLog;
  log: (line: string) => void;
  now?: () => Date;
}): VoucherDesk {
  const now = options.now ?? (() => new Date());
  let opened: Opened | undefined;
  let sale: OpenSale | null = null;
  let done: DeskView['done'];
  let busy = false;
  let disposed = false;
  const receipts = new Set<Promise<void>>();

  const products = () => options.config().vouchers.products;
  const product = (id: string) => products().find((candidate) => candidate.id === id);
  const printerId = () =>
    options.config().vouchers.printer ?? options.config().printing.printers[0]?.id;

  /** The ledger, opened on the first use of the desk (never on kiosks that sell nothing). */
  const ledger = (): Opened => {
    if (opened) return opened;
    try {
      // A new key only for a new ledger: over existing stock it would make every PIN unreadable.
      const book = openLedger(options.dataDir, () => now().getTime());
      for (const code of book.recover()) {
        options.log(`voucher desk: code ${code.serial} left ${code.state} by the last run`);
      }
      book.closeEarlierDays('borne');
      return (opened = { ok: true, ledger: book });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      options.log(`voucher desk: ${detail}`);
      return (opened = { ok: false, detail });
    }
  };

  const memberFor = (item: VoucherProduct, book: VoucherLedger): DeskMember => {
    const card = options.members.card();
    const required = options.config().vouchers.memberCard === 'required';
    if (!card) return required ? { card: 'none', blocked: 'card-required' } : { card: 'none' };
    if (card.pseudonym === null) {
      return required ? { card: 'unreadable', blocked: 'card-required' } : { card: 'unreadable' };
    }
    const status = options.members.view().state;
    const state = status === 'none' || status === 'unreadable' ? 'unknown' : status;
    const used = book.quotaUsed(card.pseudonym, item.id);
    const quota = item.monthlyQuota;
    const blocked =
      state !== 'active' ? 'no-rights' : quota !== undefined && used >= quota ? 'quota' : undefined;
    return {
      card: state,
      used,
      ...(quota !== undefined ? { quota } : {}),
      ...(blocked ? { blocked } : {}),
    };
  };

  const pendingOf = (book: VoucherLedger): PendingCode[] =>
    book
      .pending()
      .filter((code) => code.id !== sale?.codeId)
      .map((code) => {
        const sold = code.saleId !== null ? book.sale(code.saleId) : undefined;
        return {
          codeId: code.id,
          serial: code.serial,
          label: product(code.productId)?.label ?? code.productId,
          state: code.state === 'UNCERTAIN' ? 'uncertain' : code.printed ? 'printed' : 'printing',
          copies: code.copies,
          ...(sold ? { receiptNumber: sold.receiptNumber } : {}),
        };
      });

  const view = (): DeskView => {
    const config = options.config().vouchers;
    const base = {
      products: [] as DeskView['products'],
      payments: config.payments,
      memberCard: config.memberCard,
      sale: null,
      pending: [],
    };
    if (products().length === 0) return { ...base, problem: 'no-products' };
    if (!printerId()) return { ...base, problem: 'no-printer' };
    const book = ledger();
    if (!book.ok) return { ...base, problem: 'pin-key', detail: book.detail };
    const stock = new Map(book.ledger.stock(now().getTime()).map((s) => [s.productId, s]));
    if (sale?.step === 'ready') {
      const item = product(sale.productId);
      if (item) sale.member = memberFor(item, book.ledger);
    }
    return {
      ...base,
      products: products().map((item) => {
        const inStock = stock.get(item.id)?.inStock ?? 0;
        return {
          id: item.id,
          label: item.label,
          operator: item.operator,
          faceValueCents: item.faceValueCents,
          priceCents: item.priceCents,
          ...(item.monthlyQuota !== undefined ? { monthlyQuota: item.monthlyQuota } : {}),
          inStock,
          low: inStock <= item.lowStock,
        };
      }),
      sale: sale && { ...sale },
      pending: pendingOf(book.ledger),
      ...(done ? { done } : {}),
    };
  };

  const publish = (): DeskView => {
    const next = view();
    options.onChange(next);
    return next;
  };

  const open = (): VoucherLedger => {
    options.staff();
    const book = ledger();
    if (!book.ok) throw new Error(`the voucher desk is closed: ${book.detail}`);
    return book.ledger;
  };

  /** The printer's state now; null when it may print. */
  const printerProblem = async (id: string): Promise<string | null> => {
    const status = (await options.printing.statuses()).find((entry) => entry.id === id);
    if (!status) return `pas d’imprimante « ${id} »`;
    return status.ok ? null : status.message;
  };

  type PrintResult = { outcome: 'printed' } | { outcome: 'uncertain' | 'refused'; message: string };

  /** Sends one voucher and moves its code by the queue's answer. */
  const printVoucher = async (
    book: VoucherLedger,
    voucher: VoucherToPrint,
    item: VoucherProduct,
    staff: string,
  ): Promise<PrintResult> => {
    const id = printerId() ?? '';
    const profile = options.printing.profile(id);
    let outcome: Awaited<ReturnType<PrintingService['print']>>;
    try {
      if (!profile) throw new Error('printer not loaded');
      const document = voucherTicket(
        {
          operator: item.operator,
          product: item.label,
          faceValueCents: voucher.code.faceValueCents,
          pin: voucher.pin,
          serial: voucher.code.serial,
          instructions: item.instructions,
          ...(voucher.code.expiresOn ? { expiresOn: voucher.code.expiresOn } : {}),
          copy: voucher.copy,
        },
        receiptIdentity(options.config()),
        profile,
        now(),
      );
      outcome = await options.printing.print(id, {
        kind: 'voucher',
        document,
        containsPin: true,
      });
    } catch {
      // Never the error's text: it could quote the voucher, PIN included.
      outcome = { ok: false, error: 'le ticket n’a pas pu être préparé' };
    }
    if (!outcome.ok) {
      book.release(voucher.code.id, staff, outcome.error);
      return { outcome: 'refused', message: outcome.error };
    }
    const { job } = outcome;
    if (job.state === 'done') {
      book.printed(voucher.code.id);
      return { outcome: 'printed' };
    }
    const reason = job.reason ?? job.state;
    if (job.state === 'unknown') {
      book.uncertain(voucher.code.id, reason);
      return { outcome: 'uncertain', message: reason };
    }
    book.release(voucher.code.id, staff, reason);
    return { outcome: 'refused', message: reason };
  };

  const printReceipt = (book: VoucherLedger, saleId: number) => {
    const sold = book.sale(saleId);
    const id = printerId();
    const profile = id ? options.printing.profile(id) : undefined;
    if (!sold || !id || !profile || !sale) return;
    sale.receipt = 'printing';
    const document = saleReceipt(
      {
        receiptNumber: sold.receiptNumber,
        soldAt: new Date(sold.at),
        lines: [
          {
            label: sold.label,
            unitPriceCents: sold.priceCents,
            faceValueCents: sold.faceValueCents,
          },
        ],
        paidCents: sold.priceCents,
        paymentMethod: sold.payment as DeskPayment,
      },
      receiptIdentity(options.config()),
      profile,
      now(),
    );
    // The receipt carries no PIN: the queue may retry it; the desk does not wait for it.
    const printing = options.printing
      .print(id, { kind: 'sale', document, containsPin: false })
      .then((outcome) => {
        const printed = outcome.ok && outcome.job.state === 'done';
        if (sale?.receiptNumber === sold.receiptNumber)
          sale.receipt = printed ? 'printed' : 'failed';
        if (!printed) options.log(`voucher desk: receipt ${sold.receiptNumber} not printed`);
        if (!disposed) publish();
      })
      .finally(() => receipts.delete(printing));
    receipts.add(printing);
  };

  const record = (code: CodeRecord, book: VoucherLedger): SoldVoucher | null => {
    const sold = code.saleId !== null ? book.sale(code.saleId) : undefined;
    if (!sold) return null;
    return {
      saleId: sold.id,
      codeId: code.id,
      receiptNumber: sold.receiptNumber,
      time: formatDateTime(new Date(sold.at)).slice(-5),
      label: sold.label,
      priceCents: sold.priceCents,
      payment: sold.payment,
      serial: code.serial,
      state: sold.state,
      copies: code.copies,
    };
  };

  const reportOf = (totals: DayTotals): DayReportView => ({
    day: totals.day,
    products: totals.products.map(({ label, count, faceValueCents, paidCents }) => ({
      label,
      count,
      faceValueCents,
      paidCents,
    })),
    payments: totals.payments,
    totalCents: totals.products.reduce((sum, entry) => sum + entry.paidCents, 0),
    voided: totals.voided,
    reprints: totals.reprints,
    uncertain: totals.uncertain,
    closingHash: totals.closingHash,
  });

  const handedOver = (code: CodeRecord) =>
    options.usage?.record({ kind: 'voucher-sold', productId: code.productId, ...usageTime(now()) });

  const settle = async ({ codeId, outcome, reason }: Params<'desk.settle'>): Promise<DeskView> => {
    const book = open();
    const staff = options.staff().name;
    if (outcome === 'delivered') {
      handedOver(book.delivered(codeId, staff));
      return publish();
    }
    if (!reason) throw new LedgerError('reason-required', `a ${outcome} needs a reason`);
    if (outcome === 'void') {
      book.void(codeId, staff, REASON_TEXT[reason]);
      return publish();
    }
    const id = printerId() ?? '';
    const problem = await printerProblem(id);
    if (problem) throw new Error(problem);
    const voucher = book.startPrinting(codeId, staff, REASON_TEXT[reason]);
    const item = product(voucher.code.productId);
    if (!item) {
      book.release(codeId, staff, 'produit retiré de la configuration');
      throw new Error(`product ${voucher.code.productId} is no longer configured`);
    }
    publish();
    await printVoucher(book, voucher, item, staff);
    return publish();
  };

  const handlers: DeskHandlers = {
    'desk.get': () => {
      options.staff();
      return view();
    },
    'desk.choose': ({ productId }) => {
      const book = open();
      if (sale && sale.step !== 'ready' && sale.step !== 'refused') return view();
      const item = product(productId);
      if (!item) throw new Error(`no product "${productId}"`);
      book.closeEarlierDays('borne');
      done = undefined;
      sale = {
        step: 'ready',
        productId: item.id,
        label: item.label,
        priceCents: item.priceCents,
        faceValueCents: item.faceValueCents,
        member: memberFor(item, book),
        canOverride: options.staff().manager,
      };
      return publish();
    },
    'desk.pay': async ({ payment, override }) => {
      const book = open();
      const staff = options.staff();
      if (!sale || (sale.step !== 'ready' && sale.step !== 'refused') || busy) return view();
      const item = product(sale.productId);
      if (!item) throw new Error(`no product "${sale.productId}"`);
      if (!options.config().vouchers.payments.includes(payment)) {
        throw new Error(`payment "${payment}" is not accepted at this desk`);
      }
      const member = memberFor(item, book);
      if (member.blocked && !(override && staff.manager)) {
        sale = { ...sale, step: 'ready', member };
        return publish();
      }
      busy = true;
      try {
        const id = printerId() ?? '';
        const problem = await printerProblem(id);
        if (problem) {
          // Nothing is reserved before the printer says it can print.
          sale = { ...sale, step: 'refused', payment, message: problem };
          return publish();
        }
        const card = options.members.card();
        const { sale: sold, code } = book.reserve({
          productId: item.id,
          label: item.label,
          priceCents: payment === 'free' ? 0 : item.priceCents,
          payment,
          member: card?.pseudonym ?? null,
          staff: staff.name,
          ...(member.blocked && override ? { override: `${member.blocked}: ${override}` } : {}),
        });
        sale = {
          ...sale,
          step: 'printing',
          payment,
          member,
          priceCents: sold.priceCents,
          receiptNumber: sold.receiptNumber,
          serial: code.serial,
          codeId: code.id,
        };
        publish();
        const voucher = book.startPrinting(code.id, staff.name);
        const printed = await printVoucher(book, voucher, item, staff.name);
        if (printed.outcome === 'printed') {
          sale = { ...sale, step: 'printed' };
          printReceipt(book, sold.id);
        } else {
          // Back in stock: the sale keeps no code, serial or receipt number.
          sale =
            printed.outcome === 'uncertain'
              ? { ...sale, step: 'uncertain', message: printed.message }
              : withoutCode({ ...sale, step: 'refused', message: printed.message });
        }
        return publish();
      } catch (error) {
        if (error instanceof LedgerError && error.code === 'out-of-stock') {
          sale = { ...sale, step: 'refused', message: 'Plus de code en stock pour ce produit' };
          return publish();
        }
        throw error;
      } finally {
        busy = false;
      }
    },
    'desk.delivered': () => {
      const book = open();
      if (!sale?.codeId || (sale.step !== 'printed' && sale.step !== 'uncertain')) return view();
      handedOver(book.delivered(sale.codeId, options.staff().name));
      done = { receiptNumber: sale.receiptNumber ?? '', label: sale.label };
      sale = null;
      options.members.clear();
      return publish();
    },
    'desk.cancel': () => {
      open();
      // A sale that printed, or may have, is settled, never cancelled.
      if (sale && (sale.step === 'ready' || sale.step === 'refused')) sale = null;
      else if (sale?.step === 'uncertain') sale = null; // it stays in the pending list
      return publish();
    },
    'desk.settle': settle,
    'desk.sales': () => {
      const book = open();
      const day = dayOf(now());
      return {
        sales: book.sales(day).flatMap((sold) => {
          const entry = record(book.codeRecord(sold.codeId), book);
          // A released sale's code went back to stock: it is not this sale's any more.
          return entry && sold.state !== 'released' ? [{ ...entry, state: sold.state }] : [];
        }),
      };
    },
    'desk.report': ({ day }) => reportOf(open().dayTotals(day ?? dayOf(now()))),
    'desk.printReport': async () => {
      const book = open();
      const staff = options.staff().name;
      const day = dayOf(now());
      book.closeDay(day, staff);
      const report = reportOf(book.dayTotals(day));
      const id = printerId() ?? '';
      const profile = options.printing.profile(id);
      if (!profile) return { printed: false, message: 'imprimante pas prête', report };
      const outcome = await options.printing.print(id, {
        kind: 'day-report',
        document: dayReport(
          {
            day,
            kioskId: options.config().kiosk.id,
            products: report.products,
            payments: report.payments.map(({ method, cents }) => ({
              method: method as DeskPayment,
              cents,
            })),
            voided: report.voided,
            reprints: report.reprints,
            unknownPrints: report.uncertain,
            ...(report.closingHash ? { closingHash: report.closingHash } : {}),
          },
          receiptIdentity(options.config()),
          profile,
          now(),
        ),
        containsPin: false,
      });
      const printed = outcome.ok && outcome.job.state === 'done';
      return {
        printed,
        ...(printed ? {} : { message: outcome.ok ? (outcome.job.reason ?? '') : outcome.error }),
        report,
      };
    },
  };

  return {
    handlers,
    saleOpen: () => sale !== null && sale.step !== 'ready',
    refresh: () => {
      if (sale || opened) publish();
    },
    idle: async () => {
      await Promise.all([...receipts]);
    },
    dispose: () => {
      disposed = true;
      if (opened?.ok) opened.ledger.close();
    },
  };
}
