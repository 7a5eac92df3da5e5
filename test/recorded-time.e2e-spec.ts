import { startTestApi, type TestApi, type TestClock } from './support/api-test-app';

describe("the server's clock sets recorded time", () => {
  const clock: TestClock = {};
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(async () => {
    await api.close();
  });

  it('records a write at the time the server received it, independent of its effective time', async () => {
    clock.now = new Date('2023-06-28T08:00:00Z');
    const opened = await api.post('/citizen-cases', {
      caseNumber: 'EMN-2023-05050',
      cpr: '0101901234',
      legalArea: 'AKTIVLOVEN',
      owningUnit: 'Jobcenter Nord',
      effectiveAt: '2021-01-04T09:00:00+01:00',
    });
    clock.now = undefined;
    const { rows } = await api.database.pool.query(`SELECT metadata FROM event_store.events WHERE stream_name = $1`, [opened.body.streamName]);
    expect(rows[0].metadata).toMatchObject({ recordedAt: '2023-06-28T08:00:00.000Z', effectiveAt: '2021-01-04T08:00:00.000Z' });
  });
});
