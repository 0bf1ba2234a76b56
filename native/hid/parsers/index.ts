/** The reader parsers by kind, as `borne decode <kind>` names them. */
import type { DecodeKind, DecodeResult } from './decode-result.js';
import { parseEm4100 } from './em4100.js';
import { parseLuhn } from './luhn.js';
import { parseTrack } from './magstripe-track.js';
import { parseMrz } from './mrz.js';
import { parseRetailBarcode } from './retail-barcode.js';

export const PARSERS: Record<DecodeKind, (input: string) => DecodeResult> = {
  mrz: parseMrz,
  track: parseTrack,
  barcode: parseRetailBarcode,
  luhn: parseLuhn,
  em4100: parseEm4100,
};

export const DECODE_KINDS = Object.keys(PARSERS) as DecodeKind[];
