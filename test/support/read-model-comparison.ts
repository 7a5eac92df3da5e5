import { isDeepStrictEqual } from 'node:util';
import { PROJECTIONS, readCheckpoints, rebuildProjection } from '@casetrail/case-read-models';
import type { EventStore } from '@casetrail/event-store';
import type { Pool } from 'pg';

/** Every read-model table's rows, ordered by the table's primary key (by every column if it has none). */
export type ReadModelSnapshot = Record<string, unknown[]>;

export interface RebuildComparison {
  /** The read models as the live projector left them. */
  readonly projected: ReadModelSnapshot;
  /** The same tables rebuilt from position 0 by one uninterrupted run. */
  readonly rebuilt: ReadModelSnapshot;
  /** Rows looked at: per table the larger of the two row counts. */
  readonly rowsCompared: number;
  /** Rows that differ, are missing or are extra, over all tables. */
  readonly differences: number;
  /** Events each projection counted as applied, live and rebuilt: equal when none was applied twice. */
  readonly eventsApplied: Record<string, { readonly projected: number; readonly rebuilt: number }>;
}

export async function snapshotReadModels(pool: Pool): Promise<ReadModelSnapshot> {
  const tables: ReadModelSnapshot = {};
  for (const projection of PROJECTIONS) {
    for (const table of projection.tables) {
      const { rows } = await pool.query(`SELECT * FROM read_model.${table} ORDER BY ${await orderOf(pool, table)}`);
      tables[table] = rows;
    }
  }
  return tables;
}

/**
 * Snapshots the read models, rebuilds every projection from scratch (`npm run projections:rebuild`'s
 * code) and compares row for row. Call it once the projector has reached the end of the log and stopped.
 */
export async function compareWithCleanRebuild(store: EventStore, pool: Pool): Promise<RebuildComparison> {
  const projected = await snapshotReadModels(pool);
  const appliedLive = await readCheckpoints(pool);
  for (const projection of PROJECTIONS) await rebuildProjection(store, pool, projection);
  const rebuilt = await snapshotReadModels(pool);
  const appliedRebuilt = await readCheckpoints(pool);
  let rowsCompared = 0;
  let differences = 0;
  for (const table of Object.keys(rebuilt)) {
    const rows = Math.max(projected[table].length, rebuilt[table].length);
    rowsCompared += rows;
    for (let i = 0; i < rows; i++) if (!isDeepStrictEqual(projected[table][i], rebuilt[table][i])) differences++;
  }
  const applied = (checkpoints: typeof appliedLive, name: string) => checkpoints.find((c) => c.projection === name)?.eventsApplied ?? 0;
  const eventsApplied = Object.fromEntries(
    PROJECTIONS.map((p) => [p.name, { projected: applied(appliedLive, p.name), rebuilt: applied(appliedRebuilt, p.name) }]),
  );
  return { projected, rebuilt, rowsCompared, differences, eventsApplied };
}

/** The table's primary-key columns, quoted and in key order; every column when it has no primary key. */
async function orderOf(pool: Pool, table: string): Promise<string> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT a.attname AS name
       FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = $1::regclass AND i.indisprimary
      ORDER BY k.n`,
    [`read_model.${table}`],
  );
  if (rows.length > 0) return rows.map((row) => `"${row.name}"`).join(', ');
  const { rows: columns } = await pool.query<{ n: number }>(
    `SELECT attnum AS n FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [`read_model.${table}`],
  );
  return columns.map((column) => String(column.n)).join(', ');
}
