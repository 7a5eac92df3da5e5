import { EventEmitter } from 'node:events';
import { DatabaseError, type Pool, type PoolClient, type QueryResultRow } from 'pg';
import { validateAppend } from '../append-validation';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import type {
  AppendResult,
  EventStore,
  EventStoreHealth,
  EventToAppend,
  ExpectedRevision,
  GlobalLogFilter,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { decodePosition, encodePosition } from './global-position';
import { migrateEventStoreSchema } from './postgres-schema';
import { PostgresSubscription, type WakeSource } from './postgres-subscription';

export const NOTIFY_CHANNEL = 'casetrail_events';
const DEFAULT_PAGE = 500;
const MAX_PAGE = 10_000;

/** Something that runs a query: the pool, or a client inside a transaction. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

interface EventRow {
  seq: string;
  tx_id: string;
  stream_name: string;
  revision: string;
  id: string;
  type: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
}

const EVENT_COLUMNS = 'seq, tx_id::text AS tx_id, stream_name, revision, id, type, data, metadata';

/**
 * The PostgreSQL adapter. One append is one statement: a conditional update of the stream's head
 * row (which enforces the expected revision and serialises writers of one stream) chained to a
 * multi-row insert. The global log is read in (tx_id, seq) order and only below the oldest running
 * transaction, so a transaction that commits late is never skipped (docs/adr/0002).
 */
export class PostgresEventStore implements EventStore, WakeSource {
  private readonly wake = new EventEmitter().setMaxListeners(0);
  private notifyPending = false;
  private listener?: Promise<PoolClient | undefined>;
  private closed = false;

  private constructor(private readonly pool: Pool) {}

  /** Connects, brings the event store's schema up to date and returns the adapter. */
  static async create(pool: Pool): Promise<PostgresEventStore> {
    const client = await pool.connect();
    try {
      await migrateEventStoreSchema(client);
    } finally {
      client.release();
    }
    return new PostgresEventStore(pool);
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const result = await this.appendOn(this.pool, streamName, events, options.expectedRevision);
    this.announceAppend();
    return result;
  }

  /**
   * Appends through the given connection, which may be inside a caller's transaction; the caller
   * then commits. Subscribers see the events once that transaction commits.
   */
  async appendOn(
    db: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision = 'any',
  ): Promise<AppendResult> {
    validateAppend(streamName, events, expected);
    const batch = JSON.stringify(
      events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
    );
    let rows: { revision: string; tx_id: string; seq: string }[];
    try {
      ({ rows } = await this.run<{ revision: string; tx_id: string; seq: string }>(db, appendSql(expected), appendParams(streamName, batch, events.length, expected)));
    } catch (error) {
      if (error instanceof DatabaseError && error.code === '23505') {
        return this.resolveRetriedAppend(db, streamName, events, expected);
      }
      throw error;
    }
    if (rows.length === 0) return this.resolveRetriedAppend(db, streamName, events, expected);
    const last = rows[0];
    return { nextRevision: Number(last.revision), position: encodePosition(last.tx_id, last.seq) };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount === undefined ? null : clampCount(options.maxCount, DEFAULT_PAGE, Number.MAX_SAFE_INTEGER);
    const from = options.fromRevision;
    const condition =
      from === undefined ? '' : backwards ? 'AND revision <= $2' : 'AND revision >= $2';
    const params: unknown[] = [streamName];
    if (from !== undefined) params.push(from);
    params.push(limit);
    const { rows } = await this.run<EventRow>(
      this.pool,
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
        WHERE stream_name = $1 ${condition}
        ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const page = await this.readPage(options.after ?? 0n, clampCount(options.maxCount, DEFAULT_PAGE), options.filter);
    return { events: page.events, lastPosition: page.lastPosition, isEnd: page.isEnd };
  }

  /** A page of the stable global log, and whether committed events are waiting behind an older transaction. */
  async readPage(
    after: bigint,
    limit: number,
    filter?: GlobalLogFilter,
  ): Promise<ReadAllResult & { heldBack: boolean }> {
    const { txId, seq } = decodePosition(after);
    const types = filter?.eventTypes?.length ? [...filter.eventTypes] : null;
    const prefixes = filter?.streamPrefixes?.length ? [...filter.streamPrefixes] : null;
    const { rows } = await this.run<EventRow & { matched: boolean; held_back: boolean | null }>(
      this.pool,
      `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
       page AS (
         SELECT e.seq, e.tx_id, e.stream_name, e.revision, e.id, e.type, e.data, e.metadata,
                ($4::text[] IS NULL OR e.type = ANY($4::text[]))
                AND ($5::text[] IS NULL OR EXISTS (
                  SELECT 1 FROM unnest($5::text[]) AS p(prefix) WHERE starts_with(e.stream_name, p.prefix)))
                  AS matched
           FROM event_store.events e, horizon
          WHERE (e.tx_id, e.seq) > ($1::text::xid8, $2::bigint) AND e.tx_id < horizon.xmin
          ORDER BY e.tx_id, e.seq
          LIMIT $3),
       rows AS (
         SELECT seq, tx_id, stream_name, revision, id, type,
                CASE WHEN matched THEN data END AS data, CASE WHEN matched THEN metadata END AS metadata,
                matched, NULL::boolean AS held_back
           FROM page
         UNION ALL
         SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                EXISTS (SELECT 1 FROM event_store.events e, horizon
                         WHERE e.tx_id >= horizon.xmin AND (e.tx_id, e.seq) > ($1::text::xid8, $2::bigint)))
       SELECT seq, tx_id::text AS tx_id, stream_name, revision, id, type, data, metadata, matched, held_back
         FROM rows ORDER BY held_back NULLS FIRST, rows.tx_id, rows.seq`,
      [txId, seq, limit, types, prefixes],
    );
    const marker = rows.pop();
    const scanned = rows.length;
    const events = rows.filter((r) => r.matched).map(toRecordedEvent);
    const lastRow = rows[scanned - 1];
    return {
      events,
      lastPosition: lastRow ? encodePosition(lastRow.tx_id, lastRow.seq) : after,
      isEnd: scanned < limit,
      heldBack: marker?.held_back === true,
    };
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    void this.ensureListening();
    return new PostgresSubscription(this, {
      after: options.after ?? 0n,
      batchSize: clampCount(options.batchSize, DEFAULT_PAGE),
      filter: options.filter,
    });
  }

  /** Registers a wake-up for local appends and for NOTIFY from other processes. */
  onWake(listener: () => void): () => void {
    this.wake.on('wake', listener);
    return () => this.wake.off('wake', listener);
  }

  async health(): Promise<EventStoreHealth> {
    try {
      await this.pool.query('SELECT 1 FROM event_store.schema_version LIMIT 1');
      return { adapter: 'postgres', status: 'up' };
    } catch (error) {
      return { adapter: 'postgres', status: 'down', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake.emit('wake');
    const listener = await this.listener;
    if (listener) {
      listener.removeAllListeners('notification');
      listener.release(true);
    }
  }

  /** Wakes local subscribers now and other processes through one coalesced NOTIFY per tick. */
  private announceAppend(): void {
    this.wake.emit('wake');
    if (this.notifyPending) return;
    this.notifyPending = true;
    setImmediate(() => {
      this.notifyPending = false;
      this.pool.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`).catch(() => undefined);
    });
  }

  private ensureListening(): Promise<PoolClient | undefined> {
    this.listener ??= this.pool
      .connect()
      .then(async (client) => {
        client.on('notification', () => this.wake.emit('wake'));
        client.on('error', () => {
          this.listener = undefined;
        });
        await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
        if (this.closed) {
          client.release(true);
          return undefined;
        }
        return client;
      })
      .catch(() => {
        this.listener = undefined;
        return undefined;
      });
    return this.listener;
  }

  /** After a refused append: succeed if these exact events are already stored where they belong. */
  private async resolveRetriedAppend(
    db: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const ids = events.map((e) => e.id.toLowerCase());
    const { rows } = await this.run<{ id: string; stream_name: string; revision: string; tx_id: string; seq: string }>(
      db,
      `SELECT id::text, stream_name, revision, tx_id::text AS tx_id, seq
         FROM event_store.events WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const stored = ids.map((id) => byId.get(id));
    if (stored.every((r) => r !== undefined)) {
      const found = stored as NonNullable<(typeof stored)[number]>[];
      const first = Number(found[0].revision);
      const inPlace =
        found.every((r, i) => r.stream_name === streamName && Number(r.revision) === first + i) &&
        (expected === 'no_stream' ? first === 0 : typeof expected === 'number' ? first === expected + 1 : true);
      if (inPlace) {
        const last = found[found.length - 1];
        return { nextRevision: Number(last.revision), position: encodePosition(last.tx_id, last.seq) };
      }
    }
    const misplaced = stored.find((r) => r !== undefined);
    const head = await this.run<{ revision: string }>(
      db,
      'SELECT revision FROM event_store.streams WHERE stream_name = $1',
      [streamName],
    );
    const actual = head.rows[0] ? Number(head.rows[0].revision) : ('no_stream' as const);
    if (misplaced && (expected === 'any' || expected === 'stream_exists' || actual === expected)) {
      throw new DuplicateEventIdError(streamName, misplaced.id);
    }
    throw new WrongExpectedRevisionError(streamName, expected, actual);
  }

  private async run<R extends QueryResultRow>(
    db: Queryable,
    text: string,
    values: unknown[],
  ): Promise<{ rows: R[] }> {
    try {
      return await db.query<R>(text, values);
    } catch (error) {
      throw asUnavailable(error);
    }
  }
}

/** The head-row step of an append, chosen by the expectation. */
function appendSql(expected: ExpectedRevision): string {
  let head: string;
  if (expected === 'no_stream') {
    head = `INSERT INTO event_store.streams (stream_name, revision) VALUES ($1, $3 - 1)
            ON CONFLICT (stream_name) DO NOTHING RETURNING -1::bigint AS prev`;
  } else if (expected === 'any') {
    head = `INSERT INTO event_store.streams AS s (stream_name, revision) VALUES ($1, $3 - 1)
            ON CONFLICT (stream_name) DO UPDATE SET revision = s.revision + $3
            RETURNING s.revision - $3 AS prev`;
  } else if (expected === 'stream_exists') {
    head = `UPDATE event_store.streams SET revision = revision + $3 WHERE stream_name = $1
            RETURNING revision - $3 AS prev`;
  } else {
    head = `UPDATE event_store.streams SET revision = revision + $3
             WHERE stream_name = $1 AND revision = $4 RETURNING revision - $3 AS prev`;
  }
  return `WITH head AS (${head}),
    inserted AS (
      INSERT INTO event_store.events (stream_name, revision, id, type, data, metadata)
      SELECT $1, head.prev + e.ord, (e.value->>'id')::uuid, e.value->>'type', e.value->'data', e.value->'metadata'
        FROM head, jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(value, ord)
       ORDER BY e.ord
      RETURNING revision, tx_id, seq)
    SELECT revision, tx_id::text AS tx_id, seq FROM inserted ORDER BY revision DESC LIMIT 1`;
}

function appendParams(streamName: string, batch: string, count: number, expected: ExpectedRevision): unknown[] {
  return typeof expected === 'number' ? [streamName, batch, count, expected] : [streamName, batch, count];
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    revision: Number(row.revision),
    position: encodePosition(row.tx_id, row.seq),
  };
}

function clampCount(value: number | undefined, fallback: number, max = MAX_PAGE): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`maxCount ${value} must be a positive integer`);
  return Math.min(value, max);
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300']);

function asUnavailable(error: unknown): unknown {
  const code = (error as { code?: string })?.code;
  const message = (error as Error)?.message ?? '';
  if ((code && UNAVAILABLE_CODES.has(code)) || /Connection terminated|connection timeout/i.test(message)) {
    return new EventStoreUnavailableError(`PostgreSQL event store unavailable: ${message}`, { cause: error });
  }
  return error;
}
