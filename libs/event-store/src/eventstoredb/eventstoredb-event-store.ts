import { performance } from 'node:perf_hooks';
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  NotLeaderError,
  START,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  convertToCommandError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type RecordedEvent as DbRecordedEvent,
} from '@eventstore/db-client';
import { pageSize, validateAppend } from '../port-arguments';
import { matchesLogFilter } from '../log-filter';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import { GENESIS_HASH, chainHash, contentDigest } from '../integrity/event-hash';
import type {
  AppendResult,
  EventMetadata,
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
  SubscriptionMessage,
} from '../event-store.port';

const DEFAULT_PAGE = 500;
const MAX_PAGE = 10_000;
const HEALTH_DEADLINE_MS = 2_000;
const ERROR_RETRY_MS = 500;
const LIVE_HIGH_WATER = 1_000;
const LIVE_LOW_WATER = 100;

const PREPARE_BITS = 64n;
const PREPARE_MASK = (1n << PREPARE_BITS) - 1n;

/**
 * The EventStoreDB adapter, on the official gRPC client. Streams map one-to-one; the port's global
 * position packs EventStoreDB's $all position as `(commit << 64) | prepare`. System streams and
 * system events (`$`-prefixed) are never returned from the global log. Subscriptions catch up by
 * paging `readAll`, report caught-up, then follow a live `$all` subscription from the last position.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private appendObserver?: (seconds: number) => void;

  private constructor(private readonly client: EventStoreDBClient) {}

  static async create(connectionString: string): Promise<EventStoreDbEventStore> {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    validateAppend(streamName, events, expected);
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      const head = await this.streamHead(streamName);
      const base = head?.revision ?? -1;
      if (expected === 'no_stream' && head) throw new WrongExpectedRevisionError(streamName, expected, base);
      if (expected === 'stream_exists' && !head) throw new WrongExpectedRevisionError(streamName, expected, 'no_stream');
      // The chain is computed from the head just read, so the append must land right after it.
      const pinned: AppendExpectedRevision = typeof expected === 'number' ? BigInt(expected) : base < 0 ? NO_STREAM : BigInt(base);
      try {
        const result = await this.client.appendToStream(streamName, chained(streamName, events, base, head?.hash ?? GENESIS_HASH), {
          expectedRevision: pinned,
        });
        const position = result.position ?? (await this.positionOfRevision(streamName, result.nextExpectedRevision));
        this.appendObserver?.((performance.now() - started) / 1000);
        return { nextRevision: Number(result.nextExpectedRevision), position: encodePosition(position) };
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          if ((expected === 'any' || expected === 'stream_exists') && attempt < 50) continue;
          const actual = typeof error.actualVersion === 'bigint' && error.actualVersion >= 0n ? Number(error.actualVersion) : ('no_stream' as const);
          throw new WrongExpectedRevisionError(streamName, expected, actual);
        }
        throw asUnavailable(error);
      }
    }
  }

  /** The stream's last revision and hash; undefined for a stream that does not exist. */
  private async streamHead(streamName: string): Promise<{ revision: number; hash: string } | undefined> {
    const [last] = await this.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    return last ? { revision: last.revision, hash: last.integrity?.hash ?? GENESIS_HASH } : undefined;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const maxCount =
      options.maxCount === undefined
        ? undefined
        : pageSize(options.maxCount, DEFAULT_PAGE, Number.MAX_SAFE_INTEGER);
    let from = options.fromRevision;
    // Same answers as the PostgreSQL adapter's `revision >= from` / `revision <= from`.
    if (from !== undefined && from < 0) {
      if (backwards) return [];
      from = undefined;
    }
    const fromRevision =
      from === undefined
        ? backwards
          ? END
          : START
        : BigInt(backwards ? Math.floor(from) : Math.ceil(from));
    try {
      const events: RecordedEvent[] = [];
      for await (const resolved of this.client.readStream(streamName, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        maxCount,
      })) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
      return events;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw asUnavailable(error);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? 0n;
    const maxCount = pageSize(options.maxCount, DEFAULT_PAGE, MAX_PAGE);
    // EventStoreDB reads $all from a position inclusively; the port's `after` is exclusive.
    const requested = after === 0n ? maxCount : maxCount + 1;
    const read: AllStreamResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: toReadPosition(after),
        maxCount: requested,
      })) {
        read.push(resolved);
      }
    } catch (error) {
      throw asUnavailable(error);
    }
    const examined = read
      .flatMap((r) => (r.event ? [{ event: r.event, position: encodePosition(r.event.position) }] : []))
      .filter((r) => r.position > after)
      .slice(0, maxCount);
    return {
      events: examined
        .filter((r) => isUserEvent(r.event) && matchesFilter(r.event, options.filter))
        .map((r) => toRecordedEvent(r.event)),
      lastPosition: examined.length > 0 ? examined[examined.length - 1].position : after,
      isEnd: read.length < requested,
    };
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const filter = options.filter;
    const batchSize = pageSize(options.batchSize, DEFAULT_PAGE, MAX_PAGE);
    const subscription = new EventStoreDbSubscription(
      {
        after: options.after ?? 0n,
        filter,
        readPage: (after) => this.readAll({ after, maxCount: batchSize, filter }),
        openLive: (after) =>
          this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter: serverFilter(filter) }),
      },
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  observeAppends(observer: (seconds: number) => void): void {
    this.appendObserver = observer;
  }

  async health(): Promise<EventStoreHealth> {
    try {
      for await (const _ of this.client.readAll({ maxCount: 1, deadline: HEALTH_DEADLINE_MS })) {
        break;
      }
      return { adapter: 'eventstoredb', status: 'up' };
    } catch (error) {
      return { adapter: 'eventstoredb', status: 'down', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  // Idempotent re-appends may come back without a position; the stored event still has one.
  private async positionOfRevision(streamName: string, revision: bigint): Promise<Position> {
    for await (const resolved of this.client.readStream(streamName, {
      fromRevision: revision,
      maxCount: 1,
    })) {
      if (resolved.event?.position) return resolved.event.position;
    }
    throw new Error(`EventStoreDB reported no position for "${streamName}" revision ${revision}`);
  }
}

interface SubscriptionSource {
  readonly after: bigint;
  readonly filter?: GlobalLogFilter;
  readPage(after: bigint): Promise<ReadAllResult>;
  openLive(after: bigint): AllStreamSubscription;
}

// Caught-up comes from the readAll catch-up phase, not from the client's 'caughtUp' event: v6 emits
// that only for servers that send it (23.10+), it carries no position, and it is emitted while
// earlier events may still sit in the stream's buffer, so it could overtake them.
class EventStoreDbSubscription implements Subscription {
  private closed = false;
  private started = false;
  private feed?: LiveFeed;
  private wake?: () => void;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly onClose: () => void,
  ) {}

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.feed?.stop();
    this.onClose();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.started) throw new Error('A subscription can be iterated once');
    this.started = true;
    return this.messages();
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    let after = this.source.after;
    try {
      while (!this.closed) {
        let page: ReadAllResult;
        try {
          page = await this.source.readPage(after);
        } catch {
          await this.pause(ERROR_RETRY_MS);
          continue;
        }
        for (const event of page.events) {
          if (this.closed) return;
          yield { kind: 'event', event };
        }
        after = page.lastPosition;
        if (page.isEnd) break;
      }
      if (this.closed) return;
      yield { kind: 'caught-up', position: after };

      while (!this.closed) {
        const feed = new LiveFeed(this.source.openLive(after));
        this.feed = feed;
        try {
          for (let resolved = await feed.next(); resolved; resolved = await feed.next()) {
            if (this.closed) return;
            const event = resolved.event;
            if (!event) continue;
            const position = encodePosition(event.position);
            // A resubscription must never repeat what was already delivered.
            if (position <= after) continue;
            after = position;
            if (isUserEvent(event) && matchesFilter(event, this.source.filter)) {
              yield { kind: 'event', event: toRecordedEvent(event) };
            }
          }
        } catch {
          // Dropped by the server or the network: resubscribe from the last position seen.
        } finally {
          await feed.stop();
          if (this.feed === feed) this.feed = undefined;
        }
        await this.pause(ERROR_RETRY_MS);
      }
    } finally {
      this.closed = true;
      this.onClose();
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

// Not the stream's own async iterator: after `unsubscribe()` the client never ends the stream, so
// that iterator would hang; this queue also pauses the stream while the consumer lags.
class LiveFeed {
  private readonly queue: AllStreamResolvedEvent[] = [];
  private failure?: unknown;
  private ended = false;
  private stopping?: Promise<void>;
  private notify?: () => void;

  constructor(private readonly stream: AllStreamSubscription) {
    stream.on('data', (resolved: AllStreamResolvedEvent) => {
      this.queue.push(resolved);
      if (this.queue.length >= LIVE_HIGH_WATER) stream.pause();
      this.signal();
    });
    stream.on('error', (error: Error) => {
      this.failure = error;
      this.signal();
    });
    stream.on('end', () => this.finish());
    stream.on('close', () => this.finish());
  }

  async next(): Promise<AllStreamResolvedEvent | undefined> {
    for (;;) {
      if (this.stopping) return undefined;
      const resolved = this.queue.shift();
      if (resolved) {
        if (this.queue.length <= LIVE_LOW_WATER && this.stream.isPaused()) this.stream.resume();
        return resolved;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => {
        this.notify = resolve;
      });
    }
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.signal();
      try {
        await this.stream.unsubscribe();
      } catch {
        // Already gone with its connection.
      }
      this.stream.destroy();
    })();
    return this.stopping;
  }

  private finish(): void {
    this.ended = true;
    this.signal();
  }

  private signal(): void {
    const notify = this.notify;
    this.notify = undefined;
    notify?.();
  }
}


