import type { RecordedEvent } from '@casetrail/event-store';
import type { Pool } from 'pg';
import { READ_MODEL_SCHEMA } from './projection';

export interface ParkedEvent {
  readonly projection: string;
  readonly position: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly streamName: string;
  readonly error: string;
  readonly parkedAt: Date;
}

/** Records the event a projection could not apply; the projection stops there until released. */
export async function parkEvent(pool: Pool, projection: string, event: RecordedEvent, error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await pool.query(
    `INSERT INTO ${READ_MODEL_SCHEMA}.parked_events (projection, position, event_id, event_type, stream_name, error)
     VALUES ($1, $2::numeric, $3, $4, $5, $6)
     ON CONFLICT (projection, position) DO UPDATE
       SET error = EXCLUDED.error, parked_at = now(), released_at = NULL`,
    [projection, event.position.toString(), event.id, event.type, event.streamName, message.slice(0, 2000)],
  );
}

/** Unreleased parked events, oldest first; all projections when none is named. */
export async function listParkedEvents(pool: Pool, projection?: string): Promise<ParkedEvent[]> {
  const { rows } = await pool.query<{ projection: string; position: string; event_id: string; event_type: string; stream_name: string; error: string; parked_at: Date }>(
    `SELECT projection, position::text AS position, event_id, event_type, stream_name, error, parked_at
       FROM ${READ_MODEL_SCHEMA}.parked_events
      WHERE released_at IS NULL AND ($1::text IS NULL OR projection = $1)
      ORDER BY parked_at`,
    [projection ?? null],
  );
  return rows.map((r) => ({
    projection: r.projection,
    position: r.position,
    eventId: r.event_id,
    eventType: r.event_type,
    streamName: r.stream_name,
    error: r.error,
    parkedAt: r.parked_at,
  }));
}

/** An operator's retry after a fix: the projection tries the parked event again. */
export async function releaseParkedEvents(pool: Pool, projection: string): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE ${READ_MODEL_SCHEMA}.parked_events SET released_at = now() WHERE projection = $1 AND released_at IS NULL`,
    [projection],
  );
  return rowCount ?? 0;
}

export async function isParked(pool: Pool, projection: string): Promise<boolean> {
  const { rowCount } = await pool.query(
    `SELECT 1 FROM ${READ_MODEL_SCHEMA}.parked_events WHERE projection = $1 AND released_at IS NULL LIMIT 1`,
    [projection],
  );
  return (rowCount ?? 0) > 0;
}
