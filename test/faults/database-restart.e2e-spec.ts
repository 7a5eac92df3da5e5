import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createPostgresPool } from '@casetrail/platform';
import { freePort, waitFor } from '@casetrail/testing';
import { startTestApi, type TestApi } from '../support/api-test-app';

const SERVER_SCRIPT = resolve(__dirname, '../../dist/scripts/embedded-postgres.js');

/** The embedded server in a process of its own (`npm run db`), so that the test can stop and start it. */
async function startServer(dataDir: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const { DATABASE_URL: _unused, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, [SERVER_SCRIPT], {
    env: { ...env, EMBEDDED_POSTGRES_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(port), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolveUrl(JSON.parse(line).url);
    });
    child.on('exit', (code) => reject(new Error(`embedded server exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const SCALE = Number(process.env.FAULT_SCALE ?? 1);
const WRITERS = 8;
const PHASE_MS = 1_500 * SCALE;

/**
 * Writes through the HTTP API while the PostgreSQL server is stopped and started again: every write
 * that got a 2xx is in the store afterwards, every other write got a clear 503 problem, and the app
 * recovers without a restart.
 */
describe('the database server stops and starts under write load', () => {
  const dataDir = resolve(__dirname, `../../.data/fault-postgres-${process.pid}`);
  let port: number;
  let server: { url: string; stop(): Promise<void> };
  let api: TestApi;

  beforeAll(async () => {
    if (!existsSync(SERVER_SCRIPT)) throw new Error(`${SERVER_SCRIPT} is missing: run "npm run build" first (npm test does)`);
    port = await freePort();
    server = await startServer(dataDir, port);
    const pool = createPostgresPool(server.url, { max: 20 });
    api = await startTestApi({
      database: { url: server.url, pool, drop: async () => void (pool.ended || (await pool.end())), dropUnderPool: async () => undefined },
    });
  });
  afterAll(async () => {
    await api.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.password`, { force: true });
  });

  it('keeps every acknowledged write and answers 503 while the server is away', async () => {
    const accepted: string[] = [];
    const refused = new Map<number, number>();
    const notProblems: string[] = [];
    let phase: 'up' | 'down' | 'back' = 'up';
    let acceptedAfterRestart = 0;
    let running = true;
    let n = 0;

    const writer = async (): Promise<void> => {
      while (running) {
        const response = await api.post('/citizen-cases', {
          caseNumber: `EMN-2023-${String(++n).padStart(5, '0')}`,
          cpr: '0101901234',
          legalArea: 'AKTIVLOVEN',
          owningUnit: 'Jobcenter Nord',
        });
        if (response.statusCode === 201) {
          accepted.push(response.body.streamName);
          if (phase === 'back') acceptedAfterRestart++;
        } else {
          refused.set(response.statusCode, (refused.get(response.statusCode) ?? 0) + 1);
          if (!String(response.headers['content-type']).includes('application/problem+json')) notProblems.push(String(response.statusCode));
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, () => writer());
    await new Promise((r) => setTimeout(r, PHASE_MS));
    phase = 'down';
    await server.stop();
    expect((await api.get('/health', { as: null })).statusCode).toBe(503);
    await new Promise((r) => setTimeout(r, PHASE_MS));
    server = await startServer(dataDir, port);
    phase = 'back';
    await waitFor('a write accepted after the restart', async () => (acceptedAfterRestart > 0 ? true : undefined), { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, PHASE_MS));
    running = false;
    await Promise.all(writers);

    const stored = await api.database.pool.query<{ stream_name: string }>(`SELECT stream_name FROM event_store.events WHERE type = 'CaseOpened'`);
    const storedStreams = new Set(stored.rows.map((r) => r.stream_name));
    const lost = accepted.filter((stream) => !storedStreams.has(stream));
    const otherRefusals = [...refused].filter(([status]) => status !== 503).map(([status, count]) => `, refused with ${status} ${count}`);
    process.stdout.write(
      `database restart: writes acknowledged ${accepted.length}, found ${accepted.length - lost.length}, lost ${lost.length}, ` +
        `refused with 503 ${refused.get(503) ?? 0}${otherRefusals.join('')} (acknowledged after the restart ${acceptedAfterRestart})\n`,
    );
    expect(lost).toEqual([]);
    expect([...refused.keys()].filter((status) => status !== 503)).toEqual([]);
    expect(refused.get(503) ?? 0).toBeGreaterThan(0);
    expect(notProblems).toEqual([]);
    expect(acceptedAfterRestart).toBeGreaterThan(0);
    expect((await api.get('/health', { as: null })).statusCode).toBe(200);
  }, 60_000 * SCALE);
});
