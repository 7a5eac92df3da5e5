import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  PROJECTIONS,
  READ_MODEL_SCHEMA,
  createReadModelDataSource,
  migrateReadModels,
  rebuildProjections,
  type Projection,
  type RebuildResult,
} from '@casetrail/case-read-models';
import { LogVerifier, PostgresEventStore, type EventStore } from '@casetrail/event-store';
import { JsonLogger, createPostgresPool } from '@casetrail/platform';
import type { Pool } from 'pg';
import { openBenchDatabase, type BenchDatabase } from '../shared/bench-database';
import { machineInfo } from '../shared/machine-info';
import { GENERATOR_DEFAULTS, generateEvents } from './event-generator';
import { BATCHES_PER_TRANSACTION, LOAD_BATCH, loadEvents, type LoadResult } from './load-events';
import { printReport, writeReport, type Phase, type ProjectionRow, type RawReadRow, type RebuildReport } from './rebuild-report';
import { ServerCpu, machineBusySeconds, nodeCpuSeconds } from './rebuild-timing';
import { dropOnSigint, progress, readInteger } from '../shared/bench-cli';

const EVENTS = readInteger('BENCH_EVENTS', 1_000_000, 1);
const SEED = readInteger('BENCH_SEED', 20_261_122, 0);
const READ_PAGE = 5_000;
const TARGET_EVENTS_PER_SECOND = 20_000;
const POOL_SIZE = 10;
const PROGRESS_EVERY_MS = 10_000;
const VERIFIED_PREFIX = 50_000;
const RESULTS_FILE = resolve(process.cwd(), 'bench/rebuild/results.json');
const MARKDOWN_FILE = resolve(process.cwd(), 'bench/rebuild/results.md');

const logger = new JsonLogger('warn', 'bench-rebuild', (line) => process.stderr.write(line));

/**
 * `npm run bench:rebuild`: generates a seeded log of realistic events (BENCH_EVENTS, default one
 * million; BENCH_SEED), bulk-loads it into a fresh database, then measures in one run the raw read
 * of the whole log through the port (before and after) and the full rebuild of every read model.
 */
async function main(): Promise<void> {
  progress(`seed ${SEED}: generating and loading ${EVENTS.toLocaleString('en-US')} events`);
  const database = await openBenchDatabase('bench_rebuild', logger);
  dropOnSigint(database);
  const pool = createPostgresPool(database.url, { max: POOL_SIZE, applicationName: 'casetrail-bench-rebuild' });
  try {
    const store = await PostgresEventStore.create(pool);
    const load = await loadLog(pool);
    await verifyPrefix(store);
    await prepareReadModels(database.url);
    const cpu = await ServerCpu.locate(pool, database.name);

    const rawReads = [await rawRead(store, cpu, 1)];
    const { phase: rebuilt, result } = await rebuild(store, pool, cpu);
    const projections = await checkProjections(pool, result, load);
    rawReads.push(await rawRead(store, cpu, 2));
    cpu.stop();
    await store.close();

    const report = buildReport(load, await tableBytes(pool), rawReads, projections, rebuilt, result, database.server);
    printReport(report);
    await writeReport(report, RESULTS_FILE, MARKDOWN_FILE);
    progress(`results written to ${RESULTS_FILE}`);
  } finally {
    await pool.end();
    await database.dispose();
  }
}

