import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { DatabaseError, type Pool, type PoolClient, type QueryResultRow } from 'pg';
import { isDatabaseUnavailable } from '@casetrail/platform';
import { pageSize, validateAppend } from '../port-arguments';
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
import { contentDigest } from '../integrity/event-hash';
import { migrateEventStoreSchema } from './postgres-schema';
import {
  FIND_EVENTS_BY_ID,
  READ_PAGE,
  READ_STREAM_BACKWARDS,
  READ_STREAM_FORWARDS,
  EVENT_ID_KEY,
  STREAM_HEAD,
  STREAM_REVISION_KEY,
  appendStatement,
  type Statement,
} from './postgres-statements';
import { PostgresSubscription, type WakeSource } from './postgres-subscription';

export const NOTIFY_CHANNEL = 'casetrail_events';
const DEFAULT_PAGE = 500;
const NOTIFY_INTERVAL_MS = 5;
/** Attempts of an `any` or `stream_exists` append that keeps losing the race for its revisions. */
const MAX_ATTEMPTS = 50;
const MAX_PAGE = 10_000;

/** Something that runs a query: the pool, or a client inside a transaction. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    statement: { name?: string; text: string; values?: unknown[] },
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}


interface StoredId {
  id: string;
  stream_name: string;
  revision: string;
  tx_id: string;
  seq: string;
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
  content_digest: string;
  hash: string;
}


/**
 * The PostgreSQL adapter. One append is one prepared statement: it takes the stream's last revision
 * as expected (checked against the events table itself) and inserts the events after it; the unique
 * (stream_name, revision) key stops racing writers. The global log is read in (tx_id, seq) order and
 * only below the oldest running transaction, so a transaction that commits late is never skipped
 * (docs/adr/0002).
 */
export class PostgresEventStore implements EventStore, WakeSource {
  private readonly wake = new EventEmitter().setMaxListeners(0);
  private notifyTimer?: NodeJS.Timeout;
  private lastNotifyAt = 0;
  private readonly headQueues = new Map<string, Promise<void>>();
  private appendObserver?: (seconds: number) => void;
  private listener?: Promise<PoolClient | undefined>;
  private closed = false;

  private constructor(private readonly pool: Pool) {}

  /** Connects, brings the event store's schema up to date and returns the adapter. */
  static async create(pool: Pool): Promise<PostgresEventStore> {
    await migrateEventStoreSchema(pool);
    return new PostgresEventStore(pool);
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const started = performance.now();
    const result = await this.appendOn(this.pool, streamName, events, options.expectedRevision);
    this.appendObserver?.((performance.now() - started) / 1000);
    this.announceAppend();
    return result;
  }

  observeAppends(observer: (seconds: number) => void): void {
    this.appendObserver = observer;
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
    const statement = appendStatement(expected, events.length === 1);
    const values = appendParams(streamName, events, expected);
    const takesHead = expected === 'any' || expected === 'stream_exists';
    if (takesHead && db === this.pool) {
      return this.oneAtATime(streamName, () => this.insert(db, streamName, events, expected, statement, values, true));
    }
    return this.insert(db, streamName, events, expected, statement, values, false);
  }

