import type { GlobalLogFilter, RecordedEvent } from '@casetrail/event-store';
import type { PoolClient } from 'pg';

/** What a projection writes through: a client inside the batch's transaction, and its tables. */
export interface ProjectionContext {
  readonly client: PoolClient;
  /** The quoted, schema-qualified name of one of the projection's tables (live or being rebuilt). */
  table(name: string): string;
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
