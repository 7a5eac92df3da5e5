import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { JsonLogger, startEmbeddedPostgres, type RunningPostgres } from '@casetrail/platform';
import { freePort } from '../network/free-port';

declare global {
  // eslint-disable-next-line no-var
  var casetrailTestPostgres: { server: RunningPostgres; dataDir: string } | undefined;
}

const ROOT = resolve(process.cwd(), '.data/test-postgres');

/**
 * Jest global setup: with no DATABASE_URL, start an embedded server for this run only (its own data
 * directory, so that runs side by side do not meet; no fsync, as it is thrown away) and hand its URL
 * to the workers as TEST_DATABASE_URL.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  await removeDirectoriesOfEndedRuns();
  const dataDir = join(ROOT, String(process.pid));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database: 'casetrail_test',
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '400' },
    logger: new JsonLogger('warn', 'test-postgres'),
  });
  globalThis.casetrailTestPostgres = { server, dataDir };
  process.env.TEST_DATABASE_URL = server.url;
}

/** Data directories left by runs that were killed; a run's directory is named after its pid. */
async function removeDirectoriesOfEndedRuns(): Promise<void> {
  if (!existsSync(ROOT)) return;
  for (const entry of await readdir(ROOT)) {
    const pid = Number(entry.replace(/\.password$/, ''));
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await rm(join(ROOT, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
