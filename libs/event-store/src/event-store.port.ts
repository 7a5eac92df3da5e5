/**
 * The event-store port: what every adapter (PostgreSQL, EventStoreDB) provides.
 *
 * Revisions are 0-based per stream. A global position is an adapter-defined, strictly increasing
 * bigint that orders the global log; positions are comparable across calls of one adapter but carry
 * no meaning beyond order (see docs/adr/0002-global-position.md).
 */

/** Metadata every stored event carries. Adapters store it verbatim. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Who caused the event: a user id (token subject) or a system actor such as `system:seed`. */
  readonly actor: string;
  /** When the system recorded the event (ISO 8601, UTC), set by the server. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly [key: string]: unknown;
}

/** An event to append. `id` is a UUID chosen by the writer; it makes appends idempotent. */
export interface EventToAppend<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown>
  extends EventToAppend<Type, Data> {
  readonly streamName: string;
  readonly revision: number;
  readonly position: bigint;
  /** Tamper evidence: the digest of the event's content and its hash in the stream's chain. */
  readonly integrity?: { readonly contentDigest: string; readonly hash: string };
}

/**
 * What the writer believes about the stream before appending:
 * `no_stream` (it must not exist), `any`, `stream_exists`, or the exact revision of its last event.
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | number;

export interface AppendResult {
  /** Revision of the last event in the stream after the append. */
  readonly nextRevision: number;
  /** Global position of the last appended event. */
  readonly position: bigint;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: ReadDirection;
  /** Inclusive start revision; defaults to the first (forwards) or last (backwards) event. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface GlobalLogFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. `0n` (the default) means from the beginning. */
  readonly after?: bigint;
  readonly maxCount?: number;
  readonly filter?: GlobalLogFilter;
}

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /**
   * The position up to which the log has been examined: pass it as `after` to continue.
   * With a filter this may be beyond the last returned event.
   */
  readonly lastPosition: bigint;
  /** True when no further event is readable right now. */
  readonly isEnd: boolean;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: delivery starts with the first event after it. */
  readonly after?: bigint;
  readonly filter?: GlobalLogFilter;
  /** Events fetched per round trip while catching up. */
  readonly batchSize?: number;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Everything written before this moment has been delivered; live events follow. */
  | { readonly kind: 'caught-up'; readonly position: bigint };

/** An async iterator over the global log; `close()` ends it (the iterator then returns). */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface EventStoreHealth {
  readonly adapter: 'postgres' | 'eventstoredb';
  readonly status: 'up' | 'down';
  readonly detail?: string;
}

export interface EventStore {
  appendToStream(
    streamName: string,
    events: readonly EventToAppend[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  health(): Promise<EventStoreHealth>;
  close(): Promise<void>;
  /** Reports each successful append's duration (seconds), for metrics. */
  observeAppends?(observer: (seconds: number) => void): void;
}

/** Injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
