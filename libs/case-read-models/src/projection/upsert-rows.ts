import type { PoolClient } from 'pg';

/**
 * Writes many rows with one statement: the rows travel as one JSON array, are read back as the
 * table's row type, and replace any existing row with the same key.
 */
export async function upsertRows(
  client: PoolClient,
  table: string,
  key: readonly string[],
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).filter((column) => !key.includes(column));
  const updates = columns.map((column) => `"${column}" = EXCLUDED."${column}"`).join(', ');
  await client.query(
    `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
     ON CONFLICT (${key.map((k) => `"${k}"`).join(', ')}) DO ${updates ? `UPDATE SET ${updates}` : 'NOTHING'}`,
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
