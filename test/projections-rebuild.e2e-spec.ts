import {
  PROJECTIONS,
  ProjectionRunner,
  createReadModelDataSource,
  migrateReadModels,
  readCheckpoints,
  rebuildProjections,
  type Projection,
} from '@casetrail/case-read-models';
import { PostgresEventStore, type EventStore } from '@casetrail/event-store';
import { createTestDatabase, waitFor, type TestDatabase } from '@casetrail/testing';
import { uuidv7 } from '@casetrail/platform';
import { generateEvents } from '../bench/rebuild/event-generator';
import { loadEvents } from '../bench/rebuild/load-events';
import { lastCommittedPosition } from './support/log-end';
import { snapshotReadModels } from './support/read-model-comparison';

const EVENTS = 4_000;

/**
 * `npm run projections:rebuild`'s one pass over the log (rows held in memory or streamed with COPY,
 * indexes built afterwards, a catch-up through the ordinary runner, then the swap) leaves exactly
 * what the live projections, batch by batch in transactions, leave.
 */
describe('rebuilding every read model in one pass over the log', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 12 });
    store = await PostgresEventStore.create(database.pool);
    const dataSource = createReadModelDataSource(database.url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);
    await dataSource.destroy();
    await loadEvents(database.pool, generateEvents({ seed: 7, events: EVENTS, activeStreams: 40 }), () => undefined);
    const end = await lastCommittedPosition(database.pool);
    for (const projection of PROJECTIONS) await new ProjectionRunner(store, database.pool, projection, { batchSize: 250 }).catchUpTo(end);
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('equals the live projections row for row, with the live index names, and leaves no rebuild schema behind', async () => {
    const live = await snapshotReadModels(database.pool);
    const indexesBefore = await indexNames(database.pool);
    expect(live.audit_trail).toHaveLength(EVENTS);

    const result = await rebuildProjections(store, database.pool, PROJECTIONS, { pageSize: 700, batchSize: 1_400 });

    expect(result.eventsRead).toBe(EVENTS);
    expect(await snapshotReadModels(database.pool)).toEqual(live);
    expect(await indexNames(database.pool)).toEqual(indexesBefore);
    expect(await rebuildSchemas(database.pool)).toEqual([]);
    const checkpoints = await readCheckpoints(database.pool);
    for (const rebuilt of result.projections) {
      expect(checkpoints.find((c) => c.projection === rebuilt.projection)).toMatchObject({ position: rebuilt.position, eventsApplied: rebuilt.eventsApplied });
    }
  });

  it('takes in events written after its read of the log, and the live tables answer until the swap', async () => {
    const before = await snapshotReadModels(database.pool);
    const more = [...generateEvents({ seed: 8, events: 300, activeStreams: 10 })];
    let liveRowsDuringRebuild = -1;
    let appended = false;
    let lastAppended = 0n;
    // The rebuild's own read of the log is unfiltered; the first filtered read is its catch-up.
    const writesOnCatchUp: EventStore = Object.create(store, {
      readAll: {
        value: async (options: Parameters<EventStore['readAll']>[0]) => {
          if (options?.filter && !appended) {
            appended = true;
            const { rows } = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM read_model.audit_trail');
            liveRowsDuringRebuild = Number(rows[0].n);
            for (const event of more) {
              const { position } = await store.appendToStream(event.streamName, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], {
                expectedRevision: event.revision === 0 ? 'no_stream' : event.revision - 1,
              });
              lastAppended = position;
            }
          }
          return store.readAll(options);
        },
      },
    });

    await rebuildProjections(writesOnCatchUp, database.pool, PROJECTIONS);
    // The rebuild swaps in what is readable; an open transaction anywhere on the server may still
    // hold the last events back from the global log (ADR 2): the projector takes them from there.
    for (const projection of PROJECTIONS) await new ProjectionRunner(store, database.pool, projection).catchUpTo(lastAppended);

    expect(liveRowsDuringRebuild).toBe(before.audit_trail.length);
    const after = await snapshotReadModels(database.pool);
    expect(after.audit_trail).toHaveLength(EVENTS + more.length);
    const newStreams = new Set(more.map((e) => e.streamName));
    const caseStreams = [...newStreams].filter((s) => s.startsWith('citizen-case-'));
    expect(caseStreams.length).toBeGreaterThan(0);
    const { rows } = await database.pool.query<{ n: string }>('SELECT count(*) AS n FROM read_model.case_summary WHERE stream_name = ANY($1)', [caseStreams]);
    expect(Number(rows[0].n)).toBe(caseStreams.length);
    for (const checkpoint of await readCheckpoints(database.pool)) expect(checkpoint.position).toBeGreaterThanOrEqual(lastAppended);
  });

  it('holds no transaction open while it reads: an event written meanwhile is readable in the global log at once', async () => {
    const before = await logEnd(store);
    let unfilteredReads = 0;
    let seenWhileRebuilding: bigint | undefined;
    const writesWhileReading: EventStore = Object.create(store, {
      readAll: {
        value: async (options: Parameters<EventStore['readAll']>[0]) => {
          if (!options?.filter && ++unfilteredReads === 4) {
            // Batches of rows have been streamed to the rebuild tables by now.
            const metadata = { correlationId: uuidv7(), causationId: null, actor: 'test', recordedAt: new Date().toISOString(), effectiveAt: new Date().toISOString(), schemaVersion: 1 };
            const { position } = await store.appendToStream(`rebuild-probe-${uuidv7()}`, [{ id: uuidv7(), type: 'Probe', data: {}, metadata }], { expectedRevision: 'no_stream' });
            seenWhileRebuilding = await waitFor(
              'the event in the global log',
              async () => ((await store.readAll({ after: before, maxCount: 10 })).events.some((e) => e.position === position) ? position : undefined),
              { timeoutMs: 5_000 },
            );
          }
          return store.readAll(options);
        },
      },
    });

    await rebuildProjections(writesWhileReading, database.pool, PROJECTIONS, { pageSize: 500, batchSize: 500 });

    expect(unfilteredReads).toBeGreaterThan(4);
    expect(seenWhileRebuilding).toBeGreaterThan(before);
  });

  it('repairs a projection stopped at a parked event: the rebuild runs, swaps in and clears the parked event', async () => {
    const [parked] = (await store.readAll({ maxCount: 1_000, filter: PROJECTIONS[0].filter })).events;
    await database.pool.query(
      `INSERT INTO read_model.parked_events (projection, position, event_id, event_type, stream_name, error) VALUES ($1, $2::numeric, $3, $4, $5, 'a bug since fixed')`,
      [PROJECTIONS[0].name, parked.position.toString(), parked.id, parked.type, parked.streamName],
    );

    const result = await rebuildProjections(store, database.pool, [PROJECTIONS[0]]);

    expect(result.projections[0].projection).toBe(PROJECTIONS[0].name);
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM read_model.parked_events WHERE projection = $1', [PROJECTIONS[0].name]);
    expect(rows[0].n).toBe(0);
  });

  it('leaves the live tables as they were when a projection fails, and drops its rebuild tables', async () => {
    const before = await snapshotReadModels(database.pool);
    let calls = 0;
    const auditTrailProjection = PROJECTIONS.find((p) => p.name === 'audit-trail')!;
    const failing: Projection = {
      ...auditTrailProjection,
      apply: async (events, context) => {
        if (++calls === 3) throw new Error('cannot apply this page');
        return auditTrailProjection.apply(events, context);
      },
    };
    await expect(rebuildProjections(store, database.pool, [PROJECTIONS[0], failing], { pageSize: 500, batchSize: 500 })).rejects.toThrow(
      /Rebuild of audit-trail failed on the events from position \d+ to \d+: cannot apply this page/,
    );
    expect(await snapshotReadModels(database.pool)).toEqual(before);
    expect(await rebuildSchemas(database.pool)).toEqual([]);
  });
});

async function logEnd(store: EventStore): Promise<bigint> {
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 10_000 });
    after = page.lastPosition;
    if (page.isEnd) return after;
  }
}

async function indexNames(pool: TestDatabase['pool']): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT tablename || '.' || indexname AS name FROM pg_indexes WHERE schemaname = 'read_model' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

async function rebuildSchemas(pool: TestDatabase['pool']): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'read_model_rebuild%'`);
  return rows.map((r) => r.name);
}
