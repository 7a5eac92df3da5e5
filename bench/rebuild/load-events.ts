import { performance } from 'node:perf_hooks';
import { contentDigest } from '@casetrail/event-store';
import type { Pool } from 'pg';
import type { GeneratedEvent } from './event-generator';

/** Rows per INSERT, and INSERTs per transaction. */
export const LOAD_BATCH = 5_000;
export const BATCHES_PER_TRANSACTION = 10;

/**
 * A batch of rows as one JSON array, inserted in array order (seq follows it) with tx_id and seq
 * from their column defaults, exactly as the port's appends fill them; each row carries its content
 * digest as the port computes it, and the table's insert trigger chains its hash to the stream's
 * previous event.
 */
const LOAD = `
  INSERT INTO event_store.events (stream_name, revision, id, type, data, metadata, content_digest)
  SELECT e.stream_name, e.revision, e.id, e.type, e.data, e.metadata, e.content_digest
    FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
           AS (stream_name text, revision bigint, id uuid, type text, data jsonb, metadata jsonb, content_digest text))
         WITH ORDINALITY AS e(stream_name, revision, id, type, data, metadata, content_digest, ord)
   ORDER BY e.ord`;

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
          content_digest: contentDigest(e),
        })),
      );
      jsonBytes += Buffer.byteLength(json);
      await pending;
      if (inTransaction === 0) await client.query('BEGIN');
      pending = client.query({ name: 'bench.load-events', text: LOAD, values: [json] });
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
