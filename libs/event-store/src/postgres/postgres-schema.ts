import type { PoolClient } from 'pg';

/**
 * The event store's own schema, versioned. Applied in order under an advisory lock, so that several
 * processes starting at once do not race. Read models have their own migrations elsewhere.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE SCHEMA IF NOT EXISTS event_store;
   CREATE TABLE event_store.events (
     seq bigint GENERATED ALWAYS AS IDENTITY,
     tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     stream_name text NOT NULL,
     revision bigint NOT NULL,
     id uuid NOT NULL,
     type text NOT NULL,
     data jsonb NOT NULL,
     metadata jsonb NOT NULL,
     CONSTRAINT events_stream_revision PRIMARY KEY (stream_name, revision),
     CONSTRAINT events_id UNIQUE (id)
   );
   CREATE UNIQUE INDEX events_global_order ON event_store.events (tx_id, seq);
   CREATE FUNCTION event_store.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'event_store.events is append-only' USING ERRCODE = 'restrict_violation';
   END $$;
   CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON event_store.events
     FOR EACH ROW EXECUTE FUNCTION event_store.refuse_change();
   CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON event_store.events
     FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change();`,
];

const LOCK_KEY = 7_310_500_001;

export async function migrateEventStoreSchema(client: PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query('CREATE SCHEMA IF NOT EXISTS event_store');
    await client.query(
      `CREATE TABLE IF NOT EXISTS event_store.schema_version (
         version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM event_store.schema_version',
    );
    for (let version = (rows[0]?.v ?? 0) + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]);
      await client.query('INSERT INTO event_store.schema_version (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
