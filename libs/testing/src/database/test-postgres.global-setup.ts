import { resolve } from 'node:path';
import { JsonLogger, startEmbeddedPostgres, type RunningPostgres } from '@casetrail/platform';
import { freePort } from '../network/free-port';

declare global {
  // eslint-disable-next-line no-var
  var casetrailTestPostgres: RunningPostgres | undefined;
}

/**
 * Jest global setup: with no DATABASE_URL, start one embedded server for the whole run (settings
 * for a throwaway server: no fsync) and hand its URL to the workers as TEST_DATABASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const server = await startEmbeddedPostgres({
    dataDir: resolve(process.cwd(), '.data/test-postgres'),
    port: await freePort(),
    database: 'casetrail_test',
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
    logger: new JsonLogger('warn', 'test-postgres'),
  });
  globalThis.casetrailTestPostgres = server;
  process.env.TEST_DATABASE_URL = server.url;
}
