import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { waitFor } from '@casetrail/testing';
import { startTestApi, type TestApi } from './support/api-test-app';

const VERIFY = resolve(__dirname, '../dist/scripts/verify.js');

describe('integrity over HTTP and `npm run verify`', () => {
  let api: TestApi;
  let stream: string;

  beforeAll(async () => {
    if (!existsSync(VERIFY)) throw new Error(`${VERIFY} is missing: run "npm run build" first (npm test does)`);
    api = await startTestApi();
    const opened = await api.post('/citizen-cases', { caseNumber: 'EMN-2023-05050', cpr: '0101901234', legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord' });
    stream = opened.body.streamName;
    const sanction = await api.post(`${opened.headers.location}/sanctions`, {
      sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
      breachDate: '2021-03-01',
      period: { from: '2021-04-01', to: '2021-06-30' },
      amountDeductedOre: 1234500,
      decidedOn: '2021-03-15',
    });
    expect(sanction.statusCode).toBe(201);
  });
  afterAll(async () => {
    await api.close();
  });

  const verifyCli = () =>
    spawnSync(process.execPath, [VERIFY], { env: { ...process.env, DATABASE_URL: api.database.url, LOG_LEVEL: 'error' }, encoding: 'utf8' });

  it('verifies an untouched stream and seals the log for export', async () => {
    const verified = await api.get(`/integrity/streams/${stream}`, { as: ['auditor'] });
    expect(verified.statusCode).toBe(200);
    expect(verified.body).toMatchObject({ streamName: stream, ok: true, eventsChecked: 2 });
    // Sealing reads the global log, which shows events once older transactions on the server (other
    // test files') have ended: ask again until both events are sealed.
    const latest = await waitFor('both events to be sealed', async () => {
      const response = await api.get('/integrity/checkpoints/latest', { as: ['auditor'] });
      return response.body.eventCount === 2 ? response : undefined;
    }, { timeoutMs: 30_000, intervalMs: 20 });
    expect(latest.body).toMatchObject({ eventCount: 2, runningHash: expect.stringMatching(/^[0-9a-f]{64}$/), position: expect.stringMatching(/^\d+$/) });
    const cli = verifyCli();
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/OK: 2 events in 1 streams verified; [1-9]\d* sealed checkpoints match/);
  });

  it('refuses a caseworker', async () => {
    expect((await api.get(`/integrity/streams/${stream}`, { as: ['caseworker'] })).statusCode).toBe(403);
  });

  it('names the changed event, over HTTP and in `npm run verify`', async () => {
    const client = await api.database.pool.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await client.query(`UPDATE event_store.events SET data = jsonb_set(data, '{amountDeductedOre}', '1234501') WHERE stream_name = $1 AND revision = 1`, [stream]);
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
    const verified = await api.get(`/integrity/streams/${stream}`, { as: ['admin'] });
    expect(verified.body).toMatchObject({ ok: false, problem: { kind: 'CONTENT_CHANGED', streamName: stream, revision: 1 } });
    const cli = verifyCli();
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`FAILED: CONTENT_CHANGED in ${stream} at revision 1`);
  });
});
