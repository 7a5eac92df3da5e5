import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from './read-model.entities';
import { ReadModels1763800000000 } from './migrations/1763800000000-read-models';
import { StateLookupIndexes1763900000000 } from './migrations/1763900000000-state-lookup-indexes';
import { SanctionReviewVersions1764100000000 } from './migrations/1764100000000-sanction-review-versions';
import { SanctionReviewCaseColumns1764200000000 } from './migrations/1764200000000-sanction-review-case-columns';

/** Migrations in order; TypeORM records the applied ones in public.read_model_migrations. */
export const READ_MODEL_MIGRATIONS = [ReadModels1763800000000, StateLookupIndexes1763900000000, SanctionReviewVersions1764100000000, SanctionReviewCaseColumns1764200000000];

/** The read models' TypeORM data source: entities for queries, migrations for the schema. */
export function createReadModelDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: READ_MODEL_ENTITIES,
    migrations: READ_MODEL_MIGRATIONS,
    migrationsTableName: 'read_model_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: options.poolSize ?? 5, application_name: 'casetrail-read-models' },
  });
}

/** Brings the read-model schema up to date; safe when several processes start together. */
export async function migrateReadModels(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['casetrail.migrations.read_model']);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', ['casetrail.migrations.read_model']).catch(() => undefined);
    await lock.release();
  }
}
