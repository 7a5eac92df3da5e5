import { EVENT_STORE, SCHEMA_VERSION, type EventStore } from '@casetrail/event-store';
import { uuidv7, type Role } from '@casetrail/platform';
import { waitFor } from '@casetrail/testing';
import { startTestApi, type TestApi, type TestResponse } from './support/api-test-app';

/**
 * Operating the read models through HTTP, with the projector in the API process: read-your-writes
 * that cannot be met in time, projection status and lag, parked events in /health and
 * /projections, and an operator's retry.
 */
const CASEWORKER = { as: ['caseworker'] as Role[], subject: 'caseworker-ops' };
const ADMIN = { as: ['admin'] as Role[] };
const AUDITOR = { as: ['auditor'] as Role[] };
/** Far beyond any position a test's log reaches (a position is (tx_id << 64) | seq). */
const NEVER = '9'.repeat(39);
const WAIT_MS = 300;
const PROJECTION_NAMES = ['citizen-cases', 'audit-trail', 'committee-minutes'];

const openBody = (caseNumber: string, owningUnit = 'Jobcenter Nord') => ({ caseNumber, cpr: '010190-1234', legalArea: 'AKTIVLOVEN', owningUnit, openedOn: '2023-01-02' });

async function created(request: Promise<TestResponse>): Promise<any> {
  const response = await request;
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function projectionsOf(api: TestApi): Promise<Record<string, any>> {
  const response = await api.get('/projections', AUDITOR);
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(response.body.items.map((p: { name: string }) => [p.name, p]));
}

/**
 * A read that must succeed once its projections have reached `minPosition`. Retried on 503: with
 * the short READ_YOUR_WRITES_TIMEOUT_MS of these tests, an older transaction elsewhere on the shared
 * test server may hold the global log back for longer than one wait.
 */
function served(api: TestApi, url: string): Promise<any> {
  return waitFor(`200 from ${url}`, async () => {
    const response = await api.get(url, ADMIN);
    if (response.statusCode === 503) return undefined;
    expect(response.statusCode).toBe(200);
    return response.body;
  });
}

/** Waits until every projection has read the log through `position`. */
function caughtUp(api: TestApi, position: string): Promise<true> {
  return waitFor(`projections at ${position}`, async () => {
    const projections = Object.values(await projectionsOf(api));
    return projections.every((p) => BigInt(p.position) >= BigInt(position)) ? true : undefined;
  });
}

describe('operating the read models', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ projector: true, env: { READ_YOUR_WRITES_TIMEOUT_MS: String(WAIT_MS) } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists every projection with its checkpoint, events applied, last move, lag and parked events', async () => {
    const opened = await created(api.post('/citizen-cases', openBody('EMN-2023-00101'), CASEWORKER));
    await caughtUp(api, opened.position);
    const response = await api.get('/projections', ADMIN);
    expect(response.statusCode).toBe(200);
    expect(response.body.items.map((p: { name: string }) => p.name)).toEqual(PROJECTION_NAMES);
    const projections = await projectionsOf(api);
    expect(projections['citizen-cases']).toEqual({
      name: 'citizen-cases',
      position: expect.stringMatching(/^\d+$/),
      eventsApplied: 1,
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      lag: 0,
      parked: 0,
    });
    expect(projections['audit-trail']).toMatchObject({ eventsApplied: 1, lag: 0, parked: 0 });
    expect(projections['committee-minutes']).toMatchObject({ eventsApplied: 0, lag: 0, parked: 0 });

    const health = await api.get('/health', { as: null });
    expect(health.statusCode).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      database: { status: 'up' },
      eventStore: { adapter: 'postgres', status: 'up' },
      projections: { status: 'up', parked: 0, maxLag: 0, parkedProjections: [] },
    });
  });

  it('answers 503 READ_MODEL.NOT_YET_CAUGHT_UP with Retry-After when minPosition is not reached in time', async () => {
    for (const url of [
      `/read-models/cases?minPosition=${NEVER}`,
      `/read-models/sanctions?stricter=true&minPosition=${NEVER}`,
      `/read-models/committee-meetings/beskaeftigelsesudvalget/2025-01-14/minutes?minPosition=${NEVER}`,
    ]) {
      const started = Date.now();
      const response = await api.get(url, ADMIN);
      const waited = Date.now() - started;
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 503, code: 'READ_MODEL.NOT_YET_CAUGHT_UP', minPosition: NEVER });
      expect(waited).toBeGreaterThanOrEqual(WAIT_MS - 5);
      expect(waited).toBeLessThan(WAIT_MS + 2_000);
    }
    const response = await api.get(`/read-models/committee-items?minPosition=${NEVER}`, ADMIN);
    expect(response.body.projections).toEqual([{ name: 'committee-minutes', position: expect.stringMatching(/^\d+$/) }]);
  });

  it('keeps /projections to admin and auditor, and the retry to admin', async () => {
    for (const role of ['caseworker', 'committee-secretary', 'appeals-liaison'] as Role[]) {
      expect((await api.get('/projections', { as: [role] })).statusCode).toBe(403);
      expect((await api.get('/projections/parked', { as: [role] })).statusCode).toBe(403);
    }
    expect((await api.get('/projections/parked', AUDITOR)).statusCode).toBe(200);
    expect((await api.post('/projections/citizen-cases/retry', {}, AUDITOR)).statusCode).toBe(403);
    expect((await api.get('/projections', { as: null })).statusCode).toBe(401);
  });

  it('answers 404 for a retry of an unknown projection, and releases nothing where nothing is parked', async () => {
    const unknown = await api.post('/projections/no-such-projection/retry', {}, ADMIN);
    expect(unknown).toMatchObject({ statusCode: 404, body: { code: 'PROJECTION.NOT_FOUND' } });
    const nothing = await api.post('/projections/audit-trail/retry', {}, ADMIN);
    expect(nothing).toMatchObject({ statusCode: 200, body: { projection: 'audit-trail', released: 0 } });
  });

  it('parks an event the read model refuses, shows it to operators, and applies it once retried after the fix', async () => {
    // The fault: the case summary table refuses one owning unit, as a broken deployment might.
    await api.database.pool.query(`ALTER TABLE read_model.case_summary ADD CONSTRAINT test_fault CHECK (owning_unit <> 'Jobcenter Fejl')`);
    const refused = await created(api.post('/citizen-cases', openBody('EMN-2023-00102', 'Jobcenter Fejl'), CASEWORKER));
    const parked = await waitFor('a parked event', async () => {
      const response = await api.get('/projections/parked', AUDITOR);
      return response.body.items.length > 0 ? response.body.items : undefined;
    });
    expect(parked).toEqual([
      {
        projection: 'citizen-cases',
        position: refused.position,
        eventId: expect.any(String),
        eventType: 'CaseOpened',
        streamName: refused.streamName,
        error: expect.stringContaining('test_fault'),
        parkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);

    // Another case behind it: the projection waits at the parked event, the others move on.
    const behind = await created(api.post('/citizen-cases', openBody('EMN-2023-00103'), CASEWORKER));
    // The timeline reads the audit trail only: it reaches the position the parked projection cannot.
    await served(api, `/read-models/cases/${behind.caseId}/timeline?minPosition=${behind.position}`);
    const stuck = await api.get(`/read-models/cases?minPosition=${refused.position}`, ADMIN);
    expect(stuck).toMatchObject({ statusCode: 503, body: { code: 'READ_MODEL.NOT_YET_CAUGHT_UP', projections: [{ name: 'citizen-cases' }] } });

    const projections = await projectionsOf(api);
    expect(projections['citizen-cases']).toMatchObject({ parked: 1, lag: 2 });
    expect(projections['audit-trail']).toMatchObject({ parked: 0, lag: 0 });

    const health = await api.get('/health', { as: null });
    expect(health.statusCode).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      database: { status: 'up' },
      eventStore: { status: 'up' },
      projections: { status: 'degraded', parked: 1, maxLag: 2, parkedProjections: ['citizen-cases'] },
    });

    await api.database.pool.query(`ALTER TABLE read_model.case_summary DROP CONSTRAINT test_fault`);
    const retried = await api.post('/projections/citizen-cases/retry', {}, ADMIN);
    expect(retried).toMatchObject({ statusCode: 200, body: { projection: 'citizen-cases', released: 1 } });

    const listed = await served(api, `/read-models/cases?owningUnit=Jobcenter%20Fejl&minPosition=${behind.position}`);
    expect(listed.items).toEqual([expect.objectContaining({ caseId: refused.caseId, owningUnit: 'Jobcenter Fejl' })]);
    expect((await api.get('/projections/parked', AUDITOR)).body.items).toEqual([]);
    expect((await projectionsOf(api))['citizen-cases']).toMatchObject({ parked: 0, lag: 0 });
    expect((await api.get('/health', { as: null })).body).toMatchObject({ status: 'ok', projections: { status: 'up', parked: 0, maxLag: 0 } });
  });
});

