import type { PoolClient } from 'pg';
import { qualified, type OnConflict, type ProjectionContext, type StoredState } from './projection';

/**
 * The context of a batch applied in a transaction: rows go to the tables in `schema` with one
 * statement per call, states and rows are read back with one SELECT.
 */
export function transactionContext(client: PoolClient, schema: string): ProjectionContext {
  const table = (name: string) => qualified(schema, name);
  return {
    table,
    upsertRows: (name, key, rows, onConflict = 'update') => upsertRows(client, table(name), key, rows, onConflict),
    storedStates: async <State>(name: string, streamNames: readonly string[]) => {
      const { rows } = await client.query<{ stream_name: string; state: State; revision: number; last_position: string }>(
        `SELECT stream_name, state, revision, last_position::text AS last_position FROM ${table(name)} WHERE stream_name = ANY($1::text[])`,
        [streamNames],
      );
      return new Map<string, StoredState<State>>(
        rows.map((r) => [r.stream_name, { state: r.state, revision: r.revision, lastPosition: BigInt(r.last_position) }]),
      );
    },
    storedRows: async (name: string, streamNames: readonly string[]) => {
      const { rows } = await client.query<Record<string, unknown> & { stream_name: string }>(`SELECT * FROM ${table(name)} WHERE stream_name = ANY($1::text[])`, [streamNames]);
      return new Map(rows.map((r) => [r.stream_name, r]));
    },
  };
}

/**
 * Writes many rows with one statement: the rows travel as one JSON array, are read back as the
 * table's row type, and replace (or leave) any existing row with the same key.
 */
async function upsertRows(
  client: PoolClient,
  table: string,
  key: readonly string[],
  rows: readonly object[],
  onConflict: OnConflict,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).filter((column) => !key.includes(column));
  const updates = columns.map((column) => `"${column}" = EXCLUDED."${column}"`).join(', ');
  // `nothing` leaves the row written for this event before; a row clashing on another unique
  // column (a second event with one id) fails the batch, as it fails a rebuild's COPY.
  const action = onConflict === 'update' && updates ? `UPDATE SET ${updates}` : 'NOTHING';
  await client.query(
    `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
     ON CONFLICT (${key.map((k) => `"${k}"`).join(', ')}) DO ${action}`,
    [JSON.stringify(rows)],
  );
}

/** Groups events by stream, keeping each stream's events in order. */
export function byStream<T extends { readonly streamName: string }>(events: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const event of events) {
    const group = groups.get(event.streamName);
    if (group) group.push(event);
    else groups.set(event.streamName, [event]);
  }
  return groups;
}