  private async insert(
    db: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
    statement: Statement,
    values: unknown[],
    mayRetry: boolean,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      let rows: { revision: string; tx_id: string; seq: string }[];
      try {
        ({ rows } = await this.run<{ revision: string; tx_id: string; seq: string }>(db, statement, values));
      } catch (error) {
        if (!(error instanceof DatabaseError && error.code === '23505')) throw error;
        // A writer in another process took the revisions `any` or `stream_exists` computed: go after it.
        if (mayRetry && error.constraint === STREAM_REVISION_KEY && attempt < MAX_ATTEMPTS) continue;
        const retried = await this.findRetriedAppend(db, streamName, events, expected);
        if (retried) return retried;
        throw await this.refusal(db, streamName, events, expected, error.constraint);
      }
      if (rows.length === 0) {
        const retried = await this.findRetriedAppend(db, streamName, events, expected);
        if (retried) return retried;
        throw await this.refusal(db, streamName, events, expected);
      }
      const last = rows.reduce((a, b) => (Number(b.revision) > Number(a.revision) ? b : a));
      return { nextRevision: Number(last.revision), position: encodePosition(last.tx_id, last.seq) };
    }
  }

  /**
   * Appends that take the stream's head (`any`, `stream_exists`) queue per stream inside this
   * process, so that they do not race each other for the same revision and retry.
   */
  private oneAtATime<T>(streamName: string, work: () => Promise<T>): Promise<T> {
    const run = (this.headQueues.get(streamName) ?? Promise.resolve()).then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.headQueues.set(streamName, tail);
    void tail.then(() => {
      if (this.headQueues.get(streamName) === tail) this.headQueues.delete(streamName);
    });
    return run;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount === undefined ? null : pageSize(options.maxCount, 0, Number.MAX_SAFE_INTEGER);
    const statement = options.direction === 'backwards' ? READ_STREAM_BACKWARDS : READ_STREAM_FORWARDS;
    const { rows } = await this.run<EventRow>(this.pool, statement, [streamName, options.fromRevision ?? null, limit]);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const page = await this.readPage(options.after ?? 0n, pageSize(options.maxCount, DEFAULT_PAGE, MAX_PAGE), options.filter);
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
    const { rows } = await this.run<EventRow & { matched: boolean; held_back: boolean | null }>(this.pool, READ_PAGE, [
      txId,
      seq,
      limit,
      types,
      prefixes,
    ]);
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
      batchSize: pageSize(options.batchSize, DEFAULT_PAGE, MAX_PAGE),
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
    clearTimeout(this.notifyTimer);
    this.wake.emit('wake');
    const listener = await this.listener;
    if (listener) {
      listener.removeAllListeners('notification');
      listener.release(true);
    }
  }

  /**
   * Wakes local subscribers at once, and other processes through NOTIFY: at once when none was sent
   * in the last NOTIFY_INTERVAL_MS, else once at the end of that interval. Under load that is a few
   * hundred NOTIFYs a second instead of one per append (each takes a cluster-wide lock at commit).
   */
  private announceAppend(): void {
    this.wake.emit('wake');
    if (this.notifyTimer) return;
    const wait = this.lastNotifyAt + NOTIFY_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.sendNotify();
      return;
    }
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.sendNotify();
    }, wait);
  }

  private sendNotify(): void {
    this.lastNotifyAt = Date.now();
    this.pool.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`).catch(() => undefined);
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

  /** After a refused append: the first result, if these exact events are already stored where they belong. */
  private async findRetriedAppend(
    db: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | undefined> {
    const ids = events.map((e) => e.id.toLowerCase());
    const { rows } = await this.run<StoredId>(db, FIND_EVENTS_BY_ID, [ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const stored = ids.map((id) => byId.get(id));
    if (!stored.every((r): r is StoredId => r !== undefined)) return undefined;
    const first = Number(stored[0].revision);
    const inPlace =
      stored.every((r, i) => r.stream_name === streamName && Number(r.revision) === first + i) &&
      (expected === 'no_stream' ? first === 0 : typeof expected === 'number' ? first === expected + 1 : true);
    if (!inPlace) return undefined;
    const last = stored[stored.length - 1];
    return { nextRevision: Number(last.revision), position: encodePosition(last.tx_id, last.seq) };
  }

  /** Why an append that is not a re-send was refused: a used event id, or a wrong expectation. */
  private async refusal(
    db: Queryable,
    streamName: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
    violated?: string,
  ): Promise<Error> {
    if (violated === EVENT_ID_KEY) {
      const { rows } = await this.run<StoredId>(db, FIND_EVENTS_BY_ID, [events.map((e) => e.id.toLowerCase())]);
      return new DuplicateEventIdError(streamName, rows[0]?.id ?? events[0].id);
    }
    const head = await this.run<{ revision: string | null }>(db, STREAM_HEAD, [streamName]);
    const revision = head.rows[0]?.revision;
    return new WrongExpectedRevisionError(streamName, expected, revision == null ? 'no_stream' : Number(revision));
  }

  private async run<R extends QueryResultRow>(db: Queryable, statement: Statement, values: unknown[]): Promise<{ rows: R[] }> {
    try {
      return await db.query<R>({ name: statement.name, text: statement.text, values });
    } catch (error) {
      throw asUnavailable(error);
    }
  }
}

function appendParams(streamName: string, events: readonly EventToAppend[], expected: ExpectedRevision): unknown[] {
  const values: unknown[] =
    events.length === 1
      ? [streamName, events[0].id, events[0].type, JSON.stringify(events[0].data), JSON.stringify(events[0].metadata), contentDigest(events[0])]
      : [
          streamName,
          events.map((e) => e.id),
          events.map((e) => e.type),
          events.map((e) => JSON.stringify(e.data)),
          events.map((e) => JSON.stringify(e.metadata)),
          events.map((e) => contentDigest(e)),
        ];
  if (typeof expected === 'number') values.push(expected);
  return values;
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
    integrity: { contentDigest: row.content_digest, hash: row.hash },
  };
}


function asUnavailable(error: unknown): unknown {
  if (isDatabaseUnavailable(error)) {
    return new EventStoreUnavailableError(`PostgreSQL event store unavailable: ${(error as Error).message}`, { cause: error });
  }
  return error;
}
