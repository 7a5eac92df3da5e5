import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';
import { createPostgresPool } from '@casetrail/platform';

export interface TestDatabase {
  readonly url: string;
  readonly pool: Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
  /** Drops the database under its open pool, as an outage looks to the code using the pool. */
  dropUnderPool(): Promise<void>;
}

/** A fresh, empty database on the test server, so that each test file starts from nothing. */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (npm test)');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(serverUrl, name);
  const pool = createPostgresPool(url, { max: options.poolSize ?? 40, applicationName: 'casetrail-test' });
  const dropDatabase = () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return {
    url,
    pool,
    drop: async () => {
      if (!pool.ended) await pool.end();
      await dropDatabase();
    },
    dropUnderPool: async () => {
      await dropDatabase();
    },
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