describe('a poisoned event in a citizen case', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ projector: true, env: { READ_YOUR_WRITES_TIMEOUT_MS: String(WAIT_MS) } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('stops the citizen-cases projection at the event, shows it in /health and /projections/parked, and retries it when released', async () => {
    const opened = await created(api.post('/citizen-cases', openBody('EMN-2023-00201'), CASEWORKER));
    // Appended past the command path: a SanctionImposed without the legal basis the projection reads.
    const store = api.app.get<EventStore>(EVENT_STORE, { strict: false });
    const poison = {
      id: uuidv7(),
      type: 'SanctionImposed',
      data: { sanctionId: uuidv7(), sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY', breachDate: '2021-02-01', period: { from: '2021-03-01', to: '2021-05-31' }, amountDeductedOre: 1000, decidedOn: '2021-02-15' },
      metadata: { correlationId: 'poison', causationId: null, actor: 'system:test', recordedAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION },
    };
    const appended = await store.appendToStream(opened.streamName, [poison]);

    const [parked] = await waitFor('the poisoned event parked', async () => {
      const response = await api.get('/projections/parked', ADMIN);
      return response.body.items.length > 0 ? response.body.items : undefined;
    });
    expect(parked).toMatchObject({
      projection: 'citizen-cases',
      position: appended.position.toString(),
      eventId: poison.id,
      eventType: 'SanctionImposed',
      streamName: opened.streamName,
      error: expect.stringContaining('law'),
    });

    const health = await api.get('/health', { as: null });
    expect(health).toMatchObject({ statusCode: 200, body: { status: 'degraded', projections: { status: 'degraded', parked: 1, maxLag: 1, parkedProjections: ['citizen-cases'] } } });
    expect((await projectionsOf(api))['citizen-cases']).toMatchObject({ parked: 1, lag: 1, position: opened.position });
    // The case itself is still served as it stood before the event; the audit trail has the event.
    const cases = await api.get(`/read-models/cases?minPosition=${opened.position}`, ADMIN);
    expect(cases.body.items).toEqual([expect.objectContaining({ caseId: opened.caseId, sanctionCount: 0 })]);
    const stuck = await api.get(`/read-models/cases?minPosition=${appended.position}`, ADMIN);
    expect(stuck).toMatchObject({ statusCode: 503, body: { code: 'READ_MODEL.NOT_YET_CAUGHT_UP' } });
    const timeline = await served(api, `/read-models/cases/${opened.caseId}/timeline?minPosition=${appended.position}`);
    expect(timeline.items.map((row: { eventType: string }) => row.eventType)).toEqual(['CaseOpened', 'SanctionImposed']);

    const retried = await api.post('/projections/citizen-cases/retry', {}, ADMIN);
    expect(retried).toMatchObject({ statusCode: 200, body: { projection: 'citizen-cases', released: 1 } });
    // Nothing has fixed the event, so the projector's retry parks it again: a later parkedAt.
    const again = await waitFor('the event parked again after the retry', async () => {
      const response = await api.get('/projections/parked', ADMIN);
      const [event] = response.body.items;
      return event && Date.parse(event.parkedAt) > Date.parse(parked.parkedAt) ? event : undefined;
    });
    expect(again).toMatchObject({ eventId: poison.id, projection: 'citizen-cases' });
    expect((await api.get('/health', { as: null })).body.projections).toMatchObject({ status: 'degraded', parked: 1 });
  });
});
