import { performance } from 'node:perf_hooks';
import { matchesLogFilter, type EventStore, type ReadAllResult, type RecordedEvent } from '@casetrail/event-store';
import type { Pool } from 'pg';
import { lockCheckpoint } from '../projection/checkpoints';
import { ProjectionRunner } from '../projection/projection-runner';
import { READ_MODEL_SCHEMA, qualified, type Projection } from '../projection/projection';
import { CopyWriter, tableColumns, type TableColumns } from './copy-rows';
import { MemoryContext } from './memory-context';
import { prepareShadowTables, shadowSchema } from './shadow-tables';

export { REBUILD_SCHEMA } from './shadow-tables';

export interface RebuildProgress {
  /** Log events read so far (all of them, whichever projections take them). */
  readonly eventsRead: number;
  readonly position: bigint;
  readonly phase: 'reading' | 'writing' | 'indexing' | 'catching-up' | 'done';
}

export interface RebuiltProjection {
  readonly projection: string;
  readonly eventsApplied: number;
  /** Where it was swapped in. */
  readonly position: bigint;
}

/** Where a rebuild's wall time went, in seconds. */
export interface RebuildTimings {
  /** Waiting for the next page of the log (the page after it is always being read meanwhile). */
  readonly read: number;
  /** Projections folding events and making rows, by projection. */
  readonly apply: Readonly<Record<string, number>>;
  /** Waiting for the server to take rows sent with COPY while reading. */
  readonly copyWait: number;
  /** Writing the rows held in memory, after the last page. */
  readonly write: number;
  /** Rows held in memory and the seconds their COPY took, by table. */
  readonly held: Readonly<Record<string, { readonly rows: number; readonly seconds: number }>>;
  /** Building indexes and key constraints, and ANALYZE. */
  readonly index: number;
  /** The events written meanwhile, through the live runner on the shadow tables, and the swap. */
  readonly catchUp: number;
}

export interface RebuildResult {
  readonly eventsRead: number;
  readonly projections: readonly RebuiltProjection[];
  readonly timings: RebuildTimings;
}