async function loadLog(pool: Pool): Promise<LoadResult> {
  let lastLine = performance.now();
  const load = await loadEvents(pool, generateEvents({ seed: SEED, events: EVENTS }), (loaded) => {
    if (performance.now() - lastLine < PROGRESS_EVERY_MS) return;
    lastLine = performance.now();
    progress(`  loaded ${loaded.toLocaleString('en-US')} events`);
  });
  progress(`loaded ${load.events.toLocaleString('en-US')} events in ${load.seconds.toFixed(1)} s (${Math.round(load.events / load.seconds).toLocaleString('en-US')} events/s; setup, not measured)`);
  const vacuumStarted = performance.now();
  await pool.query('VACUUM (ANALYZE) event_store.events');
  await checkpoint(pool);
  progress(`VACUUM ANALYZE and CHECKPOINT in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  return load;
}

/**
 * The loaded rows are what the port would have appended: the store's own verifier accepts the
 * content digests and hash chains of the log's first events.
 */
async function verifyPrefix(store: EventStore): Promise<void> {
  const verifier = new LogVerifier();
  let after = 0n;
  for (let checked = 0; checked < Math.min(VERIFIED_PREFIX, EVENTS); ) {
    const page = await store.readAll({ after, maxCount: READ_PAGE });
    for (const event of page.events) verifier.check(event);
    checked += page.events.length;
    after = page.lastPosition;
    if (page.isEnd) break;
  }
  const result = verifier.finish();
  if (!result.ok) throw new Error(`The loaded log fails the store's integrity check: ${JSON.stringify(result.problem)}`);
  progress(`integrity check of the first ${result.eventsChecked.toLocaleString('en-US')} events (${result.streamsChecked.toLocaleString('en-US')} streams): ok`);
}

/** The read-model schema, through its TypeORM migrations, as the projector and the CLI create it. */
async function prepareReadModels(url: string): Promise<void> {
  const dataSource = createReadModelDataSource(url);
  await dataSource.initialize();
  try {
    await migrateReadModels(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The reference: the whole log through the port's readAll, in pages, from position zero. */
async function rawRead(store: EventStore, cpu: ServerCpu, run: number): Promise<RawReadRow> {
  progress(`raw read ${run}: readAll in pages of ${READ_PAGE.toLocaleString('en-US')}`);
  const phase = startPhase(cpu);
  let after = 0n;
  let events = 0;
  let pages = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: READ_PAGE });
    events += page.events.length;
    pages++;
    after = page.lastPosition;
    if (page.isEnd) break;
  }
  const measured = phase.end();
  if (events !== EVENTS) throw new Error(`The raw read returned ${events} events, not ${EVENTS}`);
  progress(`raw read ${run}: ${Math.round(events / measured.seconds).toLocaleString('en-US')} events/s`);
  return { run, events, pages, eventsPerSecond: events / measured.seconds, ...measured };
}

/** The measured step: every projection rebuilt in one pass over the log, as `npm run projections:rebuild` does. */
async function rebuild(store: EventStore, pool: Pool, cpu: ServerCpu): Promise<{ phase: Phase; result: RebuildResult }> {
  progress(`rebuild of ${PROJECTIONS.map((p) => p.name).join(', ')}: one read of the log`);
  const phase = startPhase(cpu);
  let lastLine = performance.now();
  const result = await rebuildProjections(store, pool, PROJECTIONS, {
    onProgress: (p) => {
      if (performance.now() - lastLine < PROGRESS_EVERY_MS && p.phase === 'reading') return;
      lastLine = performance.now();
      const seconds = (performance.now() - phase.startedAt) / 1000;
      progress(`  ${p.phase}: ${p.eventsRead.toLocaleString('en-US')} log events read, ${Math.round(p.eventsRead / seconds).toLocaleString('en-US')} events/s`);
    },
  });
  const measured = phase.end();
  if (result.eventsRead !== EVENTS) throw new Error(`The rebuild read ${result.eventsRead} events, not ${EVENTS}`);
  progress(`rebuild: ${measured.seconds.toFixed(1)} s, ${Math.round(EVENTS / measured.seconds).toLocaleString('en-US')} log events/s`);
  return { phase: measured, result };
}

/** Each projection took exactly its events, and its tables hold the rows the generated log implies. */
async function checkProjections(pool: Pool, result: RebuildResult, load: LoadResult): Promise<ProjectionRow[]> {
  const rows: ProjectionRow[] = [];
  for (const projection of PROJECTIONS) {
    const done = result.projections.find((p) => p.projection === projection.name);
    const expected = eventsFor(projection, load);
    if (done?.eventsApplied !== expected) throw new Error(`${projection.name} applied ${done?.eventsApplied} events, not ${expected}`);
    const counted = await countRows(pool, projection);
    checkRows(projection, counted, load);
    rows.push({ projection: projection.name, eventsSeen: expected, applySeconds: result.timings.apply[projection.name] ?? 0, rows: counted });
  }
  return rows;
}

/** Events of the streams the projection's filter selects. */
function eventsFor(projection: Projection, load: LoadResult): number {
  const prefixes = projection.filter?.streamPrefixes;
  return load.streamKinds.filter((k) => !prefixes || prefixes.includes(`${k.kind}-`)).reduce((sum, k) => sum + k.events, 0);
}

async function countRows(pool: Pool, projection: Projection): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of projection.tables) {
    const { rows: counted } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${READ_MODEL_SCHEMA}"."${table}"`);
    rows[table] = Number(counted[0].n);
  }
  return rows;
}

