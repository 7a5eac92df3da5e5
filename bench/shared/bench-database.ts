import { resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type JsonLogger } from '@casetrail/platform';
import { freePort } from '@casetrail/testing';

export interface ServerInfo {
  readonly source: 'DATABASE_URL' | 'embedded';
  readonly version: string;
  readonly fsync: string;
  readonly synchronousCommit: string;
  readonly fullPageWrites: string;
}

/** A database created for one benchmark run; `dispose` drops it and stops a server it started. */
export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  readonly server: ServerInfo;
  dispose(): Promise<void>;
}

interface Server {
  readonly source: ServerInfo['source'];
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Uses DATABASE_URL when set, else an embedded server in `.data/bench-postgres` with the default
 * (durable) settings, and creates a fresh database `<prefix>_<timestamp>` on it. With
 * BENCH_KEEP_DATABASE=1 (and DATABASE_URL, whose server outlives the run) `dispose` keeps the
 * database and prints its URL, to look into the data set afterwards.
 */
export async function openBenchDatabase(prefix: string, logger: JsonLogger): Promise<BenchDatabase> {
  const server = await startServer(logger);
  const name = `${prefix}_${new Date().toISOString().replace(/\D/g, '')}`;
  try {
    await withClient(server.url, (admin) => admin.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(server.url, name);
    return {
      name,
      url,
      server: { source: server.source, ...(await readServerSettings(url)) },
      dispose: async () => {
        if (process.env.BENCH_KEEP_DATABASE === '1' && server.source === 'DATABASE_URL') {
          process.stderr.write(`database kept: ${url}\n`);
          return;
        }
        try {
          await withClient(server.url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Runs `work` on a single connection that is closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function startServer(logger: JsonLogger): Promise<Server> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) return { source: 'DATABASE_URL', url: external, stop: async () => undefined };
  // The `postgres` database always exists, so the helper creates nothing we would have to drop.
  const embedded = await startEmbeddedPostgres({
    dataDir: resolve(process.cwd(), '.data/bench-postgres'),
    port: await freePort(),
    database: 'postgres',
    logger,
  });
  return { source: 'embedded', url: embedded.url, stop: () => embedded.stop() };
}

async function readServerSettings(url: string): Promise<Omit<ServerInfo, 'source'>> {
  const { rows } = await withClient(url, (client) =>
    client.query<Omit<ServerInfo, 'source'>>(
      `SELECT current_setting('server_version') AS "version", current_setting('fsync') AS "fsync",
              current_setting('synchronous_commit') AS "synchronousCommit",
              current_setting('full_page_writes') AS "fullPageWrites"`,
    ),
  );
  return rows[0];
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