function encodePosition(position: Position): bigint {
  return (position.commit << PREPARE_BITS) | position.prepare;
}

function decodePosition(position: bigint): Position {
  if (position < 0n) throw new RangeError('A global position cannot be negative');
  return { commit: position >> PREPARE_BITS, prepare: position & PREPARE_MASK };
}

function toReadPosition(after: bigint): ReadPosition {
  return after === 0n ? START : decodePosition(after);
}

/** Metadata key under which an event's digest and chain hash travel in EventStoreDB. */
const INTEGRITY_KEY = '$casetrailIntegrity';

/** The events as EventStoreDB stores them: each with its digest and its hash chained after `previousHash`. */
function chained(streamName: string, events: readonly EventToAppend[], base: number, previousHash: string): EventData[] {
  let previous = previousHash;
  return events.map((e, i) => {
    const digest = contentDigest(e);
    previous = chainHash(previous, streamName, base + 1 + i, digest);
    const metadata = { ...e.metadata, [INTEGRITY_KEY]: { contentDigest: digest, hash: previous } };
    return jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata });
  });
}

function toRecordedEvent(event: DbRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(`EventStoreDB returned event ${event.id} without a position (server 22.6+ needed)`);
  }
  const { [INTEGRITY_KEY]: integrity, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: encodePosition(event.position),
    ...(integrity ? { integrity: integrity as { contentDigest: string; hash: string } } : {}),
  };
}

function isUserEvent(event: DbRecordedEvent): boolean {
  return !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

function matchesFilter(event: DbRecordedEvent, filter: GlobalLogFilter | undefined): boolean {
  return matchesLogFilter(event.streamId, event.type, filter);
}

// Server-side filters take one dimension and match by prefix; `matchesFilter` makes it exact.
function serverFilter(filter: GlobalLogFilter | undefined): Filter {
  if (filter?.eventTypes?.length) return eventTypeFilter({ prefixes: [...filter.eventTypes] });
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  return excludeSystemEvents();
}


function asUnavailable(error: unknown): unknown {
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  const message = (converted as Error)?.message ?? String(converted);
  if (
    converted instanceof UnavailableError ||
    converted instanceof DeadlineExceededError ||
    converted instanceof TimeoutError ||
    converted instanceof CancelledError ||
    converted instanceof NotLeaderError ||
    /Failed to discover|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND/.test(message)
  ) {
    return new EventStoreUnavailableError(`EventStoreDB event store unavailable: ${message}`, { cause: error });
  }
  return converted;
}
