import { runSqlMigrations } from '@casetrail/platform';
import type { Pool } from 'pg';

/**
 * The vault's schema, versioned. Erasure is one-way: a trigger refuses to give an erased citizen a
 * key again, and the check keeps `wrapped_key` and `erased_at` consistent.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE personal_data.citizens (
     citizen_ref uuid PRIMARY KEY,
     cpr_hmac bytea NOT NULL,
     wrapped_key bytea,
     cpr_ciphertext bytea NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     erased_at timestamptz,
     CONSTRAINT citizens_cpr_hmac UNIQUE (cpr_hmac),
     CONSTRAINT citizens_cpr_hmac_length CHECK (octet_length(cpr_hmac) = 32),
     CONSTRAINT citizens_key_or_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
   );
   CREATE FUNCTION personal_data.refuse_unerase() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF OLD.erased_at IS NOT NULL AND (NEW.wrapped_key IS NOT NULL OR NEW.erased_at IS DISTINCT FROM OLD.erased_at) THEN
       RAISE EXCEPTION 'personal_data.citizens: an erased citizen stays erased' USING ERRCODE = 'restrict_violation';
     END IF;
     RETURN NEW;
   END $$;
   CREATE TRIGGER citizens_erasure_is_final BEFORE UPDATE ON personal_data.citizens
     FOR EACH ROW EXECUTE FUNCTION personal_data.refuse_unerase();`,
];

/** Creates or updates the `personal_data` schema. */
export function migrateVaultSchema(pool: Pool): Promise<void> {
  return runSqlMigrations(pool, 'personal_data', MIGRATIONS);
}
