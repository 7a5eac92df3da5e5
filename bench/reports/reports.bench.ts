import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { documentDigest, extractIdOf, extractStream, type ExtractCitizen, type ExtractImported } from '@casetrail/case-management';
import {
  EXTRACT_STRICTER_TYPE,
  GetComplaintStatisticsHandler,
  GetComplaintStatisticsQuery,
  GetExtractReconciliationHandler,
  GetExtractReconciliationQuery,
  GetSanctionReviewHandler,
  GetSanctionReviewQuery,
  PROJECTIONS,
  ProjectionRunner,
  READ_MODEL_SCHEMA,
  ResidentCaseFigures,
  SANCTION_REVIEW_CASES,
  SANCTION_REVIEW_SUMMARIES,
  SANCTION_REVIEW_VERSIONS,
  computeSanctionReviewFromLog,
  createReadModelDataSource,
  migrateReadModels,
  reportJson,
  type SanctionReviewRequest,
} from '@casetrail/case-read-models';
import { PostgresEventStore, type EventStore } from '@casetrail/event-store';
import { JsonLogger, createPostgresPool, uuidv7 } from '@casetrail/platform';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { generateEvents, type GeneratedEvent } from '../rebuild/event-generator';
import { loadEvents, type LoadResult } from '../rebuild/load-events';
import { openBenchDatabase, type BenchDatabase } from '../shared/bench-database';
import { machineInfo } from '../shared/machine-info';
import { printReport, writeReport, type DataSet, type ReportRow, type ReportsReport, type Timing } from './reports-report';
import { dropOnSigint, progress, readInteger } from '../shared/bench-cli';

const EVENTS = readInteger('BENCH_EVENTS', 1_000_000, 1);
const SEED = readInteger('BENCH_SEED', 20_261_122, 0);
const RUNS = readInteger('BENCH_RUNS', 20, 1);
const WARMUP = 3;
/** Folding the whole log is the slow path the versions replace: timed a few times only. */
const LOG_RUNS = readInteger('BENCH_LOG_RUNS', 2, 0);
/** A new process reads every case row into memory on its first report: timed a few times. */
const COLD_RUNS = readInteger('BENCH_COLD_RUNS', 5, 0);
/** Generated events appended and projected before each run of the report as the log moves on. */
const MOVE_EVENTS = readInteger('BENCH_MOVE_EVENTS', 1_000, 0);
const TARGET_MS = 1_000;
const EXTRACT_PERIOD = { from: '2020-01-01', to: '2022-12-31' } as const;
const STRICTER_40A = 'AKTL_40A_STRICTER_AVAILABILITY';
const RESULTS_FILE = resolve(process.cwd(), 'bench/reports/results.json');
const MARKDOWN_FILE = resolve(process.cwd(), 'bench/reports/results.md');

const logger = new JsonLogger('warn', 'bench-reports', (line) => process.stderr.write(line));

/** What the generated log says of each citizen case, for a synthetic national extract. */
interface GeneratedCase {
  citizenRef: string;
  readonly sanctions: { readonly type: string; readonly breachDate: string; readonly amountOre: number }[];
}

/**
 * `npm run bench:reports`: the rebuild benchmark's seeded log (BENCH_EVENTS, default one million;
 * BENCH_SEED), bulk-loaded, a synthetic STAR extract of some of its citizens imported, the
 * citizen-cases read models brought up to date by the projector, then each report timed RUNS times
 * (BENCH_RUNS, default 20) after warm-up, beside a plain read of the table it reads.
 */
