import type { PoolClient } from 'pg';
import { READ_MODEL_SCHEMA } from './projection';

/**
 * Locks the projection's checkpoint for this transaction and returns it. The advisory lock keeps
 * a rebuild's swap and a live batch of the same projection apart.
 */
export async function lockCheckpoint(client: PoolClient, projection: string, schema = READ_MODEL_SCHEMA): Promise<bigint> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`casetrail.projection.${schema}.${projection}`]);
  await client.query(`INSERT INTO "${schema}".projection_checkpoints (projection) VALUES ($1) ON CONFLICT DO NOTHING`, [projection]);
  const { rows } = await client.query<{ position: string }>(
    `SELECT position::text AS position FROM "${schema}".projection_checkpoints WHERE projection = $1 FOR UPDATE`,
    [projection],
  );
  return BigInt(rows[0].position);
}

export async function saveCheckpoint(client: PoolClient, projection: string, position: bigint, applied: number, schema = READ_MODEL_SCHEMA): Promise<void> {
  await client.query(
    `UPDATE "${schema}".projection_checkpoints
        SET position = $2::numeric, events_applied = events_applied + $3, updated_at = now()
      WHERE projection = $1 AND position < $2::numeric`,
    [projection, position.toString(), applied],
  );
}

export interface CheckpointRow {
  readonly projection: string;
  readonly position: bigint;
  readonly eventsApplied: number;
  readonly updatedAt: Date;
}

export async function readCheckpoints(client: { query: PoolClient['query'] }, schema = READ_MODEL_SCHEMA): Promise<CheckpointRow[]> {
  const { rows } = await client.query<{ projection: string; position: string; events_applied: string; updated_at: Date }>(
    `SELECT projection, position::text AS position, events_applied, updated_at FROM "${schema}".projection_checkpoints ORDER BY projection`,
  );
  return rows.map((r) => ({ projection: r.projection, position: BigInt(r.position), eventsApplied: Number(r.events_applied), updatedAt: r.updated_at }));
}
