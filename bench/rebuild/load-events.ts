import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pool, PoolClient } from 'pg';
import type { GeneratedEvent } from './event-generator';

/** Rows per INSERT, and INSERTs per transaction. */
export const LOAD_BATCH = 5_000;
export const BATCHES_PER_TRANSACTION = 10;

const COLUMNS = ['stream_name', 'revision', 'id', 'type', 'data', 'metadata'] as const;
const COLUMN_TYPES: Readonly<Record<string, string>> = {
  stream_name: 'text',
  revision: 'bigint',
  id: 'uuid',
  type: 'text',
  data: 'jsonb',
  metadata: 'jsonb',
  content_digest: 'text',
};

/**
 * A batch of rows as one JSON array, inserted in array order (seq follows it) with tx_id and seq
 * from their column defaults, exactly as the port's appends fill them.
 */
function loadStatement(columns: readonly string[]): string {
  const list = columns.join(', ');
  return `
    INSERT INTO event_store.events (${list})
    SELECT ${columns.map((c) => `e.${c}`).join(', ')}
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (${columns.map((c) => `${c} ${COLUMN_TYPES[c]}`).join(', ')}))
           WITH ORDINALITY AS e(${list}, ord)
     ORDER BY e.ord`;
}

export interface StreamKindCount {
  readonly kind: string;
  readonly streams: number;
  readonly events: number;
}

export interface LoadResult {
  readonly events: number;
  readonly seconds: number;
  readonly jsonBytes: number;
  readonly streamKinds: readonly StreamKindCount[];
  readonly eventTypes: Readonly<Record<string, number>>;
}

/**
 * Bulk-loads the events with multi-row INSERTs, several per transaction, straight into the event
 * store's table (its schema, keys and indexes in place). The next batch is generated and encoded
 * while the server inserts the one before.
 */
export async function loadEvents(pool: Pool, events: Iterable<GeneratedEvent>, onProgress: (loaded: number) => void): Promise<LoadResult> {
  const started = performance.now();
  const streams = new Map<string, Set<string>>();
  const perKind = new Map<string, number>();
  const eventTypes: Record<string, number> = {};
  let loaded = 0;
  let jsonBytes = 0;
  const client = await pool.connect();
  try {
    const digests = await hasContentDigest(client);
    const statement = { name: 'bench.load-events', text: loadStatement(digests ? [...COLUMNS, 'content_digest'] : COLUMNS) };
    let pending: Promise<unknown> | undefined;
    let inTransaction = 0;
    for (const batch of batches(events, LOAD_BATCH)) {
      for (const event of batch) {
        const kind = streamKind(event.streamName);
        const names = streams.get(kind) ?? streams.set(kind, new Set()).get(kind);
        names?.add(event.streamName);
        perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
        eventTypes[event.type] = (eventTypes[event.type] ?? 0) + 1;
      }
      const json = JSON.stringify(
        batch.map((e) => ({
          stream_name: e.streamName,
          revision: e.revision,
          id: e.id,
          type: e.type,
          data: e.data,
          metadata: e.metadata,
          ...(digests ? { content_digest: contentDigest(e) } : {}),
        })),
      );
      jsonBytes += Buffer.byteLength(json);
      await pending;
      if (inTransaction === 0) await client.query('BEGIN');
      pending = client.query({ ...statement, values: [json] });
      loaded += batch.length;
      if (++inTransaction === BATCHES_PER_TRANSACTION) {
        await pending;
        pending = undefined;
        await client.query('COMMIT');
        inTransaction = 0;
        onProgress(loaded);
      }
    }
    await pending;
    if (inTransaction > 0) await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return {
    events: loaded,
    seconds: (performance.now() - started) / 1000,
    jsonBytes,
    streamKinds: [...perKind.entries()].map(([kind, count]) => ({ kind, streams: streams.get(kind)?.size ?? 0, events: count })),
    eventTypes,
  };
}

/**
 * Whether the events table carries a content digest (the store's tamper evidence): then each row
 * needs one, and the table's insert trigger chains the row's hash to its stream's previous event.
 */
async function hasContentDigest(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = 'event_store' AND table_name = 'events' AND column_name = 'content_digest') AS present`,
  );
  return rows[0].present;
}

/**
 * The event's content digest as the PostgreSQL adapter computes it when appending
 * (libs/event-store/src/integrity/event-hash.ts, not exported by the lib): SHA-256 (hex) of the
 * canonical JSON (keys sorted at every depth, no whitespace) of id, type, data and metadata.
 */
function contentDigest(event: GeneratedEvent): string {
  const content = canonicalJson({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The stream's category: its name without the trailing aggregate id. */
export function streamKind(streamName: string): string {
  return streamName.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '');
}

function* batches<T>(items: Iterable<T>, size: number): Generator<T[], void, undefined> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
