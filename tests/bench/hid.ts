/**
 * Reader speed and the wedge decoder's judgement:
 * - a HID report decoded into an event: HID POS scan → product event, and a
 *   magnetic-stripe report → pseudonymised member-card event (HMAC included);
 * - an MRZ parsed (TD1, TD3 and the French ID card in turn);
 * - false positives: French sentences (tests/bench/fixtures) typed on the
 *   kiosk's AZERTY keyboard at human timings (log-normal intervals, with
 *   key-rollover bursts), at least 10,000 keystrokes, Enter after each line;
 * - missed scans: 1,000 codes (EAN-13, MRZ lines, member numbers) sent by a
 *   QWERTY reader at scanner speed with jitter (2–25 ms a key).
 * Seeded: the same figures every run on the same code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../main/app/paths.js';
import { decodeMsrReport, HidPosScannerDecoder } from '../../native/hid/hid-reports.js';
import { HidRecording } from '../../native/hid/hid-recording.js';
import { gs1CheckDigit } from '../../native/hid/parsers/retail-barcode.js';
import { parseMrz } from '../../native/hid/parsers/mrz.js';
import { readerEvent } from '../../native/hid/reader-events.js';
import {
  DEFAULT_WEDGE_OPTIONS,
  keysFor,
  type ReaderLayout,
  WedgeDecoder,
  type WedgeKey,
} from '../../renderer/kit/wedge-decoder.js';
import { FR_ID, TD1, TD3 } from '../support/mrz-specimens.js';
import { round } from './stats.js';

const root = projectRoot();
const RUNS = 20_000;

/** mulberry32: a small seeded generator, so runs compare. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(2026);

function microsecondsEach(run: () => unknown): number {
  for (let i = 0; i < 500; i += 1) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i += 1) run();
  return Number(process.hrtime.bigint() - started) / 1000 / RUNS;
}

const fixture = (name: string) =>
  HidRecording.parse(
    JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'hid', name), 'utf8')),
  );
const firstReport = (name: string) => {
  const event = fixture(name).events.find((e) => 'report' in e);
  return Buffer.from(event && 'report' in event ? event.report : '', 'hex');
};
const secret = Buffer.alloc(32, 7);
const scanReport = firstReport('hid-pos-ean13.json');
const msrReport = firstReport('msr-member-card.json');
const scanner = new HidPosScannerDecoder();

const scanDecodeUs = microsecondsEach(() => {
  const decoded = scanner.decode(scanReport);
  if (decoded.type === 'barcode')
    readerEvent('product', { type: 'barcode', text: decoded.data }, secret);
});
const reportDecodeUs = microsecondsEach(() => {
  const decoded = decodeMsrReport(msrReport);
  if (decoded.type === 'tracks')
    readerEvent('member-card', { type: 'tracks', text: decoded.text }, secret);
});
const mrzs = [TD1, TD3, FR_ID];
let next = 0;
const mrzParseUs = microsecondsEach(() => parseMrz(mrzs[next++ % mrzs.length] as string));
console.log(
  `report → event: HID POS scan ${round(scanDecodeUs, 2)} µs, magnetic stripe + HMAC ${round(reportDecodeUs, 2)} µs; MRZ parse ${round(mrzParseUs, 2)} µs`,
);

/** Feeds keys with their times; returns the scans seen. */
function decode(keys: WedgeKey[], layout: ReaderLayout): string[] {
  const decoder = new WedgeDecoder({ ...DEFAULT_WEDGE_OPTIONS, layout });
  const scans: string[] = [];
  for (const key of keys) {
    for (const out of decoder.key(key)) if (out.type === 'scan') scans.push(out.text);
  }
  return scans;
}

// People: the kiosk keyboard is AZERTY; what it cannot type (AltGr signs) is a key the decoder passes on.
function typedKey(char: string): Pick<WedgeKey, 'code' | 'shift'> {
  try {
    return keysFor(char, 'azerty')[0] as Pick<WedgeKey, 'code' | 'shift'>;
  } catch {
    return { code: 'AltRight', shift: false };
  }
}
function humanInterval(): number {
  // Key rollover: now and then two keys land almost together.
  if (rand() < 0.08) return 15 + rand() * 30;
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.max(35, 170 * Math.exp(0.45 * normal));
}
const lines = readFileSync(join(root, 'tests', 'bench', 'fixtures', 'french-typing.txt'), 'utf8')
  .split('\n')
  .filter(Boolean);
const humanKeys: WedgeKey[] = [];
let time = 0;
while (humanKeys.length < 10_000) {
  const line = lines[Math.floor(rand() * lines.length)] as string;
  for (const char of line) {
    time += humanInterval();
    humanKeys.push({ ...typedKey(char), time });
  }
  time += 300 + rand() * 600;
  humanKeys.push({ code: 'Enter', shift: false, time });
}
const wedgeFalsePositives = decode(humanKeys, 'qwerty').length;
console.log(
  `human typing: ${humanKeys.length} keystrokes of French, ${wedgeFalsePositives} taken for a scan`,
);

// Readers: codes a welcome point sees, sent at scanner speed with jitter.
const codes: string[] = [];
for (let i = 0; i < 1000; i += 1) {
  const kind = i % 3;
  if (kind === 0) {
    const payload = String(Math.floor(rand() * 1e12)).padStart(12, '0');
    codes.push(`${payload}${gs1CheckDigit(payload)}`);
  } else if (kind === 1) codes.push((mrzs[i % mrzs.length] as string).split('\n')[0] as string);
  else codes.push(`ADH${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`);
}
let missed = 0;
time = 0;
for (const code of codes) {
  const keys: WedgeKey[] = [];
  time += 2000;
  for (const key of [...keysFor(code, 'qwerty'), { code: 'Enter', shift: false }]) {
    time += 2 + rand() * 23;
    keys.push({ ...key, time });
  }
  const scans = decode(keys, 'qwerty');
  if (scans.length !== 1 || scans[0] !== code) missed += 1;
}
console.log(`scans: ${codes.length} codes at 2–25 ms a key, ${missed} missed`);

console.log(
  JSON.stringify({
    bench: 'hid',
    reportDecodeUs: round(reportDecodeUs, 2),
    scanReportDecodeUs: round(scanDecodeUs, 2),
    mrzParseUs: round(mrzParseUs, 2),
    wedgeKeystrokes: humanKeys.length,
    wedgeFalsePositives,
    wedgeMissed: missed,
  }),
);
