import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from '@casetrail/testing';

const MAIN = resolve(__dirname, '../dist/apps/api/src/main.js');

interface Started {
  readonly process: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/**
 * `npm start` as a fresh machine runs it: the built API with no DATABASE_URL, so it starts its own
 * embedded PostgreSQL under .data/. Each run gets its own data directory and ports.
 */
describe('npm start (the built API on embedded PostgreSQL)', () => {
  const dataDir = resolve(__dirname, `../.data/e2e-start-${process.pid}`);
  let env: NodeJS.ProcessEnv;
  let apiPort: number;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
    apiPort = await freePort();
    const { DATABASE_URL: _db, TEST_DATABASE_URL: _test, EVENTSTORE_CONNECTION_STRING: _es, ...rest } = process.env;
    // As on a fresh clone: the data directory does not exist yet; secrets and the server go below it.
    env = { ...rest, PORT: String(apiPort), DATA_DIR: join(dataDir, 'data'), EMBEDDED_POSTGRES_PORT: String(await freePort()), LOG_LEVEL: 'info' };
  });
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  function start(extraEnv: NodeJS.ProcessEnv = {}): Started {
    const child = spawn(process.execPath, [MAIN], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    return { process: child, output: () => output, exited };
  }

  async function healthy(): Promise<unknown> {
    return waitFor(
      'GET /health to answer 200',
      async () => {
        const response = await fetch(`http://127.0.0.1:${apiPort}/health`);
        return response.status === 200 ? response.json() : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
  }

  it('initialises the data directory on first start, answers /health, and stops cleanly on SIGTERM', async () => {
    const first = start();
    expect(await healthy()).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
      eventStore: { adapter: 'postgres', status: 'up' },
      projections: { status: 'up', parked: 0 },
    });
    expect(first.output()).toContain('initialising embedded PostgreSQL');
    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'data', 'postgres', 'postmaster.pid'))).toBe(false);
    const lines = first.output().trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('starts again on the existing data directory without initialising it', async () => {
    const second = start();
    await healthy();
    expect(second.output()).not.toContain('initialising embedded PostgreSQL');
    second.process.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('starts after a hard kill that left the database server running', async () => {
    const killed = start();
    await healthy();
    killed.process.kill('SIGKILL');
    await killed.exited;
    const pidFile = join(dataDir, 'data', 'postgres', 'postmaster.pid');
    const orphan = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    expect(() => process.kill(orphan, 0)).not.toThrow();

    const next = start();
    await healthy();
    expect(next.output()).toContain('left running');
    next.process.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('refuses to start on a wrong variable, naming it', async () => {
    const wrong = start({ PORT: 'eighty' });
    expect(await wrong.exited).toBe(1);
    const entry = JSON.parse(wrong.output().trim().split('\n')[0]);
    expect(entry).toMatchObject({ level: 'error', msg: expect.stringContaining('PORT') });
  });
});
