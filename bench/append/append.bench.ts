import { resolve } from 'node:path';
import { PostgresEventStore } from '@casetrail/event-store';
import { createPostgresPool, JsonLogger } from '@casetrail/platform';
import { progress } from '../shared/bench-cli';
import { openBenchDatabase, withClient } from '../shared/bench-database';
import { machineInfo } from '../shared/machine-info';
import { measureAlternately, type Contender, type Timing } from '../shared/measure';
import { printReport, writeReport, type AppendReport, type AppendRow } from './append-report';
import { CREATE_RAW_TABLE, emmettWriters, portWriters, rawWriters, type EmmettTally, type Workload } from './append-writers';
import { emmettVersion, openEmmettStore } from './emmett-store';
import { voteCast } from './vote-cast';

const WORKLOADS = listFromEnv<Workload>('BENCH_WORKLOADS', ['separate-streams', 'hot-stream']);
const WRITER_COUNTS = listFromEnv('BENCH_WRITERS', [1, 8, 32].map(String)).map(Number);
const WARMUP_SECONDS = 1;
const DEFAULT_SECONDS = 8;
const RESULTS_FILE = resolve(process.cwd(), 'bench/append/results.json');
const MARKDOWN_FILE = resolve(process.cwd(), 'bench/append/results.md');

const logger = new JsonLogger('warn', 'bench-append', (line) => process.stderr.write(line));

async function main(): Promise<void> {
  const timing: Timing = { warmupSeconds: WARMUP_SECONDS, measureSeconds: readSeconds(process.env.BENCH_SECONDS) };
  const interrupted = abortOnSigint();
  const database = await openBenchDatabase('bench_append', logger);
  try {
    await withClient(database.url, (client) => client.query(CREATE_RAW_TABLE));
    await createEmmettSchema(database.url);
    const rows: AppendRow[] = [];
    for (const workload of WORKLOADS) {
      for (const writers of WRITER_COUNTS) {
        rows.push(await measureRow(database.url, workload, writers, timing, interrupted));
      }
    }
    const report = buildReport(rows, timing, database.server);
    printReport(report);
    await writeReport(report, RESULTS_FILE, MARKDOWN_FILE);
    progress(`results written to ${RESULTS_FILE}`);
  } finally {
    await database.dispose();
  }
}

async function measureRow(url: string, workload: Workload, writers: number, timing: Timing, interrupted: AbortSignal): Promise<AppendRow> {
  progress(`${workload}, ${writers} writer(s): port, Emmett and raw INSERT, alternating`);
  const poolSize = writers + 2;
  const tally: EmmettTally = { appends: 0, conflicts: 0 };
  const port: Contender = async () => {
    const pool = createPostgresPool(url, { max: poolSize, applicationName: 'casetrail-bench-port' });
    const store = await PostgresEventStore.create(pool);
    return { writers: portWriters(store, workload, writers), release: () => store.close().then(() => pool.end()) };
  };
  const emmett: Contender = async () => {
    const { store, close } = await openEmmettStore(url, poolSize);
    return { writers: emmettWriters(store, workload, writers, tally), release: close };
  };
  const raw: Contender = async () => {
    const pool = createPostgresPool(url, { max: poolSize, applicationName: 'casetrail-bench-raw' });
    return { writers: rawWriters(pool, workload, writers), release: () => pool.end() };
  };
  await withClient(url, checkpoint);
  const [portResult, emmettResult, rawResult] = await measureAlternately([port, emmett, raw], timing, interrupted);
  if (interrupted.aborted) throw new Error('Interrupted');
  return {
    workload,
    writers,
    port: portResult,
    emmett: emmettResult,
    raw: rawResult,
    portToRaw: portResult.perSecond / rawResult.perSecond,
    emmettToRaw: emmettResult.perSecond / rawResult.perSecond,
    portToEmmett: portResult.perSecond / emmettResult.perSecond,
    emmettConflictsPerAppend: tally.appends === 0 ? 0 : tally.conflicts / tally.appends,
  };
}

/** Emmett creates its schema on a store's first use; here once, before anything is timed. */
async function createEmmettSchema(url: string): Promise<void> {
  const { close } = await openEmmettStore(url, 1);
  await close();
}

/**
 * Each row starts right after a checkpoint, so that no row alone pays for a checkpoint or for the
 * full-page images written after one. Needs superuser or pg_checkpoint.
 */
async function checkpoint(db: { query(text: string): Promise<unknown> }): Promise<void> {
  try {
    await db.query('CHECKPOINT');
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
  }
}

function buildReport(rows: AppendRow[], timing: Timing, server: AppendReport['server']): AppendReport {
  const sample = voteCast();
  return {
    benchmark: 'append',
    generatedAt: new Date().toISOString(),
    timing,
    emmettVersion: emmettVersion(),
    event: {
      type: sample.type,
      dataBytes: Buffer.byteLength(JSON.stringify(sample.data)),
      metadataBytes: Buffer.byteLength(JSON.stringify(sample.metadata)),
    },
    server,
    machine: machineInfo(),
    rows,
  };
}

function readSeconds(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`BENCH_SECONDS must be a positive number (got "${raw}")`);
  return seconds;
}

/** Ctrl-C ends the current measurement and skips the rest, so the database is still dropped. */
function abortOnSigint(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => {
    progress('interrupted: cleaning up');
    controller.abort();
  });
  return controller.signal;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/** A comma-separated subset from the environment (e.g. BENCH_WRITERS=8), for focused runs. */
function listFromEnv<T extends string>(name: string, all: readonly T[]): T[] {
  const raw = process.env[name]?.trim();
  if (!raw) return [...all];
  const chosen = raw.split(',').map((item) => item.trim()) as T[];
  const unknown = chosen.filter((item) => !all.includes(item));
  if (unknown.length > 0) throw new Error(`${name}: unknown ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  return chosen;
}
