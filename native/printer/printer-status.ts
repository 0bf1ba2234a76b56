/**
 * Real-time status (Epson ESC/POS DLE EOT n, 10 04 n): four one-byte answers,
 * each with fixed bits 1 and 4 set (0x12) and bits 0 and 7 clear.
 *   n=1 printer:   bit 3 offline
 *   n=2 offline:   bit 2 cover open, bit 5 stopped for paper end, bit 6 error
 *   n=3 error:     bit 3 auto-cutter, bit 5 unrecoverable, bit 6 auto-recoverable
 *   n=4 paper:     bits 2-3 roll near end, bits 5-6 roll end
 */
export type PrinterState =
  'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'error';

export interface PrinterStatus {
  state: PrinterState;
  online: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  error: boolean;
  /** May a job be sent now? (near-end still prints) */
  canPrint: boolean;
}

/** Short messages for staff, in French (the staff desk is French-only for now). */
export const STATE_MESSAGES: Record<PrinterState, string> = {
  ready: 'Imprimante prête',
  'paper-near-end': 'Papier bientôt fini : préparez un rouleau',
  'paper-out': 'Plus de papier : changez le rouleau',
  'cover-open': 'Capot ouvert : refermez-le',
  offline: 'Imprimante hors ligne : vérifiez le câble et l’alimentation',
  error: 'Erreur de l’imprimante : éteignez-la puis rallumez-la',
};

export const DLE_EOT_QUERIES = [
  [0x10, 0x04, 1],
  [0x10, 0x04, 2],
  [0x10, 0x04, 3],
  [0x10, 0x04, 4],
] as const;

const FIXED = 0x12;

/** Decodes the four answers; null when they are not status bytes at all. */
export function decodeStatus(answers: ArrayLike<number>): PrinterStatus | null {
  if (answers.length !== 4) return null;
  const bytes = Array.from(answers);
  if (bytes.some((byte) => (byte & 0x93) !== FIXED)) return null;
  const [printer, offline, error, paper] = bytes as [number, number, number, number];
  const coverOpen = (offline & 0x04) !== 0;
  const paperEnd = (offline & 0x20) !== 0 || (paper & 0x60) !== 0;
  const paperNearEnd = (paper & 0x0c) !== 0;
  const failed = (offline & 0x40) !== 0 || (error & 0x68) !== 0;
  const online = (printer & 0x08) === 0;
  const state: PrinterState = coverOpen
    ? 'cover-open'
    : paperEnd
      ? 'paper-out'
      : failed
        ? 'error'
        : !online
          ? 'offline'
          : paperNearEnd
            ? 'paper-near-end'
            : 'ready';
  return {
    state,
    online,
    coverOpen,
    paperEnd,
    paperNearEnd,
    error: failed,
    canPrint: state === 'ready' || state === 'paper-near-end',
  };
}

/** The four answers a printer in this state gives (the virtual printer's side). */
export function encodeStatus(state: PrinterState): [number, number, number, number] {
  const offline = state !== 'ready' && state !== 'paper-near-end';
  return [
    FIXED | (offline ? 0x08 : 0),
    FIXED |
      (state === 'cover-open' ? 0x04 : 0) |
      (state === 'paper-out' ? 0x20 : 0) |
      (state === 'error' ? 0x40 : 0),
    FIXED | (state === 'error' ? 0x20 : 0),
    FIXED |
      (state === 'paper-near-end' || state === 'paper-out' ? 0x0c : 0) |
      (state === 'paper-out' ? 0x60 : 0),
  ];
}
