/**
 * What Borne knows of each printer: paper width in columns, the code page to
 * select for French text, and whether œ exists there. WPC1252 (ESC t 16) has
 * €, œ and every French accent but only on Epson TM-T20 / TM-T88III and
 * later; CP858 (ESC t 19) has € but no œ; PC850 (ESC t 2) has neither.
 */
export type CodePage = 'windows1252' | 'cp858' | 'cp850';

export interface PrinterProfile {
  name: string;
  label: string;
  columns: number;
  /** Printable width in dots (8 dots/mm): 576 on 80 mm paper, 384 on 58 mm. */
  dots: number;
  codePage: CodePage;
  /** Receipt-printer-encoder's model, for its quirks (or undefined for a generic ESC/POS printer). */
  model?: 'epson-tm-t20iii' | 'epson-tm-t88v';
}

export const PRINTER_PROFILES = {
  'epson-tm-t20': {
    name: 'epson-tm-t20',
    label: 'Epson TM-T20 (80 mm, 48 columns)',
    columns: 48,
    dots: 576,
    codePage: 'windows1252',
    model: 'epson-tm-t20iii',
  },
  'epson-tm-t88': {
    name: 'epson-tm-t88',
    label: 'Epson TM-T88III and later (80 mm, 48 columns)',
    columns: 48,
    dots: 576,
    codePage: 'windows1252',
    model: 'epson-tm-t88v',
  },
  'generic-80': {
    name: 'generic-80',
    label: 'ESC/POS 80 mm (48 columns, CP858)',
    columns: 48,
    dots: 576,
    codePage: 'cp858',
  },
  'generic-58': {
    name: 'generic-58',
    label: 'ESC/POS 58 mm (32 columns, CP858)',
    columns: 32,
    dots: 384,
    codePage: 'cp858',
  },
} as const satisfies Record<string, PrinterProfile>;

export type ProfileName = keyof typeof PRINTER_PROFILES;
export const PROFILE_NAMES = Object.keys(PRINTER_PROFILES) as ProfileName[];

/** A profile with its code page changed (PC850 is selectable for printers that lack the others). */
export function withCodePage(profile: PrinterProfile, codePage: CodePage): PrinterProfile {
  return { ...profile, codePage };
}
