import type { GlobalLogFilter, RecordedEvent } from '@casetrail/event-store';

/**
 * What a row write does when a row with the same key is there: replace it (`update`), or keep it
 * (`nothing`: for rows keyed by the event they come from, which a batch applied again writes again).
 */
export type OnConflict = 'update' | 'nothing';

/** A stream's folded state as a projection stored it (columns `state`, `revision`, `last_position`). */
export interface StoredState<State> {
  readonly state: State;
  readonly revision: number;
  readonly lastPosition: bigint;
}

/**
 * Where a projection's batch writes: inside the batch's transaction on the live (or shadow)
 * tables, or, during a rebuild, into tables held in memory and bulk-loaded once at the end.
 * Projections write only through it, so both paths produce the same rows.
 */
export interface ProjectionContext {
  /** The quoted, schema-qualified name of one of the projection's tables (live or being rebuilt). */
  table(name: string): string;
  /** Writes rows keyed by `key`; a row with the same key is replaced (`update`) or kept (`nothing`). */
  upsertRows(table: string, key: readonly string[], rows: readonly object[], onConflict?: OnConflict): Promise<void>;
  /** The states stored for these streams in `table` (by its `stream_name` column); absent ones are missing. */
  storedStates<State>(table: string, streamNames: readonly string[]): Promise<Map<string, StoredState<State>>>;
  /**
   * The rows stored for these streams in `table` (one per stream, by its `stream_name` column);
   * absent ones are missing. Values come as the batch wrote them, or as the driver reads them back
   * (numeric as text, timestamptz as a Date): the caller reads them through its own conversions.
   */
  storedRows(table: string, streamNames: readonly string[]): Promise<Map<string, Readonly<Record<string, unknown>>>>;
}

/**
 * A read model's projection. `apply` receives the next events in global order, in batches, inside a
 * transaction that also moves the checkpoint: it writes its rows with a few multi-row statements
 * per batch, never throws because of an event's content it can ignore, and is idempotent.
 */
export interface Projection {
  readonly name: string;
  /** The tables it owns (in schema read_model); rebuilds replace exactly these. */
  readonly tables: readonly string[];
  /** Only these events are given to `apply`; the checkpoint still moves past the others. */
  readonly filter?: GlobalLogFilter;
  apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void>;
}

export const READ_MODEL_SCHEMA = 'read_model';

export function qualified(schema: string, table: string): string {
  return `"${schema}"."${table}"`;
}
