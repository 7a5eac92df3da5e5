import type { Role } from '@casetrail/platform';
import { startTestApi, type RequestOptions, type TestApi } from './support/api-test-app';

const CPR = '0101901234';
const SANCTION = {
  sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
  breachDate: '2021-03-01',
  period: { from: '2021-04-01', to: '2021-06-30' },
  amountDeductedOre: 1234500,
  decidedOn: '2021-03-15',
};
const UNKNOWN_ID = '0190c7a2-0000-7000-8000-00000000beef';

describe("the access log: every person's read of a citizen's case, with who, when and why", () => {
  let api: TestApi;
  let caseId: string;
  let citizenRef: string;
  let position: string;
  let stream: string;

  const countEntries = async (): Promise<number> => {
    const { rows } = await api.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM access_log.entries');
    return Number(rows[0].n);
  };
  const read = (url: string, as: Role, options: Omit<RequestOptions, 'as'> = {}) => api.get(url, { as: [as], ...options });
  const accessLog = (as: Role = 'appeals-liaison', query = '') => api.get(`/citizens/${citizenRef}/access-log${query}`, { as: [as] });

  beforeAll(async () => {
    api = await startTestApi({ projector: true });
    const opened = await api.post('/citizen-cases', { caseNumber: 'EMN-2023-05050', cpr: CPR, legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord' }, { as: ['caseworker'] });
    expect(opened.statusCode).toBe(201);
    caseId = opened.body.caseId;
    stream = opened.body.streamName;
    const sanction = await api.post(`/citizen-cases/${caseId}/sanctions`, SANCTION, { as: ['caseworker'] });
    expect(sanction.statusCode).toBe(201);
    position = sanction.body.position;
    const { rows } = await api.database.pool.query<{ ref: string }>(`SELECT data->>'citizenRef' AS ref FROM event_store.events WHERE stream_name = $1 AND revision = 0`, [stream]);
    citizenRef = rows[0].ref;
  });
  afterAll(async () => {
    await api.close();
  });

  describe('a read without a stated purpose', () => {
    it.each([
      ['GET /citizen-cases/:caseId', () => `/citizen-cases/${caseId}`],
      ['GET /read-models/cases/:caseId/timeline', () => `/read-models/cases/${caseId}/timeline?minPosition=${position}`],
      ['GET /read-models/sanctions?caseId=', () => `/read-models/sanctions?caseId=${caseId}`],
      ['GET /cases/:stream/state', () => `/cases/${stream}/state?atRevision=0`],
      ['GET /cases/:stream/history', () => `/cases/${stream}/history`],
      ['GET /cases/:stream/export', () => `/cases/${stream}/export`],
    ])('%s is refused with 400 ACCESS.PURPOSE_REQUIRED naming X-Purpose, and nothing is recorded', async (_route, url) => {
      const before = await countEntries();
      const role: Role = url().startsWith('/cases/') ? 'auditor' : 'caseworker';
      for (const options of [{ purpose: null }, { purpose: '   ' }, { purpose: null, headers: { 'x-purpose': '' } }]) {
        const response = await read(url(), role, options);
        expect(response.statusCode).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).toMatchObject({ status: 400, code: 'ACCESS.PURPOSE_REQUIRED', field: 'X-Purpose', errors: [{ field: 'X-Purpose', code: 'ACCESS.PURPOSE_REQUIRED' }] });
      }
      expect(await countEntries()).toBe(before);
    });

    it('is refused with 400 ACCESS.PURPOSE_INVALID when too long, not printable or holding a CPR number', async () => {
      const before = await countEntries();
      for (const purpose of ['x'.repeat(201), 'tab\tinside', 'Opslag på 010190-1234']) {
        const response = await read(`/citizen-cases/${caseId}?purpose=${encodeURIComponent(purpose)}`, 'caseworker', { purpose: null });
        expect(response.statusCode).toBe(400);
        expect(response.body).toMatchObject({ code: 'ACCESS.PURPOSE_INVALID', field: 'X-Purpose' });
        expect(JSON.stringify(response.body)).not.toContain('010190');
      }
      expect(await countEntries()).toBe(before);
    });

    it('is refused by role before the purpose is asked for', async () => {
      const response = await read(`/read-models/cases/${caseId}/timeline`, 'committee-secretary', { purpose: null });
      expect(response).toMatchObject({ statusCode: 403, body: { code: 'AUTH.FORBIDDEN_ROLE' } });
    });

    it('is fine where no single citizen is read: the sanction register unfiltered, another kind of stream', async () => {
      const before = await countEntries();
      expect((await read(`/read-models/sanctions?minPosition=${position}`, 'appeals-liaison', { purpose: null })).statusCode).toBe(200);
      expect((await read(`/read-models/sanctions?purpose=statistics`, 'appeals-liaison', { purpose: null })).statusCode).toBe(200);
      expect((await read(`/cases/inquiry-${UNKNOWN_ID}/history`, 'auditor', { purpose: null })).statusCode).toBe(404);
      expect(await countEntries()).toBe(before);
    });
  });

  it('records one entry per read with who, when, which citizen, the route and the purpose; the citizen sees them newest first', async () => {
    const start = await countEntries();
    const startedAt = Date.now();
    const reads: { url: string; as: Role; subject: string; purpose: string; route: string; options?: Omit<RequestOptions, 'as'> }[] = [
      { url: `/citizen-cases/${caseId}`, as: 'caseworker', subject: 'caseworker-9', purpose: 'Partshøring før afgørelse', route: 'GET /citizen-cases/:caseId' },
      {
        url: `/read-models/cases/${caseId}/timeline?minPosition=${position}&purpose=${encodeURIComponent('Klage: sagens forløb')}`,
        as: 'appeals-liaison',
        subject: 'liaison-2',
        purpose: 'Klage: sagens forløb',
        route: 'GET /read-models/cases/:caseId/timeline',
        options: { purpose: null },
      },
      {
        url: `/read-models/sanctions?caseId=${caseId.toUpperCase()}&minPosition=${position}`,
        as: 'auditor',
        subject: 'auditor-3',
        purpose: 'Praksisundersøgelse § 40 a',
        route: 'GET /read-models/sanctions',
        // As a client sends UTF-8 in a header: Node reads the bytes as latin1.
        options: { headers: { 'x-purpose': Buffer.from('Praksisundersøgelse § 40 a', 'utf8').toString('latin1') } },
      },
      { url: `/cases/${stream}/state?atRevision=0`, as: 'auditor', subject: 'auditor-3', purpose: 'Revision: tilstand', route: 'GET /cases/:stream/state' },
      { url: `/cases/${stream}/history`, as: 'auditor', subject: 'auditor-3', purpose: 'Revision: historik', route: 'GET /cases/:stream/history' },
      {
        url: `/cases/${stream}/diff?from=2000-01-01T00:00:00Z&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
        as: 'auditor',
        subject: 'auditor-3',
        purpose: 'Revision: ændringer',
        route: 'GET /cases/:stream/diff',
      },
      { url: `/cases/${stream}/export`, as: 'admin', subject: 'admin-1', purpose: 'Udlevering til DPO', route: 'GET /cases/:stream/export' },
    ];
    for (const r of reads) {
      const response = await read(r.url, r.as, { subject: r.subject, purpose: r.purpose, ...r.options });
      expect(`${r.route}: ${response.statusCode}`).toBe(`${r.route}: 200`);
    }
    const finishedAt = Date.now();
    expect(await countEntries()).toBe(start + reads.length);

    const listed = await accessLog('appeals-liaison', `?pageSize=${reads.length}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.body).toMatchObject({ page: 1, pageSize: reads.length, total: start + reads.length });
    const newestFirst = [...reads].reverse();
    expect(listed.body.items).toEqual(
      newestFirst.map((r) =>
        expect.objectContaining({ citizenRef, caseId, actor: r.subject, purpose: r.purpose, route: r.route, accessedAt: expect.any(String) }),
      ),
    );
    expect(listed.body.items[reads.length - 1].path).toBe(`/citizen-cases/${caseId}`);
    const times = listed.body.items.map((entry: { accessedAt: string }) => Date.parse(entry.accessedAt));
    for (const time of times) {
      expect(time).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(time).toBeLessThanOrEqual(finishedAt + 1000);
    }
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const second = await accessLog('admin', `?pageSize=2&page=2`);
    expect(second.body.items.map((e: { purpose: string }) => e.purpose)).toEqual([newestFirst[2].purpose, newestFirst[3].purpose]);
  });

  it('records nothing for a read that fails', async () => {
    const before = await countEntries();
    expect((await read(`/citizen-cases/${UNKNOWN_ID}`, 'caseworker')).statusCode).toBe(404);
    expect((await read(`/cases/citizen-case-${UNKNOWN_ID}/history`, 'auditor')).statusCode).toBe(404);
    expect((await read('/citizen-cases/not-a-uuid', 'caseworker')).statusCode).toBe(400);
    expect((await read(`/read-models/sanctions?caseId=${UNKNOWN_ID}`, 'caseworker')).body.items).toEqual([]);
    expect(await countEntries()).toBe(before);
  });

  it('shows the log to appeals-liaison and admin only', async () => {
    for (const role of ['caseworker', 'auditor', 'committee-secretary'] as const) {
      expect(await accessLog(role)).toMatchObject({ statusCode: 403, body: { code: 'AUTH.FORBIDDEN_ROLE' } });
    }
    expect((await api.get(`/citizens/${citizenRef}/access-log`, { as: null })).statusCode).toBe(401);
    expect((await accessLog('appeals-liaison')).statusCode).toBe(200);
    expect((await accessLog('admin')).statusCode).toBe(200);
  });

  it('answers 404 for an unknown citizen and 400 for a reference that is not a UUID or bad paging', async () => {
    expect((await api.get(`/citizens/${UNKNOWN_ID}/access-log`)).body).toMatchObject({ status: 404, code: 'CITIZEN.NOT_FOUND' });
    expect((await api.get('/citizens/0101901234/access-log')).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_ID', field: 'citizenRef' });
    expect((await accessLog('admin', '?pageSize=501')).body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'pageSize' })] });
  });

  it('keeps the log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const before = await countEntries();
    expect(before).toBeGreaterThan(0);
    await expect(api.database.pool.query(`UPDATE access_log.entries SET purpose = 'rewritten', actor = 'nobody'`)).rejects.toThrow(/append-only/);
    await expect(api.database.pool.query('DELETE FROM access_log.entries WHERE citizen_ref = $1', [citizenRef])).rejects.toThrow(/append-only/);
    await expect(api.database.pool.query('TRUNCATE access_log.entries')).rejects.toThrow(/append-only/);
    expect(await countEntries()).toBe(before);
    const { rows } = await api.database.pool.query(`SELECT count(*)::int AS n FROM access_log.entries WHERE purpose = 'rewritten'`);
    expect(rows[0].n).toBe(0);
  });

  it('holds no CPR number in the log, and the routes document X-Purpose', async () => {
    const { rows } = await api.database.pool.query<{ row: string }>('SELECT t::text AS row FROM access_log.entries t');
    for (const { row } of rows) expect(row.includes(CPR) || row.includes('010190-1234')).toBe(false);
    const docs = await api.get('/docs-json', { as: null });
    const parameters = docs.body.paths['/citizen-cases/{caseId}'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(parameters).toEqual(expect.arrayContaining(['header:X-Purpose', 'query:purpose']));
  });
});
