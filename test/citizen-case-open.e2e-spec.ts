import { startTestApi, type TestApi } from './support/api-test-app';

const CPR = '0101901234';
const CPR_DASHED = '010190-1234';
const openBody = (overrides: Record<string, unknown> = {}) => ({
  caseNumber: '24-1-15.20.00-P27',
  cpr: CPR_DASHED,
  legalArea: 'AKTIVLOVEN',
  owningUnit: 'Jobcenter Nord',
  ...overrides,
});

describe('opening a citizen case over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('opens the case: 201, Location, ETag "0", a global position, and a pseudonymous citizen reference', async () => {
    const opened = await api.post('/citizen-cases', openBody({ effectiveAt: '2023-06-28T09:00:00+02:00' }), {
      as: ['caseworker'],
      subject: 'caseworker-7',
      headers: { 'x-correlation-id': 'corr-open-1' },
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.headers.etag).toBe('"0"');
    expect(opened.headers.location).toBe(`/citizen-cases/${opened.body.caseId}`);
    expect(opened.headers['x-correlation-id']).toBe('corr-open-1');
    expect(opened.body).toMatchObject({ streamName: `citizen-case-${opened.body.caseId}`, revision: 0, events: ['CaseOpened'] });
    expect(opened.body.position).toMatch(/^\d+$/);

    const fetched = await api.get(opened.headers.location as string, { as: ['auditor'] });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers.etag).toBe('"0"');
    expect(fetched.body.state).toMatchObject({
      status: 'OPEN',
      caseNumber: { value: '24-1-15.20.00-P27', kle: { subject: '15.20.00', facet: 'P27' } },
      legalArea: 'AKTIVLOVEN',
      openedOn: '2023-06-28',
    });
    expect(fetched.body.state.citizenRef).toMatch(/^[0-9a-f-]{36}$/);

    const { rows } = await api.database.pool.query(`SELECT metadata FROM event_store.events WHERE stream_name = $1`, [opened.body.streamName]);
    expect(rows[0].metadata).toMatchObject({ actor: 'caseworker-7', correlationId: 'corr-open-1', effectiveAt: '2023-06-28T07:00:00.000Z' });
  });

  it('gives the same citizen the same reference in a second case', async () => {
    const first = await api.post('/citizen-cases', openBody({ cpr: '2508851234' }));
    const second = await api.post('/citizen-cases', openBody({ cpr: '250885-1234', caseNumber: 'EMN-2023-05050' }));
    const [a, b] = await Promise.all([first, second].map((r) => api.get(`/citizen-cases/${r.body.caseId}`)));
    expect(a.body.state.citizenRef).toBe(b.body.state.citizenRef);
  });

  it('never stores or logs the CPR number: not in events, tables or log lines', async () => {
    await api.post('/citizen-cases', openBody({ cpr: '3112995678' }));
    await api.post('/citizen-cases', openBody({ cpr: '311299-5678', caseNumber: 'x' }));
    const needles = [CPR, CPR_DASHED, '2508851234', '250885-1234', '3112995678', '311299-5678'];
    const { rows: tables } = await api.database.pool.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual(expect.arrayContaining(['event_store.events', 'personal_data.citizens', 'api.idempotency_keys']));
    for (const table of tables) {
      const { rows } = await api.database.pool.query<{ row: string }>(`SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`);
      for (const { row } of rows) for (const needle of needles) expect(row.includes(needle) ? `${table.schema}.${table.name} holds a CPR number` : 'clean').toBe('clean');
    }
    expect(api.logLines.length).toBeGreaterThan(0);
    for (const line of api.logLines) for (const needle of needles) expect(line.includes(needle) ? 'a log line holds a CPR number' : 'clean').toBe('clean');
  });

  it('refuses malformed input with 400 naming each field, storing nothing', async () => {
    const before = await countEvents();
    const response = await api.post('/citizen-cases', { caseNumber: 7, cpr: '12', legalArea: 'TAX', extra: true });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('REQUEST.VALIDATION_FAILED');
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['caseNumber', 'cpr', 'legalArea', 'owningUnit', 'extra']));
    expect(JSON.stringify(response.body)).not.toContain('12"');
    expect(await countEvents()).toBe(before);
  });

  it('refuses a CPR number whose date does not exist, naming the field and not echoing it', async () => {
    const response = await api.post('/citizen-cases', openBody({ cpr: '3102901234' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatchObject({ code: 'CPR.INVALID', field: 'cpr' });
    expect(JSON.stringify(response.body)).not.toContain('3102901234');
  });

  it('accepts a CPR number that fails the modulus-11 check', async () => {
    expect((await api.post('/citizen-cases', openBody({ cpr: '0101900000' }))).statusCode).toBe(201);
  });

  it('refuses a broken domain rule with 422 and its dotted code', async () => {
    const response = await api.post('/citizen-cases', openBody({ caseNumber: 'SAG 12' }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatchObject({ code: 'CASE_NUMBER.INVALID', field: 'caseNumber', status: 422 });
  });

  it('answers 401 without a token and 403 to an auditor, who may not write', async () => {
    const anonymous = await api.post('/citizen-cases', openBody(), { as: null });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.MISSING_TOKEN');
    const auditor = await api.post('/citizen-cases', openBody(), { as: ['auditor'] });
    expect(auditor.statusCode).toBe(403);
    expect(auditor.body.code).toBe('AUTH.FORBIDDEN_ROLE');
  });

  it('replays the first response to a retry with the same Idempotency-Key and stores nothing new', async () => {
    const headers = { 'idempotency-key': 'open-case-retry-0001' };
    const first = await api.post('/citizen-cases', openBody({ caseNumber: '17/7397' }), { headers, subject: 'cw-1' });
    const before = await countEvents();
    const retry = await api.post('/citizen-cases', openBody({ caseNumber: '17/7397' }), { headers, subject: 'cw-1' });
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(await countEvents()).toBe(before);

    const reused = await api.post('/citizen-cases', openBody({ caseNumber: '2016/05156' }), { headers, subject: 'cw-1' });
    expect(reused.statusCode).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await countEvents()).toBe(before);
  });

  it('answers 404 for an unknown case and 400 for an id that is not a UUID', async () => {
    expect((await api.get('/citizen-cases/0190c7a2-0000-7000-8000-000000000001')).statusCode).toBe(404);
    const bad = await api.get('/citizen-cases/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatchObject({ code: 'REQUEST.INVALID_ID', field: 'caseId' });
  });

  it('refuses a body over 256 KB with 413', async () => {
    const response = await api.post('/citizen-cases', openBody({ owningUnit: 'x'.repeat(300 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.body).toMatchObject({ status: 413, code: 'REQUEST.BODY_TOO_LARGE' });
  });

  it('publishes the OpenAPI document with the routes and their problem responses', async () => {
    const response = await api.get('/docs-json', { as: null });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/citizen-cases', '/citizen-cases/{caseId}', '/health']));
    expect(Object.keys(response.body.paths['/citizen-cases'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '412', '422']));
  });

  async function countEvents(): Promise<number> {
    const { rows } = await api.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
    return Number(rows[0].n);
  }
});
