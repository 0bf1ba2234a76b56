/**
 * Magnetic stripe tracks (ISO/IEC 7813) as readers output them:
 *   track 1  %B<PAN>^<NAME>^<YYMM><service code><discretionary>?
 *   track 2  ;<PAN>=<YYMM><service code><discretionary>?
 * one or both, on one line or several. The PAN is Luhn-checked, the expiry
 * month and the lengths verified. Member cards often carry only track 2.
 */
import { type DecodeResult, ResultBuilder } from './decode-result.js';
import { luhnValid } from './luhn.js';

const TRACK1 = /%B(\d{1,19})\^([^^]{2,26})\^(\d{4}|\^)(\d{3}|\^)?([^?]*)\?/;
const TRACK2 = /;(\d{1,19})=(\d{4}|=)(\d{3}|=)?([^?]*)\?/;

export function parseTrack(input: string): DecodeResult {
  const builder = new ResultBuilder('track');
  const text = String(input);
  const one = TRACK1.exec(text);
  const two = TRACK2.exec(text);
  if (!one && !two) {
    const hint = /[%;]/.test(text) ? ' (end sentinel "?" missing or a field too long?)' : '';
    return builder.error(`no ISO 7813 track 1 (%B…?) or track 2 (;…?)${hint}`).result();
  }
  const pan = one?.[1] ?? two?.[1] ?? '';
  builder.field('pan', pan, luhnValid(pan), 'the card number fails its Luhn check');
  if (one?.[2] !== undefined) builder.field('name', nameOf(one[2]));
  const expiry = [one?.[3], two?.[2]].find((value) => value && /^\d{4}$/.test(value));
  if (expiry) {
    const month = Number(expiry.slice(2));
    builder.field('expiry', expiry, month >= 1 && month <= 12, `${expiry} is not YYMM`);
  }
  const service = [one?.[4], two?.[3]].find((value) => value && /^\d{3}$/.test(value));
  if (service) builder.field('serviceCode', service);
  if (one && two && one[1] !== two[1]) {
    builder.error('track 1 and track 2 give different card numbers');
  }
  builder.field('tracks', [one ? '1' : '', two ? '2' : ''].filter(Boolean).join('+'));
  return builder.result();
}

/** "DUPONT/MARIE.MME" → "MARIE DUPONT" (surname/first names, title after a dot). */
function nameOf(raw: string): string {
  const [surname = '', rest = ''] = raw.split('/');
  const firstNames = rest.split('.')[0] ?? '';
  return [firstNames.trim(), surname.trim()].filter(Boolean).join(' ');
}