async function main(): Promise<void> {
  progress(`seed ${SEED}: generating and loading ${EVENTS.toLocaleString('en-US')} events`);
  const database = await openBenchDatabase('bench_reports', logger);
  dropOnSigint(database);
  const pool = createPostgresPool(database.url, { max: 6, applicationName: 'casetrail-bench-reports' });
  let dataSource: DataSource | undefined;
  try {
    const store = await PostgresEventStore.create(pool);
    const cases = new Map<string, GeneratedCase>();
    const recorded = { first: '', last: '' };
    // The log's next events, appended while the report runs as the log moves on.
    const generated = generateEvents({ seed: SEED, events: EVENTS + (WARMUP + RUNS) * MOVE_EVENTS });
    const load = await loadEvents(pool, observed(first(generated, EVENTS), cases, recorded), () => undefined);
    const later = [...generated];
    progress(`loaded in ${load.seconds.toFixed(1)} s (setup, not measured)`);
    await pool.query('VACUUM (ANALYZE) event_store.events');
    dataSource = createReadModelDataSource(database.url, { poolSize: 4 });
    await dataSource.initialize();
    await migrateReadModels(dataSource);
    const extract = await importExtract(store, cases, recorded.last);
    // The generated cases were needed for the extract only: the reports are timed without them in memory.
    cases.clear();
    const projection = await catchUp(store, pool);
    await pool.query(`VACUUM (ANALYZE) ${[SANCTION_REVIEW_VERSIONS, SANCTION_REVIEW_SUMMARIES, SANCTION_REVIEW_CASES, 'sanction_register', 'appeals_register'].map((t) => `"${READ_MODEL_SCHEMA}"."${t}"`).join(', ')}`);

    const middle = middleDate(recorded.first, recorded.last);
    progress(`heap in use before timing: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
    const dataSet = await describeDataSet(pool, load, extract.citizens, recorded, middle, projection.seconds);
    const rows = await timeReports(store, pool, dataSource, extract.extractId, middle, later);
    progress(`heap in use after timing, the case rows held: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
    const report: ReportsReport = {
      benchmark: 'reports',
      generatedAt: new Date().toISOString(),
      seed: SEED,
      runs: RUNS,
      warmup: WARMUP,
      targetMs: TARGET_MS,
      dataSet,
      server: database.server,
      machine: machineInfo(),
      rows,
    };
    printReport(report);
    await writeReport(report, RESULTS_FILE, MARKDOWN_FILE);
    progress(`results written to ${RESULTS_FILE}`);
    await store.close();
  } finally {
    await dataSource?.destroy();
    await pool.end();
    await database.dispose();
  }
}

/** The first `count` of the events, leaving the rest to be taken from the same iterator. */
function* first<T>(events: Iterator<T>, count: number): Generator<T> {
  for (let i = 0; i < count; i++) {
    const next = events.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Passes the events on, noting each citizen case's reference and sanctions and the recorded times. */
function* observed(events: Iterable<GeneratedEvent>, cases: Map<string, GeneratedCase>, recorded: { first: string; last: string }): Generator<GeneratedEvent> {
  for (const event of events) {
    if (recorded.first === '') recorded.first = event.metadata.recordedAt;
    recorded.last = event.metadata.recordedAt;
    if (event.type === 'CaseOpened') cases.set(event.streamName, { citizenRef: (event.data as { citizenRef: string }).citizenRef, sanctions: [] });
    if (event.type === 'SanctionImposed') {
      const data = event.data as { sanctionType: string; breachDate: string; amountDeductedOre: number };
      cases.get(event.streamName)?.sanctions.push({ type: data.sanctionType, breachDate: data.breachDate, amountOre: data.amountDeductedOre });
    }
    yield event;
  }
}

/**
 * A STAR-like extract for the period, as the import route stores it once CPR numbers are matched:
 * every third generated citizen with a stricter sanction in the period, by citizen reference (one in
 * ten of them with a sanction fewer or one more than casetrail has), and one in twenty-five
 * citizens unknown to casetrail, by lookup hash.
 */
async function importExtract(store: EventStore, cases: Map<string, GeneratedCase>, receivedAt: string): Promise<{ extractId: string; citizens: number }> {
  const citizens: ExtractCitizen[] = [];
  let n = 0;
  for (const generated of cases.values()) {
    const stricter = generated.sanctions.filter((s) => s.type === STRICTER_40A && s.breachDate >= EXTRACT_PERIOD.from && s.breachDate <= EXTRACT_PERIOD.to);
    if (stricter.length === 0 || n++ % 3 !== 0) continue;
    const sanctions = stricter.map((s) => ({ type: EXTRACT_STRICTER_TYPE, date: s.breachDate, amountOre: s.amountOre }));
    if (n % 10 === 1) sanctions.push({ type: EXTRACT_STRICTER_TYPE, date: EXTRACT_PERIOD.to, amountOre: 250_000 });
    if (n % 10 === 4 && sanctions.length > 1) sanctions.pop();
    citizens.push({ citizenRef: generated.citizenRef, lookupHash: null, sanctions });
    if (n % 25 === 0) {
      const lookupHash = createHash('sha256').update(`unknown-${n}`).digest('hex');
      citizens.push({ citizenRef: null, lookupHash, sanctions: [{ type: EXTRACT_STRICTER_TYPE, date: EXTRACT_PERIOD.from, amountOre: null }] });
    }
  }
  const receivedOn = receivedAt.slice(0, 10);
  const digest = documentDigest(JSON.stringify({ source: 'STAR/Jobindsats (synthetic)', period: EXTRACT_PERIOD, receivedOn, citizens }));
  const extractId = extractIdOf(digest);
  const event: ExtractImported = {
    type: 'ExtractImported',
    data: { extractId, source: 'STAR/Jobindsats (synthetic)', period: EXTRACT_PERIOD, receivedOn, digest: { algorithm: 'SHA-256', value: digest }, citizens },
  };
  await store.appendToStream(extractStream(extractId), [
    { id: uuidv7(), type: event.type, data: event.data, metadata: { correlationId: uuidv7(), causationId: null, actor: 'system:bench', recordedAt: receivedAt, effectiveAt: receivedAt, schemaVersion: 1 } },
  ]);
  progress(`imported a synthetic extract of ${citizens.length.toLocaleString('en-US')} citizens`);
  return { extractId, citizens: citizens.length };
}

/** The citizen-cases projection (the reports read only its tables), caught up as the projector does it. */
async function catchUp(store: EventStore, pool: Pool, quiet = false): Promise<{ seconds: number }> {
  const projection = PROJECTIONS.find((p) => p.name === 'citizen-cases');
  if (!projection) throw new Error('No citizen-cases projection');
  if (!quiet) progress('projecting the citizen cases (setup, not measured)');
  const started = performance.now();
  const outcome = await new ProjectionRunner(store, pool, projection, { batchSize: 5_000 }).catchUp();
  if (outcome.parked) throw new Error('The citizen-cases projection parked an event');
  const seconds = (performance.now() - started) / 1000;
  if (!quiet) progress(`projected in ${seconds.toFixed(1)} s`);
  return { seconds };
}

async function timeReports(store: EventStore, pool: Pool, dataSource: DataSource, extractId: string, middle: string, later: readonly GeneratedEvent[]): Promise<ReportRow[]> {
  const sanctionReview = new GetSanctionReviewHandler(store, dataSource, new ResidentCaseFigures());
  const statistics = new GetComplaintStatisticsHandler(dataSource, store);
  const reconciliation = new GetExtractReconciliationHandler(dataSource, store);
  const review = (request: SanctionReviewRequest) => async () => reportJson(await sanctionReview.execute(new GetSanctionReviewQuery(request, new Date())));
  const count = (table: string) => async () => pool.query(`SELECT count(*) FROM "${READ_MODEL_SCHEMA}"."${table}"`);
  // The sanction review's reference: every case's latest figures read as they are stored.
  const caseFigures = async () => pool.query(`SELECT latest_figures, latest_ids FROM "${READ_MODEL_SCHEMA}"."${SANCTION_REVIEW_CASES}"`);

  const rows: ReportRow[] = [];
  const add = async (report: string, work: () => Promise<unknown>, reference: string, referenceWork: () => Promise<unknown>, runs = RUNS, warmup = WARMUP, before?: () => Promise<void>) => {
    progress(`timing: ${report}`);
    const timing = await time(work, runs, warmup, before);
    const referenceTiming = await time(referenceWork, RUNS, WARMUP);
    rows.push({ report, timing, reference, referenceTiming });
  };
  const plainRead = `SELECT latest_figures, latest_ids over ${SANCTION_REVIEW_CASES}`;
  await add('sanction review, current', review({}), plainRead, caseFigures);
  await add('sanction review, current, with citizens', review({ includeCitizens: true }), plainRead, caseFigures);
  await add(`sanction review, known on ${middle}`, review({ knownOn: middle }), plainRead, caseFigures);
  await add(`sanction review, known on ${middle}, with citizens`, review({ knownOn: middle, includeCitizens: true }), plainRead, caseFigures);
  await add('complaint statistics, per year', async () => JSON.stringify(await statistics.execute(new GetComplaintStatisticsQuery({ period: 'year' }))), 'SELECT count(*) over appeals_register', count('appeals_register'));
  await add('extract reconciliation', async () => JSON.stringify(await reconciliation.execute(new GetExtractReconciliationQuery(extractId))), 'SELECT count(*) over sanction_register', count('sanction_register'));
  if (LOG_RUNS > 0) {
    const parameters = { sanctionTypes: [STRICTER_40A, 'STRICTER_AVAILABILITY_2025'], breachFrom: null, breachTo: null, knownOn: middle, includeCitizens: false };
    const cutoff = new Date().toISOString();
    await add('sanction review, current, folding the whole log (before the versions)', async () => reportJson(await computeSanctionReviewFromLog(store, parameters, cutoff)), plainRead, caseFigures, LOG_RUNS, 0);
  }
  if (COLD_RUNS > 0) {
    // A handler with nothing held yet, as after a start or a rebuild: every case row is read and parsed first.
    const cold = async () => reportJson(await new GetSanctionReviewHandler(store, dataSource, new ResidentCaseFigures()).execute(new GetSanctionReviewQuery({ includeCitizens: true }, new Date())));
    await add('sanction review, current, with citizens, the first in a process (every case row read into memory)', cold, plainRead, caseFigures, COLD_RUNS, 1);
  }
  if (MOVE_EVENTS > 0) {
    // Last, as it adds to the log: before each run (not timed) the log's next events are appended and projected.
    let next = 0;
    const moveOn = async () => {
      const events = later.slice(next, next + MOVE_EVENTS);
      next += events.length;
      await appendInOrder(store, events);
      await catchUp(store, pool, true);
    };
    await add(`sanction review, current, with citizens, ${MOVE_EVENTS.toLocaleString('en-US')} new events projected before each run`, review({ includeCitizens: true }), plainRead, caseFigures, RUNS, WARMUP, moveOn);
  }
  return rows;
}

async function time(work: () => Promise<unknown>, runs: number, warmup: number, before?: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await work();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
  return { runs, medianMs: at(0.5), p99Ms: at(0.99), maxMs: sorted[sorted.length - 1] };
}

/** The generated events through the port, each stream's consecutive events in one append. */
async function appendInOrder(store: EventStore, events: readonly GeneratedEvent[]): Promise<void> {
  for (let i = 0; i < events.length; ) {
    let end = i + 1;
    while (end < events.length && events[end].streamName === events[i].streamName) end++;
    const run = events.slice(i, end).map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata }));
    await store.appendToStream(events[i].streamName, run);
    i = end;
  }
}

