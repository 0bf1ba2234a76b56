/**
 * Raw HID input reports → what was read.
 *
 * HID POS barcode scanners (usage page 0x8C, HID Point of Sale Usage Tables,
 * "Scanned Data Report"): report ID, data length, the three-character AIM
 * symbology identifier (usages 0xFB–0xFD), the decoded data (0xFE) and a
 * "decode data continued" flag (0xFF) in the last byte; long codes span
 * several reports.
 *
 * Magnetic-stripe readers in vendor HID mode (the common MagTek layout):
 * three decode statuses, three track lengths, the card encode type, then
 * three 110-byte track buffers.
 *
 * Pure and total: a report of the wrong size or content is an error result.
 */

export type ReportDecoderKind = 'hid-pos-scanner' | 'msr';

export type DecodedReport =
  /** More reports are needed (a long barcode). */
  | { type: 'partial' }
  | { type: 'barcode'; aimId: string; data: string }
  | { type: 'tracks'; tracks: (string | null)[]; text: string }
  | { type: 'error'; error: string };

/** HID POS: [report id][length][AIM id ×3][data …][… flags]. */
const POS_HEADER = 5;

/** AIM symbology identifiers ("]E0" EAN-13…) in words staff understand. */
const AIM_SYMBOLOGIES: Record<string, string> = {
  ']E0': 'ean13/upc',
  ']E4': 'ean8',
  ']C0': 'code128',
  ']C1': 'gs1-128',
  ']A0': 'code39',
  ']Q1': 'qrcode',
  ']d1': 'datamatrix',
  ']L2': 'pdf417',
  ']I0': 'itf',
};

export function symbologyOf(aimId: string): string {
  return AIM_SYMBOLOGIES[aimId] ?? `aim ${aimId}`;
}

/** Assembles HID POS scanner reports into scans. */
export class HidPosScannerDecoder {
  private aimId = '';
  private data: number[] = [];

  decode(report: Uint8Array): DecodedReport {
    if (report.length < POS_HEADER + 1) {
      this.reset();
      return { type: 'error', error: `report of ${report.length} bytes is too short for HID POS` };
    }
    const length = report[1] as number;
    const room = report.length - POS_HEADER - 1;
    if (length > room) {
      this.reset();
      return { type: 'error', error: `report says ${length} data bytes, it has room for ${room}` };
    }
    if (this.data.length === 0) {
      this.aimId = String.fromCharCode(...report.subarray(2, 5)).replace(/\0/g, '');
    }
    this.data.push(...report.subarray(POS_HEADER, POS_HEADER + length));
    const continued = ((report.at(-1) ?? 0) & 0x01) === 1;
    if (continued && this.data.length < 8192) return { type: 'partial' };
    const result: DecodedReport = {
      type: 'barcode',
      aimId: this.aimId,
      data: new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(this.data)),
    };
    this.reset();
    return result;
  }

  private reset(): void {
    this.aimId = '';
    this.data = [];
  }
}

/** MagTek-style: [status ×3][length ×3][encode type][track 1 ×110][track 2 ×110][track 3 ×110]. */
const MSR_TRACK_BYTES = 110;
const MSR_HEADER = 7;
export const MSR_REPORT_BYTES = MSR_HEADER + 3 * MSR_TRACK_BYTES;

export function decodeMsrReport(report: Uint8Array): DecodedReport {
  if (report.length < MSR_REPORT_BYTES) {
    return {
      type: 'error',
      error: `report of ${report.length} bytes, a magnetic-stripe report has ${MSR_REPORT_BYTES}`,
    };
  }
  const tracks: (string | null)[] = [0, 1, 2].map((track) => {
    const status = report[track] as number;
    const length = Math.min(report[3 + track] as number, MSR_TRACK_BYTES);
    if (status !== 0 || length === 0) return null;
    const start = MSR_HEADER + track * MSR_TRACK_BYTES;
    return String.fromCharCode(...report.subarray(start, start + length));
  });
  if (tracks.every((track) => track === null)) {
    return { type: 'error', error: 'no track could be read: swipe the card again, steadily' };
  }
  return { type: 'tracks', tracks, text: tracks.filter((t) => t !== null).join('\n') };
}

export function decoderFor(kind: ReportDecoderKind): (report: Uint8Array) => DecodedReport {
  if (kind === 'msr') return decodeMsrReport;
  const scanner = new HidPosScannerDecoder();
  return (report) => scanner.decode(report);
}
