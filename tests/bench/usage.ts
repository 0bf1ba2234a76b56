/**
 * The usage log. In the same run:
 * - ingest through the real writer (schema check, queue, batches of 1,000 in
 *   transactions, WAL, synchronous=NORMAL): events per second, median of 3 runs;
 * - the same events inserted one per transaction (autocommit), for the ratio;
 * - 25 months of a busy kiosk (10 million events by default, visits of
 *   every kind, every day): the file's size per million events, the time to
 *   count the days, and the daily-aggregate query the statistics screen and
 *   the exports run over the 25 months (by day, suppression included).
 * Usage: npm run bench -- usage [events]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, addMonths } from '../../main/members/membership-period.js';
import { buildExport } from '../../main/usage/usage-export.js';
import type { UsageRecord } from '../../main/usage/usage-event.js';
import { UsageStore } from '../../main/usage/usage-store.js';
import { UsageWriter } from '../../main/usage/usage-writer.js';
import { visitRecords } from '../support/usage-visits.js';
import { percentile, round } from './stats.js';

const HISTORY_EVENTS = Number(process.argv[2] ?? 10_000_000);
const INGEST_EVENTS = 1_000_000;
const AUTOCOMMIT_EVENTS = 50_000;
const TODAY = '2026-12-02';

const PROCEDURES = [
  {
    id: 'france-travail-actualisation',
    steps: ['identifiant', 'mot-de-passe', 'questions', 'travail', 'recapitulatif', 'confirmation'],
  },
  {
    id: 'caf-declaration-trimestrielle',
    steps: ['connexion', 'ressources', 'salaires', 'autres', 'valider'],
  },
  { id: 'ameli-attestation-droits', steps: ['connexion', 'menu', 'attestation', 'telecharger'] },
  {
    id: 'creer-adresse-email',
    steps: ['choisir', 'nom', 'adresse', 'mot-de-passe', 'verifier', 'fini'],
  },
  {
    id: 'impots-declaration-revenus',
    steps: ['numero-fiscal', 'mot-de-passe', 'revenus', 'charges', 'signer'],
  },
] as const;
const LANGUAGES = ['fr', 'fr', 'fr', 'ar', 'en', 'uk', 'fa', 'es', 'pt', 'ro'] as const;

/** One visit of a busy day, varied by its number. */
function visit(day: string, n: number): UsageRecord[] {
  const procedure = PROCEDURES[n % PROCEDURES.length] as (typeof PROCEDURES)[number];
  return visitRecords({
    day,
    hour: 9 + (n % 9),
    language: LANGUAGES[n % LANGUAGES.length],
    procedure: { ...procedure, reached: 1 + ((n * 7) % procedure.steps.length) },
    ...(n % 4 === 0 ? { help: n % 8 === 0 ? ('answered' as const) : ('cancelled' as const) } : {}),
    aids: n % 3 === 0 ? ['keyboard', 'read-aloud'] : n % 3 === 1 ? ['glossary'] : [],
    end: n % 5 === 0 ? 'idle' : 'visitor',
  });
}

const dir = mkdtempSync(join(tmpdir(), 'borne-bench-usage-'));
try {
  // Events made beforehand: the clock measures the writer, not the generator.
  const ingest: UsageRecord[] = [];
  for (let n = 0; ingest.length < INGEST_EVENTS; n += 1) ingest.push(...visit(TODAY, n));
  ingest.length = INGEST_EVENTS;

  // Three runs on fresh files, the median kept: one run is at the mercy of the machine.
  const rates: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const folder = join(dir, `ingest-${run}`);
    mkdirSync(folder);
    const writer = new UsageWriter({
      open: () => new UsageStore(join(folder, 'usage.sqlite')),
      strict: true,
      today: () => TODAY,
    });
    const ingestStart = performance.now();
    for (const record of ingest) writer.record(record);
    writer.flush();
    const ingestSec = (performance.now() - ingestStart) / 1000;
    if (writer.store().eventCount() !== INGEST_EVENTS) throw new Error('events went missing');
    writer.close();
    rates.push(Math.round(INGEST_EVENTS / ingestSec));
    console.log(`writer: ${INGEST_EVENTS} events in ${round(ingestSec, 2)} s = ${rates.at(-1)}/s`);
  }
  const insertPerSec = percentile(rates, 50);

  mkdirSync(join(dir, 'autocommit'));
  const single = new UsageStore(join(dir, 'autocommit', 'usage.sqlite'));
  const autoStart = performance.now();
  for (const record of ingest.slice(0, AUTOCOMMIT_EVENTS)) single.insert([record]);
  const autocommitPerSec = Math.round(AUTOCOMMIT_EVENTS / ((performance.now() - autoStart) / 1000));
  single.close();
  console.log(
    `one event per transaction: ${autocommitPerSec}/s; batched writer ${round(insertPerSec / autocommitPerSec, 1)}× faster`,
  );

  // 25 months of a busy kiosk.
  mkdirSync(join(dir, 'history'));
  const file = join(dir, 'history', 'usage.sqlite');
  const history = new UsageStore(file);
  const first = addMonths(TODAY, -25);
  let days = 0;
  for (let day = first; day <= TODAY; day = addDays(day, 1)) days += 1;
  const perDay = Math.ceil(HISTORY_EVENTS / days);
  const loadStart = performance.now();
  let written = 0;
  let n = 0;
  for (let day = first; day <= TODAY && written < HISTORY_EVENTS; day = addDays(day, 1)) {
    const batch: UsageRecord[] = [];
    while (batch.length < perDay) batch.push(...visit(day, n++));
    batch.length = Math.min(perDay, HISTORY_EVENTS - written);
    history.insert(batch, TODAY);
    written += batch.length;
  }
  console.log(
    `history: ${written} events over ${days} days (${perDay}/day) loaded in ${round((performance.now() - loadStart) / 1000, 1)} s`,
  );
  const countStart = performance.now();
  const counted = history.aggregatePending(TODAY);
  const countSec = (performance.now() - countStart) / 1000;
  console.log(
    `daily counting: ${counted.length} days in ${round(countSec, 1)} s (${round((countSec * 1000) / counted.length, 1)} ms a day, done once per day)`,
  );
  history.checkpoint();
  const mbPerMillion = round(statSync(file).size / 1e6 / (written / 1e6), 1);
  console.log(
    `file: ${round(statSync(file).size / 1e6)} MB = ${mbPerMillion} MB per million events`,
  );

  // The daily-aggregate query over the 25 months, as an export runs it (suppression included).
  const samples: number[] = [];
  let cells = 0;
  for (let run = 0; run < 7; run += 1) {
    const start = performance.now();
    const stats = buildExport('bench', { from: first, to: TODAY, by: 'day' }, (from, to, bin) =>
      history.periodCells(from, to, bin),
    );
    samples.push(performance.now() - start);
    cells = stats.cells.length;
  }
  const aggregateMs = round(percentile(samples, 50), 1);
  console.log(`25-month daily-aggregate query: ${cells} cells, median ${aggregateMs} ms of 7 runs`);
  history.close();

  console.log(
    JSON.stringify({
      bench: 'usage',
      insertPerSec,
      autocommitPerSec,
      aggregateMs,
      mbPerMillion,
      events: written,
      countDayMs: round((countSec * 1000) / counted.length, 1),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