/** The rows every generated stream and event must have produced: the projections took them as real ones. */
function checkRows(projection: Projection, rows: Record<string, number>, load: LoadResult): void {
  const streams = (kind: string) => load.streamKinds.find((k) => k.kind === kind)?.streams ?? 0;
  const expected: Record<string, number> = {
    case_summary: streams('citizen-case'),
    sanction_register: load.eventTypes.SanctionImposed ?? 0,
    appeals_register: load.eventTypes.AppealLodged ?? 0,
    audit_trail: load.events,
    committee_minutes: streams('committee-item'),
  };
  const wrong = Object.entries(rows).filter(([table, count]) => table in expected && expected[table] !== count);
  if (wrong.length > 0) {
    throw new Error(`${projection.name} wrote ${wrong.map(([table, count]) => `${count} rows to ${table}, not ${expected[table]}`).join('; ')}`);
  }
}

interface RunningPhase {
  readonly startedAt: number;
  end(): Phase;
}

function startPhase(cpu: ServerCpu): RunningPhase {
  const startedAt = performance.now();
  const node = nodeCpuSeconds();
  const server = cpu.sample();
  const machine = machineBusySeconds();
  return {
    startedAt,
    end: () => {
      const serverNow = cpu.sample();
      const machineNow = machineBusySeconds();
      const nodeCpu = nodeCpuSeconds() - node;
      const serverCpu =
        server === null || serverNow === null
          ? null
          : {
              queries: serverNow.queries - server.queries,
              autovacuum: serverNow.autovacuum - server.autovacuum,
              background: serverNow.background - server.background,
              total: serverNow.total - server.total,
            };
      return {
        seconds: (performance.now() - startedAt) / 1000,
        nodeCpuSeconds: nodeCpu,
        serverCpuSeconds: serverCpu?.total ?? null,
        serverCpu,
        otherCpuSeconds: machine === null || machineNow === null || serverCpu === null ? null : Math.max(0, machineNow - machine - nodeCpu - serverCpu.total),
      };
    },
  };
}

function buildReport(
  load: LoadResult,
  bytes: number,
  rawReads: RawReadRow[],
  projections: ProjectionRow[],
  rebuilt: Phase,
  result: RebuildResult,
  server: RebuildReport['server'],
): RebuildReport {
  const rawEventsPerSecond = rawReads.reduce((sum, r) => sum + r.eventsPerSecond, 0) / rawReads.length;
  const eventsPerSecond = EVENTS / rebuilt.seconds;
  return {
    benchmark: 'rebuild',
    generatedAt: new Date().toISOString(),
    generator: {
      seed: SEED,
      events: EVENTS,
      activeStreams: GENERATOR_DEFAULTS.activeStreams,
      sittingContinues: GENERATOR_DEFAULTS.sittingContinues,
      streamKinds: load.streamKinds,
      eventTypes: load.eventTypes,
      averageRowJsonBytes: load.jsonBytes / load.events,
    },
    load: { seconds: load.seconds, eventsPerSecond: load.events / load.seconds, tableBytes: bytes, batch: LOAD_BATCH, batchesPerTransaction: BATCHES_PER_TRANSACTION },
    readPage: READ_PAGE,
    server,
    machine: machineInfo(),
    rawReads,
    rawEventsPerSecond,
    projections,
    rebuild: { ...rebuilt, logEvents: EVENTS, eventsPerSecond, toRaw: eventsPerSecond / rawEventsPerSecond },
    timings: result.timings,
    targetEventsPerSecond: TARGET_EVENTS_PER_SECOND,
  };
}

async function tableBytes(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ bytes: string }>(`SELECT pg_total_relation_size('event_store.events') AS bytes`);
  return Number(rows[0].bytes);
}

/** Flushes the load's dirty pages before measuring. Needs superuser or pg_checkpoint. */
async function checkpoint(pool: Pool): Promise<void> {
  try {
    await pool.query('CHECKPOINT');
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
