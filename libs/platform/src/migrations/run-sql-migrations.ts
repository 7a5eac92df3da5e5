import type { Pool } from 'pg';

/**
 * Brings a schema up to date with a list of SQL migrations, applied in order, each once, under an
 * advisory lock so that processes starting together do not race. Used by the schemas that are not
 * read models (event store, personal-data vault); read models use TypeORM migrations.
 */
export async function runSqlMigrations(pool: Pool, schema: string, migrations: readonly string[]): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Schema name "${schema}" is not a plain identifier`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`casetrail.migrations.${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.schema_version (
         version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${schema}.schema_version`);
    for (let version = (rows[0]?.v ?? 0) + 1; version <= migrations.length; version++) {
      await client.query(migrations[version - 1]);
      await client.query(`INSERT INTO ${schema}.schema_version (version) VALUES ($1)`, [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
