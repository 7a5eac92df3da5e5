import { startTestApi, type TestApi } from './support/api-test-app';

describe('GET /metrics', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ projector: true });
  });
  afterAll(async () => {
    await api.close();
  });

  it('reports requests, commands by outcome, append latency and projections in the Prometheus format', async () => {
    const body = { caseNumber: 'EMN-2023-05050', cpr: '0101901234', legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord' };
    expect((await api.post('/citizen-cases', body)).statusCode).toBe(201);
    expect((await api.post('/citizen-cases', { ...body, caseNumber: 'bad' })).statusCode).toBe(422);
    const response = await api.get('/metrics', { as: null });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = String(response.body);
    expect(text).toMatch(/casetrail_http_requests_total\{method="POST",route="\/citizen-cases",status="201"\} 1/);
    expect(text).toMatch(/casetrail_commands_total\{command="POST \/citizen-cases",outcome="accepted"\} 1/);
    expect(text).toMatch(/casetrail_commands_total\{command="POST \/citizen-cases",outcome="refused"\} 1/);
    expect(text).toMatch(/casetrail_event_store_append_duration_seconds_count 1/);
    expect(text).toMatch(/casetrail_projection_lag_events\{projection="citizen-cases"\} \d+/);
    expect(text).not.toContain('0101901234');
  });
});
