/**
 * The statistics as they leave the kiosk (for a funder, a federation, the
 * fleet server): published cells only (usage-suppression.ts), CSV for a
 * French spreadsheet or JSON for a program.
 */
import Papa from 'papaparse';
import {
  exportRange,
  MIN_VISITS,
  type PeriodBin,
  type PeriodCell,
  type PublishedCell,
  publishCells,
} from './usage-suppression.js';

export type ExportFormat = 'csv' | 'json';

export interface StatsExport {
  kioskId: string;
  from: string;
  to: string;
  by: PeriodBin;
  minVisits: number;
  cells: PublishedCell[];
}

/** The export of days `from`..`to` (months widened to whole months), read through `cellsOf`. */
export function buildExport(
  kioskId: string,
  range: { from: string; to: string; by: PeriodBin },
  cellsOf: (from: string, to: string, by: PeriodBin) => PeriodCell[],
): StatsExport {
  const { from, to } = exportRange(range.from, range.to, range.by);
  return {
    kioskId,
    from,
    to,
    by: range.by,
    minVisits: MIN_VISITS,
    cells: publishCells(cellsOf(from, to, range.by)),
  };
}

const SUPPRESSED = `moins de ${MIN_VISITS} visites`;

export function formatExport(stats: StatsExport, format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(stats, null, 2)}\n`;
  const rows = [
    ['période', 'borne', 'indicateur', 'clé', 'valeur', 'note'],
    ...stats.cells.map((cell) => [
      cell.period,
      stats.kioskId,
      cell.metric,
      cell.key,
      cell.value ?? '',
      cell.value === null ? SUPPRESSED : '',
    ]),
  ];
  return `${Papa.unparse(rows, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
