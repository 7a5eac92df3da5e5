import type { AppConfig } from '../config/app-config';
import type { JsonLogger } from '../logging/json-logger';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

/** The configured server (DATABASE_URL), or the embedded one started for this process. */
export async function provideDatabaseServer(config: AppConfig, logger: JsonLogger): Promise<RunningPostgres> {
  if (config.databaseUrl) {
    logger.info({ msg: 'using the PostgreSQL server from DATABASE_URL' });
    return { url: config.databaseUrl, stop: async () => undefined };
  }
  return startEmbeddedPostgres({
    dataDir: config.embeddedPostgresDir,
    port: config.embeddedPostgresPort,
    database: 'casetrail',
    logger: logger.child('embedded-postgres'),
  });
}
