import { runSqlMigrations } from '@casetrail/platform';
import type { Pool } from 'pg';

/**
 * The event store's own schema, versioned. Applied in order under an advisory lock, so that several
 * processes starting at once do not race. Read models have their own migrations elsewhere.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE event_store.events (
     seq bigint GENERATED ALWAYS AS IDENTITY,
     tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     stream_name text NOT NULL,
     revision bigint NOT NULL,
     id uuid NOT NULL,
     type text NOT NULL,
     data jsonb NOT NULL,
     metadata jsonb NOT NULL,
     content_digest text NOT NULL,
     hash text NOT NULL,
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
     FOR EACH STATEMENT EXECUTE FUNCTION event_store.refuse_change();
   -- Each event's hash chains it to the one before it in its stream (integrity/event-hash.ts).
   CREATE FUNCTION event_store.chain_hash() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE previous text;
   BEGIN
     IF NEW.revision = 0 THEN
       previous := repeat('0', 64);
     ELSE
       SELECT e.hash INTO previous FROM event_store.events e
        WHERE e.stream_name = NEW.stream_name AND e.revision = NEW.revision - 1;
       IF previous IS NULL THEN
         RAISE EXCEPTION 'no event before revision % of %', NEW.revision, NEW.stream_name USING ERRCODE = 'foreign_key_violation';
       END IF;
     END IF;
     NEW.hash := encode(sha256(convert_to(previous || ':' || NEW.stream_name || ':' || NEW.revision || ':' || NEW.content_digest, 'UTF8')), 'hex');
     RETURN NEW;
   END $$;
   -- Appends of one event bring their hash (computed in the same statement); others get it here.
   CREATE TRIGGER events_chain_hash BEFORE INSERT ON event_store.events
     FOR EACH ROW WHEN (NEW.hash IS NULL) EXECUTE FUNCTION event_store.chain_hash();`,
];

/** Creates or updates the `event_store` schema. */
export function migrateEventStoreSchema(pool: Pool): Promise<void> {
  return runSqlMigrations(pool, 'event_store', MIGRATIONS);
}
