import { encodePostgresPosition } from '@casetrail/event-store';
import type { Pool } from 'pg';

/**
 * The global position of the last event committed to the PostgreSQL event store, read from the
 * table: unlike the stable log's end, it is not held back by a transaction still open elsewhere on
 * the server (another test file's). Waiting on a projection to reach it waits for the stable log too.
 */
export async function lastCommittedPosition(pool: Pool): Promise<bigint> {
  const { rows } = await pool.query<{ tx_id: string; seq: string }>(
    'SELECT e.tx_id::text AS tx_id, e.seq FROM event_store.events e ORDER BY e.tx_id DESC, e.seq DESC LIMIT 1',
  );
  return rows.length === 0 ? 0n : encodePostgresPosition(rows[0].tx_id, rows[0].seq);
}
