import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { JsonLogger, loadConfig, type ResolvedSecrets } from '@casetrail/platform';
import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { createApiApp } from '../apps/api/src/api-app.factory';

describe('GET /health', () => {
  let database: TestDatabase;
  let app: NestFastifyApplication;
  const logger = new JsonLogger('error', 'test', () => undefined);
  const secrets: ResolvedSecrets = {
    jwt: { issuer: 'casetrail-test', audience: 'casetrail-api', algorithm: 'HS256', secret: randomBytes(32) },
    vaultMasterKeyBase64: randomBytes(32).toString('base64'),
    vaultLookupKeyBase64: randomBytes(32).toString('base64'),
    development: [],
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApp({ config: loadConfig({ DATABASE_URL: database.url }), logger, pool: database.pool, secrets, databaseUrl: database.url });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('answers 200 with the database, event-store and projections status', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: { status: 'up' },
      eventStore: { adapter: 'postgres', status: 'up' },
      projections: { status: 'up', parked: 0, maxLag: 0, parkedProjections: [] },
    });
  });

  it('answers an unknown route with a problem document', async () => {
    const response = await app.inject({ method: 'GET', url: '/no-such-route?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'REQUEST.NOT_FOUND', title: 'Not Found', instance: '/no-such-route' });
  });

  it('answers 503, naming what is down, when the database goes away', async () => {
    const doomed = await createTestDatabase({ poolSize: 2 });
    const doomedApp = await createApiApp({ config: loadConfig({ DATABASE_URL: doomed.url }), logger, pool: doomed.pool, secrets, databaseUrl: doomed.url });
    try {
      expect((await doomedApp.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      await doomed.dropUnderPool();
      const response = await doomedApp.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'unavailable', database: { status: 'down' }, eventStore: { status: 'down' } });
    } finally {
      await doomedApp.close().catch(() => undefined);
      await doomed.drop();
    }
  });
});
