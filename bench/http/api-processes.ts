import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { mintDevToken } from '@casetrail/platform';
import { freePort, waitFor } from '@casetrail/testing';
import { BENCH_ORIGIN } from './load-spec';

const API_ENTRY = resolve(process.cwd(), 'dist/apps/api/src/main.js');
const PROJECTOR_ENTRY = resolve(process.cwd(), 'dist/apps/projector/src/main.js');
const ISSUER = 'casetrail-bench';
const AUDIENCE = 'casetrail-api';

/** Where the projections run: a process of their own (as in production), inside the API, or nowhere. */
export type ProjectorPlacement = 'process' | 'api' | 'none';

export interface ApiSettings {
  readonly databaseUrl: string;
  readonly projector: ProjectorPlacement;
  /** Other configuration variables for the API and the projector, e.g. DATABASE_POOL_SIZE. */
  readonly env?: Readonly<Record<string, string>>;
  /** Node flags for the API process, e.g. `--cpu-prof` to see where its time goes. */
  readonly apiNodeFlags?: readonly string[];
}

/** The built API (and projector) as child processes, as `npm run start:api` runs them. */
export interface ApiProcesses {
  readonly baseUrl: string;
  readonly apiPid: number;
  readonly projectorPid?: number;
  /** The configuration the processes got, keys left out. */
  readonly configuration: Readonly<Record<string, string>>;
  /** A caseworker's bearer token, signed with the key the API was given. */
  caseworkerToken(): Promise<string>;
  /** Why a process is gone (its exit and its last output), or undefined while both run. */
  failure(): string | undefined;
  /** Stops both (SIGTERM, then SIGKILL after 10 s); safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts `dist/apps/api/src/main.js` on a free port of 127.0.0.1 against `databaseUrl`, with
 * production settings (NODE_ENV=production, keys generated for this run, one browser origin
 * allowed) and the rate limit lifted (all load comes from one user), waits until `GET /health` answers 200, then starts the
 * projector beside it when asked. The API migrates the database before it listens, so the
 * projector only starts on a ready schema.
 */
export async function startApiProcesses(settings: ApiSettings): Promise<ApiProcesses> {
  for (const entry of [API_ENTRY, PROJECTOR_ENTRY]) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm run bench:http does)`);
  }
  const secret = randomBytes(32);
  const port = await freePort();
  const configuration: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    // The default level: the API writes no line per request; the projector says when it runs.
    LOG_LEVEL: 'info',
    PROJECTOR_IN_API: String(settings.projector === 'api'),
    RATE_LIMIT_PER_MINUTE: '1000000',
    // As for a browser front end; the reference is this origin's CORS preflight.
    CORS_ORIGINS: BENCH_ORIGIN,
    AUTH_JWT_ISSUER: ISSUER,
    AUTH_JWT_AUDIENCE: AUDIENCE,
    ...settings.env,
  };
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const env = {
    ...inherited,
    ...configuration,
    DATABASE_URL: settings.databaseUrl,
    AUTH_JWT_SECRET: secret.toString('base64'),
    VAULT_MASTER_KEY: randomBytes(32).toString('base64'),
    VAULT_LOOKUP_KEY: randomBytes(32).toString('base64'),
  };
  const children: Child[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.splice(0).reverse().map((child) => child.stop()));
  };
  try {
    const api = startChild('api', [...(settings.apiNodeFlags ?? []), API_ENTRY], env);
    children.push(api);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(
      'the API to answer GET /health with 200',
      async () => {
        if (api.exited) throw new Error(`the API exited (${api.exited}):\n${api.output()}`);
        const response = await fetch(`${baseUrl}/health`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    let projectorPid: number | undefined;
    if (settings.projector === 'process') {
      const projector = startChild('projector', [PROJECTOR_ENTRY], env);
      children.push(projector);
      projectorPid = projector.pid;
      await waitFor('the projector to start', async () => {
        if (projector.exited) throw new Error(`the projector exited (${projector.exited}):\n${projector.output()}`);
        return projector.output().includes('casetrail projector started') ? true : undefined;
      }, { timeoutMs: 60_000, intervalMs: 100 });
    }
    return {
      baseUrl,
      apiPid: api.pid,
      projectorPid,
      configuration,
      failure: () => {
        const gone = children.find((child) => child.exited !== undefined);
        return gone && `the ${gone.name} exited (${gone.exited}):\n${gone.output()}`;
      },
      caseworkerToken: () => mintDevToken({ subject: 'bench-caseworker', roles: ['caseworker'], secret, issuer: ISSUER, audience: AUDIENCE, expiresIn: '2h' }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Child {
  readonly name: string;
  readonly pid: number;
  /** Exit code or signal once the process has ended. */
  readonly exited: string | undefined;
  /** The last lines it wrote, for an error message. */
  output(): string;
  stop(): Promise<void>;
}

const KEEP_OUTPUT = 20_000;

function startChild(name: string, args: readonly string[], env: NodeJS.ProcessEnv): Child {
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start the ${name}`);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-KEEP_OUTPUT);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | undefined;
  const ended = new Promise<void>((done) => {
    child.on('exit', (code, signal) => {
      exited = signal ?? String(code);
      done();
    });
  });
  // Should the benchmark itself die, the child goes with it.
  const orphanGuard = (): void => void child.kill('SIGKILL');
  process.on('exit', orphanGuard);
  return {
    name,
    pid: child.pid,
    get exited() {
      return exited;
    },
    output: () => output,
    stop: async () => {
      process.off('exit', orphanGuard);
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await ended;
      clearTimeout(killer);
    },
  };
}
