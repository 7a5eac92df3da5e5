import type { EventStore } from '@casetrail/event-store';
import type { Pool } from 'pg';
import { lockCheckpoint } from '../projection/checkpoints';
import { ProjectionRunner, type BatchOutcome } from '../projection/projection-runner';
import { READ_MODEL_SCHEMA, type Projection } from '../projection/projection';

export const REBUILD_SCHEMA = 'read_model_rebuild';

export interface RebuildProgress {
  readonly projection: string;
  readonly eventsApplied: number;
  readonly position: bigint;
  readonly phase: 'catching-up' | 'swapping' | 'done';
}

/**
 * Rebuilds a projection from position zero into fresh tables beside the live ones, then swaps them
 * in within one short transaction that holds the projection's lock (so the live runner pauses for
 * it) after a last catch-up. Queries read the old tables until the swap.
 */
export async function rebuildProjection(
  store: EventStore,
  pool: Pool,
  projection: Projection,
  options: { batchSize?: number; onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<RebuildProgress> {
  const shadow = `${REBUILD_SCHEMA}_${projection.name.replace(/[^a-z0-9]/g, '_')}`;
  await prepareShadowTables(pool, projection, shadow);
  const runner = new ProjectionRunner(store, pool, projection, { schema: shadow, batchSize: options.batchSize ?? 5000 });
  let eventsApplied = 0;
  const report = (outcome: BatchOutcome, phase: RebuildProgress['phase']) => {
    eventsApplied += outcome.applied;
    options.onProgress?.({ projection: projection.name, eventsApplied, position: outcome.position, phase });
  };
  for (;;) {
    const outcome = await runner.catchUp(undefined, (o) => report(o, 'catching-up'));
    if (outcome.parked) throw new Error(`Rebuild of ${projection.name} stopped at a parked event; see the parked events`);
    const swapped = await swapIfCaughtUp(store, pool, projection, shadow, outcome.position);
    if (swapped) {
      const done = { projection: projection.name, eventsApplied, position: outcome.position, phase: 'done' as const };
      options.onProgress?.(done);
      return done;
    }
  }
}

async function prepareShadowTables(pool: Pool, projection: Projection, shadow: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`);
  await pool.query(`CREATE SCHEMA "${shadow}"`);
  for (const table of [...projection.tables, 'projection_checkpoints']) {
    await pool.query(`CREATE TABLE "${shadow}"."${table}" (LIKE "${READ_MODEL_SCHEMA}"."${table}" INCLUDING ALL)`);
  }
}

/** Swaps the shadow tables in if no event arrived after `position`; otherwise catch up again. */
async function swapIfCaughtUp(store: EventStore, pool: Pool, projection: Projection, shadow: string, position: bigint): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockCheckpoint(client, projection.name);
    const next = await store.readAll({ after: position, maxCount: 1, filter: projection.filter });
    if (next.lastPosition !== position) {
      await client.query('ROLLBACK');
      return false;
    }
    for (const table of projection.tables) {
      await client.query(`DROP TABLE "${READ_MODEL_SCHEMA}"."${table}"`);
      await client.query(`ALTER TABLE "${shadow}"."${table}" SET SCHEMA "${READ_MODEL_SCHEMA}"`);
    }
    const { rows } = await client.query<{ events_applied: string }>(
      `SELECT events_applied FROM "${shadow}".projection_checkpoints WHERE projection = $1`,
      [projection.name],
    );
    await client.query(
      `UPDATE "${READ_MODEL_SCHEMA}".projection_checkpoints SET position = $2::numeric, events_applied = $3, updated_at = now() WHERE projection = $1`,
      [projection.name, position.toString(), rows[0]?.events_applied ?? 0],
    );
    await client.query(`DELETE FROM "${READ_MODEL_SCHEMA}".parked_events WHERE projection = $1`, [projection.name]);
    await client.query(`DROP SCHEMA "${shadow}" CASCADE`);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