export interface RebuildOptions {
  /** Log events per page read. */
  readonly pageSize?: number;
  /** Log events given to the projections at once (whole pages). */
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

const PAGE_SIZE = 10_000;
const BATCH_SIZE = 10_000;
const PARALLEL_WRITES = 2;
const PARALLEL_INDEX_BUILDS = 2;

/**
 * Rebuilds projections from position zero into fresh tables beside the live ones and swaps each in
 * once caught up; queries read the old tables until then. The log is read once for all of them,
 * a page ahead of the projections. While reading, each projection applies its batches to a
 * memory context: rows that are only ever added stream to their table with COPY, rows that later
 * batches replace stay in memory and are written once at the end. Then the indexes are built, the
 * shadow checkpoints set to the end of that read, and each projection catches up on what was
 * written meanwhile through the ordinary runner before it is swapped in, within one short
 * transaction that holds the projection's lock (so a live runner pauses for it).
 *
 * A rebuild that fails or is killed leaves the live tables as they were; the next one starts over.
 */
export async function rebuildProjections(
  store: EventStore,
  pool: Pool,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const indexes = new Map<Projection, string[]>();
  for (const projection of projections) indexes.set(projection, await prepareShadowTables(pool, projection));

  const builds = projections.map((projection) => new MemoryBuild(pool, projection, indexes.get(projection)!));
  const timings = { read: 0, copyWait: 0, write: 0, index: 0, catchUp: 0 };
  let eventsRead = 0;
  let position = 0n;
  let next: Promise<ReadAllResult> | undefined;
  try {
    const pageSize = options.pageSize ?? PAGE_SIZE;
    const batchSize = options.batchSize ?? BATCH_SIZE;
    next = store.readAll({ after: 0n, maxCount: pageSize });
    let batch: RecordedEvent[] = [];
    for (;;) {
      const waited = performance.now();
      const page = await next;
      timings.read += (performance.now() - waited) / 1000;
      if (!page.isEnd) next = store.readAll({ after: page.lastPosition, maxCount: pageSize });
      batch = batch.length === 0 ? [...page.events] : batch.concat(page.events);
      // Larger batches than pages: a stream's rows are made once per batch it appears in.
      if (batch.length >= batchSize || page.isEnd) {
        for (const build of builds) await build.apply(batch);
        eventsRead += batch.length;
        batch = [];
      }
      position = page.lastPosition;
      options.onProgress?.({ eventsRead, position, phase: 'reading' });
      if (page.isEnd) break;
    }
    options.onProgress?.({ eventsRead, position, phase: 'writing' });
    let mark = performance.now();
    for (const build of builds) await build.endCopies();
    await runInParallel(builds.flatMap((build) => build.heldTableWrites()), PARALLEL_WRITES);
    timings.write = (performance.now() - mark) / 1000;
    timings.copyWait = builds.reduce((sum, build) => sum + build.copyWait, 0);

    options.onProgress?.({ eventsRead, position, phase: 'indexing' });
    mark = performance.now();
    await runInParallel(builds.flatMap((build) => build.pendingIndexes()).map(indexBuild(pool)), PARALLEL_INDEX_BUILDS);
    for (const build of builds) await build.saveCheckpoint(position);
    timings.index = (performance.now() - mark) / 1000;
  } catch (error) {
    next?.catch(() => undefined);
    await Promise.allSettled(builds.map((build) => build.endCopies()));
    await dropShadows(pool, projections);
    throw error;
  }

  options.onProgress?.({ eventsRead, position, phase: 'catching-up' });
  const mark = performance.now();
  const rebuilt: RebuiltProjection[] = [];
  try {
    for (const build of builds) rebuilt.push(await catchUpAndSwap(store, pool, build.projection, build.eventsApplied));
  } catch (error) {
    await dropShadows(pool, projections);
    throw error;
  }
  timings.catchUp = (performance.now() - mark) / 1000;
  options.onProgress?.({ eventsRead, position: rebuilt.reduce((max, r) => (r.position > max ? r.position : max), position), phase: 'done' });
  return {
    eventsRead,
    projections: rebuilt,
    timings: {
      ...timings,
      apply: Object.fromEntries(builds.map((b) => [b.projection.name, b.applySeconds])),
      held: Object.fromEntries(builds.flatMap((b) => [...b.held])),
    },
  };
}

/** One projection rebuilt alone (`npm run projections:rebuild <name>`). */
export async function rebuildProjection(
  store: EventStore,
  pool: Pool,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuiltProjection> {
  const result = await rebuildProjections(store, pool, [projection], options);
  return result.projections[0];
}

/** Rows per COPY when the rows held in memory are written: each COPY is a transaction of its own. */
const HELD_ROWS_PER_COPY = 20_000;
/** COPYs of one table running at once: the server takes in one batch while the next is made. */
const COPIES_IN_FLIGHT = 2;

/**
 * A projection's rebuild while the log is read: its memory context, and per streamed table the
 * COPY of the previous batch, still being taken in by the server while the next batch is folded.
 * Every COPY is its own short transaction: one left open would hold back the global log (which is
 * read below the oldest running transaction) for every reader until the rebuild ends.
 */
class MemoryBuild {
  readonly context: MemoryContext;
  eventsApplied = 0;
  applySeconds = 0;
  copyWait = 0;
  readonly held = new Map<string, { rows: number; seconds: number }>();
  private readonly inFlight = new Map<string, Promise<void>[]>();
  private readonly columns = new Map<string, Promise<TableColumns>>();

  constructor(
    private readonly pool: Pool,
    readonly projection: Projection,
    /** Index statements not yet run. */
    private indexes: string[],
  ) {
    this.context = new MemoryContext(shadowSchema(projection), (table, rows) => this.stream(table, rows));
  }

  async apply(batch: readonly RecordedEvent[]): Promise<void> {
    const filter = this.projection.filter;
    const events = filter ? batch.filter((e) => matchesLogFilter(e.streamName, e.type, filter)) : batch;
    if (events.length === 0) return;
    const began = performance.now();
    const copyBefore = this.copyWait;
    try {
      await this.projection.apply(events, this.context);
    } catch (error) {
      throw new Error(
        `Rebuild of ${this.projection.name} failed on the events from position ${events[0].position} to ${events[events.length - 1].position}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    this.applySeconds += (performance.now() - began) / 1000 - (this.copyWait - copyBefore);
    this.eventsApplied += events.length;
  }

  /** Writing each table's rows held in memory, with COPYs of HELD_ROWS_PER_COPY rows. */
  heldTableWrites(): (() => Promise<void>)[] {
    return [...this.context.heldRows()].map(([table, rows]) => async () => {
      const began = performance.now();
      for (let i = 0; i < rows.length; i += HELD_ROWS_PER_COPY) await this.enqueueCopy(table, rows.slice(i, i + HELD_ROWS_PER_COPY));
      await this.settle(table);
      this.held.set(table, { rows: rows.length, seconds: (performance.now() - began) / 1000 });
    });
  }

  async saveCheckpoint(position: bigint): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${qualified(shadowSchema(this.projection), 'projection_checkpoints')} (projection, position, events_applied) VALUES ($1, $2::numeric, $3)`,
      [this.projection.name, position.toString(), this.eventsApplied],
    );
  }

  /** The index statements still to run: those of the tables written at the end. */
  pendingIndexes(): string[] {
    return this.indexes;
  }

  /** Waits for the COPYs still in flight; the first failure is thrown once all have settled. */
  async endCopies(): Promise<void> {
    const results = await Promise.allSettled([...this.inFlight.values()].flat());
    this.inFlight.clear();
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async stream(table: string, rows: readonly object[]): Promise<void> {
    if (rows.length === 0) return;
    const began = performance.now();
    if (!this.inFlight.has(table)) {
      // A table streamed while the log is read gets its indexes first: the server, which has time
      // to spare then, maintains them, instead of building them afterwards.
      const target = ` ${this.context.table(table)} `;
      const own = this.indexes.filter((statement) => statement.includes(target));
      this.indexes = this.indexes.filter((statement) => !own.includes(statement));
      for (const statement of own) await this.pool.query(statement);
    }
    await this.enqueueCopy(table, rows);
    this.copyWait += (performance.now() - began) / 1000;
  }

  /** Starts a COPY of the rows once fewer than COPIES_IN_FLIGHT of the table's are still running. */
  private async enqueueCopy(table: string, rows: readonly object[]): Promise<void> {
    const queue = this.inFlight.get(table) ?? [];
    this.inFlight.set(table, queue);
    while (queue.length >= COPIES_IN_FLIGHT) await queue.shift();
    const copying = this.copy(table, rows);
    copying.catch(() => undefined); // awaited when the queue is full, or by settle / endCopies
    queue.push(copying);
  }

  private async settle(table: string): Promise<void> {
    const queue = this.inFlight.get(table) ?? [];
    while (queue.length > 0) await queue.shift();
  }

  /** One COPY of the rows into the table, on a connection taken for it; a failed one is closed. */
  private async copy(table: string, rows: readonly object[]): Promise<void> {
    let columns = this.columns.get(table);
    if (!columns) {
      columns = tableColumns(this.pool, this.context.table(table));
      this.columns.set(table, columns);
    }
    const client = await this.pool.connect();
    try {
      const writer = new CopyWriter(client, await columns);
      await writer.write(rows);
      await writer.end();
      client.release();
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }
}

/** Each index sorts its table once: the sort gets memory rather than spilling to disk. */
function indexBuild(pool: Pool): (statement: string) => () => Promise<void> {
  return (statement) => async () => void (await pool.query(`SET maintenance_work_mem = '256MB'; ${statement}; RESET maintenance_work_mem`));
}

/** Runs the tasks, at most `parallel` at once; after a failure no further task starts. */
async function runInParallel(tasks: readonly (() => Promise<void>)[], parallel: number): Promise<void> {
  const queue = [...tasks];
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let task = queue.shift(); task !== undefined && !failed; task = queue.shift()) {
      try {
        await task();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(parallel, queue.length) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

async function catchUpAndSwap(store: EventStore, pool: Pool, projection: Projection, eventsApplied: number): Promise<RebuiltProjection> {
  // No ANALYZE here: autovacuum analyses the swapped-in tables within a minute of the load.
  const shadow = shadowSchema(projection);
  const runner = new ProjectionRunner(store, pool, projection, { schema: shadow, batchSize: 5_000 });
  let applied = eventsApplied;
  for (;;) {
    const outcome = await runner.catchUp(undefined, (o) => (applied += o.applied));
    if (await swapIfCaughtUp(store, pool, projection, shadow, outcome.position)) {
      return { projection: projection.name, eventsApplied: applied, position: outcome.position };
    }
  }
}

async function dropShadows(pool: Pool, projections: readonly Projection[]): Promise<void> {
  for (const projection of projections) await pool.query(`DROP SCHEMA IF EXISTS "${shadowSchema(projection)}" CASCADE`).catch(() => undefined);
}

/** Swaps the shadow tables in if no event arrived after `position`; otherwise catch up again. */
async function swapIfCaughtUp(store: EventStore, pool: Pool, projection: Projection, shadow: string, position: bigint): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockCheckpoint(client, projection.name);
    const next = await store.readAll({ after: position, maxCount: 1, filter: projection.filter });
    if (next.lastPosition !== position) {
      await client.query('ROLLBACK');
      return false;
    }
    for (const table of projection.tables) {
      await client.query(`DROP TABLE "${READ_MODEL_SCHEMA}"."${table}"`);
      await client.query(`ALTER TABLE "${shadow}"."${table}" SET SCHEMA "${READ_MODEL_SCHEMA}"`);
    }
    const { rows } = await client.query<{ events_applied: string }>(
      `SELECT events_applied FROM "${shadow}".projection_checkpoints WHERE projection = $1`,
      [projection.name],
    );
    await client.query(
      `UPDATE "${READ_MODEL_SCHEMA}".projection_checkpoints SET position = $2::numeric, events_applied = $3, updated_at = now() WHERE projection = $1`,
      [projection.name, position.toString(), rows[0]?.events_applied ?? 0],
    );
    await client.query(`DELETE FROM "${READ_MODEL_SCHEMA}".parked_events WHERE projection = $1`, [projection.name]);
    await client.query(`DROP SCHEMA "${shadow}" CASCADE`);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