async function describeDataSet(pool: Pool, load: LoadResult, extractCitizens: number, recorded: { first: string; last: string }, middle: string, projectionSeconds: number): Promise<DataSet> {
  const table = (name: string) => `"${READ_MODEL_SCHEMA}"."${name}"`;
  const { rows } = await pool.query<{ versions: string; with_summary: string; appeals: string; sanctions: string; bytes: string }>(
    `SELECT (SELECT count(*) FROM ${table(SANCTION_REVIEW_VERSIONS)}) AS versions,
            (SELECT count(*) FROM ${table(SANCTION_REVIEW_SUMMARIES)}) AS with_summary,
            (SELECT count(*) FROM ${table('appeals_register')}) AS appeals,
            (SELECT count(*) FROM ${table('sanction_register')}) AS sanctions,
            pg_total_relation_size('${table(SANCTION_REVIEW_VERSIONS)}') + pg_total_relation_size('${table(SANCTION_REVIEW_SUMMARIES)}')
              + pg_total_relation_size('${table(SANCTION_REVIEW_CASES)}') AS bytes`,
  );
  const citizenCases = load.streamKinds.find((k) => k.kind === 'citizen-case');
  return {
    events: load.events,
    citizenCaseStreams: citizenCases?.streams ?? 0,
    citizenCaseEvents: citizenCases?.events ?? 0,
    recordedFrom: recorded.first,
    recordedTo: recorded.last,
    knownOnMiddle: middle,
    versionRows: Number(rows[0].versions),
    versionRowsWithSummary: Number(rows[0].with_summary),
    versionTableBytes: Number(rows[0].bytes),
    sanctionRegisterRows: Number(rows[0].sanctions),
    appealsRegisterRows: Number(rows[0].appeals),
    extractCitizens,
    projectionSeconds,
  };
}

/** The calendar date halfway between two recorded times. */
function middleDate(first: string, last: string): string {
  return new Date((Date.parse(first) + Date.parse(last)) / 2).toISOString().slice(0, 10);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
