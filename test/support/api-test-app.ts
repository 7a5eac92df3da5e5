import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonLogger, loadConfig, mintDevToken, type ResolvedSecrets, type Role } from '@casetrail/platform';
import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { createApiApp } from '../../apps/api/src/api-app.factory';

export interface TestResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: any;
}

export interface RequestOptions {
  /** Roles of the caller; `null` sends no token. Default: an admin. */
  readonly as?: readonly Role[] | null;
  readonly subject?: string;
  readonly headers?: Record<string, string>;
  /**
   * X-Purpose of a GET, which reads of a citizen's case require (access log); default
   * {@link TEST_READ_PURPOSE}, `null` sends none. Ignored when `headers` has X-Purpose.
   */
  readonly purpose?: string | null;
}

/** The purpose test reads state unless told otherwise. */
export const TEST_READ_PURPOSE = 'casetrail end-to-end test';

/**
 * The real API (same factory as production) on a fresh database, with test keys, a logger whose
 * lines are kept for inspection, and helpers that sign requests as a given role.
 */
export interface TestApi {
  readonly app: NestFastifyApplication;
  readonly database: TestDatabase;
  readonly logLines: string[];
  token(roles: readonly Role[], subject?: string): Promise<string>;
  post(url: string, body: unknown, options?: RequestOptions): Promise<TestResponse>;
  get(url: string, options?: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestApiOptions {
  /** Run the projector in the API process (PROJECTOR_IN_API=true), so that the read models follow the writes. */
  readonly projector?: boolean;
  /** Further configuration variables, e.g. READ_YOUR_WRITES_TIMEOUT_MS. */
  readonly env?: Readonly<Record<string, string>>;
  /** The server's clock; set `clock.now` to record facts at a chosen recorded time. */
  readonly clock?: TestClock;
  /** A database of the test's own (e.g. on a server it stops and starts); default: a fresh test database. */
  readonly database?: TestDatabase;
}

/** A clock a test moves: `now` undefined means the real time. */
export interface TestClock {
  now?: Date;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const database = options.database ?? (await createTestDatabase());
  const secret = randomBytes(32);
  const secrets: ResolvedSecrets = {
    jwt: { issuer: 'casetrail-test', audience: 'casetrail-api', algorithm: 'HS256', secret },
    vaultMasterKeyBase64: randomBytes(32).toString('base64'),
    vaultLookupKeyBase64: randomBytes(32).toString('base64'),
    development: [],
  };
  const logLines: string[] = [];
  const logger = new JsonLogger('debug', 'test-api', (line) => logLines.push(line));
  // Tests send many requests as one user; a test of the rate limit sets RATE_LIMIT_PER_MINUTE low.
  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '1000000', ...options.env, DATABASE_URL: database.url, NODE_ENV: 'test', ...(options.projector ? { PROJECTOR_IN_API: 'true' } : {}) });
  const app = await createApiApp({
    config,
    logger,
    pool: database.pool,
    secrets,
    databaseUrl: database.url,
    clock: () => options.clock?.now ?? new Date(),
  });
  const token = (roles: readonly Role[], subject = `user-${roles.join('-')}`) =>
    mintDevToken({ subject, roles, secret, issuer: 'casetrail-test', audience: 'casetrail-api', expiresIn: '10m' });

  async function send(method: 'GET' | 'POST', url: string, body: unknown, options: RequestOptions = {}): Promise<TestResponse> {
    const roles = options.as === undefined ? (['admin'] as const) : options.as;
    const headers: Record<string, string> = { ...options.headers };
    const purpose = options.purpose === undefined ? TEST_READ_PURPOSE : options.purpose;
    if (method === 'GET' && purpose !== null && !Object.keys(headers).some((name) => name.toLowerCase() === 'x-purpose')) headers['x-purpose'] = purpose;
    if (roles !== null) headers.authorization = `Bearer ${await token(roles, options.subject)}`;
    const response = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    let parsed: unknown = response.body;
    try {
      parsed = response.body === '' ? undefined : JSON.parse(response.body);
    } catch {
      // not JSON: keep the text
    }
    return { statusCode: response.statusCode, headers: response.headers, body: parsed };
  }

  return {
    app,
    database,
    logLines,
    token,
    post: (url, body, options) => send('POST', url, body, options),
    get: (url, options) => send('GET', url, undefined, options),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
