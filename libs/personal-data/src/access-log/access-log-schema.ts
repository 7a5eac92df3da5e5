import { runSqlMigrations } from '@casetrail/platform';
import type { Pool } from 'pg';

/**
 * The access log's schema, versioned. Append-only like the event store: a trigger refuses UPDATE,
 * DELETE and TRUNCATE, so that a read once recorded cannot be unrecorded.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE access_log.entries (
     id uuid PRIMARY KEY,
     citizen_ref uuid NOT NULL,
     accessed_at timestamptz NOT NULL,
     actor text NOT NULL,
     actor_name text,
     route text NOT NULL,
     path text NOT NULL,
     case_id uuid,
     purpose text NOT NULL,
     correlation_id text NOT NULL,
     CONSTRAINT entries_purpose_length CHECK (char_length(purpose) BETWEEN 1 AND 200),
     CONSTRAINT entries_actor_present CHECK (actor <> '')
   );
   CREATE INDEX entries_by_citizen ON access_log.entries (citizen_ref, accessed_at DESC, id DESC);
   CREATE FUNCTION access_log.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'access_log.entries is append-only' USING ERRCODE = 'restrict_violation';
   END $$;
   CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON access_log.entries
     FOR EACH ROW EXECUTE FUNCTION access_log.refuse_change();
   CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON access_log.entries
     FOR EACH STATEMENT EXECUTE FUNCTION access_log.refuse_change();`,
];

/** Creates or updates the `access_log` schema. */
export function migrateAccessLogSchema(pool: Pool): Promise<void> {
  return runSqlMigrations(pool, 'access_log', MIGRATIONS);
}
