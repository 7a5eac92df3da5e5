import type { OnConflict, ProjectionContext, StoredState } from '../projection/projection';
import { qualified } from '../projection/projection';

/** Where a rebuild sends rows that are final when written (`nothing` tables): straight to COPY. */
export type RowSink = (table: string, rows: readonly object[]) => Promise<void>;

interface MemoryTable {
  readonly onConflict: OnConflict;
  /** `update` tables: the latest row per key, flushed when the log has been read. */
  readonly rows: Map<string, Record<string, unknown>>;
  /** `update` tables with a `stream_name` column: the latest row per stream. */
  readonly byStream: Map<string, Record<string, unknown>>;
}

/**
 * A projection context for a rebuild: the shadow tables are empty and nothing else writes them,
 * so a row that later rows replace is kept in memory until the end and written once; rows written
 * with `nothing` (one per event: see OnConflict) go to `sink` at once; stored states and rows come from the rows kept in memory. The rows
 * end up exactly as the same batches would leave them in a transaction.
 */
export class MemoryContext implements ProjectionContext {
  private readonly tables = new Map<string, MemoryTable>();

  constructor(
    private readonly schema: string,
    private readonly sink: RowSink,
  ) {}

  table(name: string): string {
    return qualified(this.schema, name);
  }

  async upsertRows(name: string, key: readonly string[], rows: readonly object[], onConflict: OnConflict = 'update'): Promise<void> {
    if (rows.length === 0) return;
    const table = this.memoryTable(name, onConflict);
    if (onConflict === 'nothing') {
      // One row per event, and a rebuild sees each event once: nothing to keep back. (Two rows with
      // one key would fail the rebuild when its unique index is built, never pass unnoticed.)
      await this.sink(name, rows);
      return;
    }
    for (const row of rows as Record<string, unknown>[]) {
      table.rows.set(keyOf(row, key), row);
      if (typeof row.stream_name === 'string') table.byStream.set(row.stream_name, row);
    }
  }

  async storedStates<State>(name: string, streamNames: readonly string[]): Promise<Map<string, StoredState<State>>> {
    const found = new Map<string, StoredState<State>>();
    const table = this.tables.get(name);
    if (!table) return found;
    for (const streamName of streamNames) {
      const row = table.byStream.get(streamName);
      if (row && 'state' in row) found.set(streamName, { state: row.state as State, revision: Number(row.revision), lastPosition: BigInt(String(row.last_position)) });
    }
    return found;
  }

  async storedRows(name: string, streamNames: readonly string[]): Promise<Map<string, Readonly<Record<string, unknown>>>> {
    const found = new Map<string, Readonly<Record<string, unknown>>>();
    const table = this.tables.get(name);
    if (!table) return found;
    for (const streamName of streamNames) {
      const row = table.byStream.get(streamName);
      if (row) found.set(streamName, row);
    }
    return found;
  }

  /** The rows held for the `update` tables, by table, to be written once. */
  heldRows(): Map<string, Record<string, unknown>[]> {
    const held = new Map<string, Record<string, unknown>[]>();
    for (const [name, table] of this.tables) if (table.onConflict === 'update') held.set(name, [...table.rows.values()]);
    return held;
  }

  private memoryTable(name: string, onConflict: OnConflict): MemoryTable {
    let table = this.tables.get(name);
    if (!table) {
      table = { onConflict, rows: new Map(), byStream: new Map() };
      this.tables.set(name, table);
    } else if (table.onConflict !== onConflict) {
      throw new Error(`Table ${name} is written both with and without replacing rows; a rebuild cannot hold it in memory`);
    }
    return table;
  }
}

function keyOf(row: Record<string, unknown>, key: readonly string[]): string {
  return key.length === 1 ? String(row[key[0]]) : key.map((k) => String(row[k])).join('\u0000');
}
