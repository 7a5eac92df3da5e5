import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PERSONAL_DATA_VAULT, type PersonalDataVault } from '@casetrail/personal-data';
import { startTestApi, type TestApi } from './support/api-test-app';

const VERIFY = resolve(__dirname, '../dist/scripts/verify.js');
const CPR = '0101901234';
const CPR_DASHED = '010190-1234';
const NOTE = 'a note with the CPR 0101901234';
const OTHER_CPR = '0202802345';
const openBody = (cpr: string, caseNumber: string) => ({ caseNumber, cpr, legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord' });
const SANCTION = {
  sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
  breachDate: '2021-03-01',
  period: { from: '2021-04-01', to: '2021-06-30' },
  amountDeductedOre: 1234500,
  decidedOn: '2021-03-15',
};
const REASON = 'Borgerens anmodning om sletning, jf. databeskyttelsesforordningens art. 17';

describe('erasing a citizen by destroying their data key', () => {
  let api: TestApi;
  let vault: PersonalDataVault;
  let citizenRef: string;
  let caseIds: string[];
  let note: Buffer;
  let lastPosition: string;

  beforeAll(async () => {
    if (!existsSync(VERIFY)) throw new Error(`${VERIFY} is missing: run "npm run build" first (npm test does)`);
    api = await startTestApi({ projector: true });
    vault = api.app.get<PersonalDataVault>(PERSONAL_DATA_VAULT);
    const first = await api.post('/citizen-cases', openBody(CPR_DASHED, 'EMN-2023-05050'), { as: ['caseworker'] });
    const second = await api.post('/citizen-cases', openBody(CPR, '24-1-15.20.00-P27'), { as: ['caseworker'], headers: { 'idempotency-key': 'erasure-open-0002' } });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    caseIds = [first.body.caseId, second.body.caseId];
    const sanction = await api.post(`/citizen-cases/${caseIds[0]}/sanctions`, SANCTION, { as: ['caseworker'] });
    expect(sanction.statusCode).toBe(201);
    lastPosition = sanction.body.position;
    const fetched = await api.get(`/citizen-cases/${caseIds[0]}`, { as: ['caseworker'], purpose: 'Sagsbehandling' });
    citizenRef = fetched.body.state.citizenRef;
    expect((await api.get(`/citizen-cases/${caseIds[1]}`, { purpose: 'Sagsbehandling' })).body.state.citizenRef).toBe(citizenRef);
    // The product has no store for other personal fields yet; the ciphertext is kept here.
    note = await vault.encryptField(citizenRef, NOTE);
    await expect(vault.revealCpr(citizenRef)).resolves.toBe(CPR);
    await expect(vault.decryptField(citizenRef, note)).resolves.toBe(NOTE);
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses everyone but an admin, an unknown citizen, and a malformed reason, destroying nothing', async () => {
    for (const role of ['caseworker', 'appeals-liaison', 'auditor'] as const) {
      expect(await api.post(`/citizens/${citizenRef}/erase`, { reason: REASON }, { as: [role] })).toMatchObject({ statusCode: 403, body: { code: 'AUTH.FORBIDDEN_ROLE' } });
    }
    expect((await api.post(`/citizens/0190c7a2-0000-7000-8000-00000000beef/erase`, { reason: REASON })).body).toMatchObject({ status: 404, code: 'CITIZEN.NOT_FOUND' });
    expect((await api.post(`/citizens/${CPR}/erase`, { reason: REASON })).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID_ID' });
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(2001) }, { reason: REASON, effectiveAt: '2020-01-01T00:00:00Z' }]) {
      const response = await api.post(`/citizens/${citizenRef}/erase`, body);
      expect(response.statusCode).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(/^(reason|effectiveAt)$/)]));
    }
    const holdsCpr = await api.post(`/citizens/${citizenRef}/erase`, { reason: `Anmodning fra ${CPR_DASHED}` });
    expect(holdsCpr.body).toMatchObject({ status: 422, code: 'CITIZEN.ERASURE_REASON_HOLDS_CPR', field: 'reason' });
    await expect(vault.revealCpr(citizenRef)).resolves.toBe(CPR);
    const { rows } = await api.database.pool.query(`SELECT 1 FROM event_store.events WHERE type = 'CitizenErased'`);
    expect(rows).toEqual([]);
  });

  it('erases: 200 with the CitizenErased event in the citizen stream, under the pseudonymous reference', async () => {
    const erased = await api.post(`/citizens/${citizenRef}/erase`, { reason: REASON }, { subject: 'admin-dpo', headers: { 'x-correlation-id': 'erase-1' } });
    expect(erased.statusCode).toBe(200);
    expect(erased.headers.etag).toBe('"0"');
    expect(erased.body).toMatchObject({ citizenRef, streamName: `citizen-${citizenRef}`, revision: 0, events: ['CitizenErased'], position: expect.stringMatching(/^\d+$/) });

    const { rows } = await api.database.pool.query(`SELECT type, data, metadata FROM event_store.events WHERE stream_name = $1`, [`citizen-${citizenRef}`]);
    expect(rows).toEqual([
      {
        type: 'CitizenErased',
        data: { citizenRef, reason: REASON, erasedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
        metadata: expect.objectContaining({ actor: 'admin-dpo', correlationId: 'erase-1' }),
      },
    ]);
  });

  it('leaves the CPR number and every field encrypted with the key unreadable', async () => {
    await expect(vault.revealCpr(citizenRef)).resolves.toBeUndefined();
    await expect(vault.decryptField(citizenRef, note)).resolves.toBeUndefined();
    await expect(vault.encryptField(citizenRef, 'more')).rejects.toMatchObject({ code: 'CITIZEN.ERASED' });
  });

  it('refuses a new case for the erased CPR number, in either form, with 422 CITIZEN.ERASED', async () => {
    for (const cpr of [CPR, CPR_DASHED]) {
      const response = await api.post('/citizen-cases', openBody(cpr, '17/7397'), { as: ['caseworker'] });
      expect(response.body).toMatchObject({ status: 422, code: 'CITIZEN.ERASED' });
      expect(JSON.stringify(response.body)).not.toContain('010190');
    }
    expect((await api.post('/citizen-cases', openBody(OTHER_CPR, '17/7397'), { as: ['caseworker'] })).statusCode).toBe(201);
  });

  it('keeps the case facts the law requires, under the pseudonymous reference, in the write side and the read models', async () => {
    const fetched = await api.get(`/citizen-cases/${caseIds[0]}`, { as: ['auditor'], purpose: 'Revision efter sletning' });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.body.state).toMatchObject({ citizenRef, status: 'OPEN', caseNumber: { value: 'EMN-2023-05050' } });
    expect(Object.values(fetched.body.state.sanctions)).toEqual([expect.objectContaining({ sanctionType: SANCTION.sanctionType, amountDeductedOre: 1234500 })]);
    const register = await api.get(`/read-models/sanctions?caseId=${caseIds[0]}&minPosition=${lastPosition}`, { as: ['appeals-liaison'], purpose: 'Klagestatistik' });
    expect(register.body.items).toEqual([expect.objectContaining({ citizenRef, amountDeductedOre: 1234500 })]);
    const log = await api.get(`/citizens/${citizenRef}/access-log`, { as: ['appeals-liaison'] });
    expect(log.body.items.slice(0, 2)).toEqual([
      expect.objectContaining({ citizenRef, purpose: 'Klagestatistik', route: 'GET /read-models/sanctions', caseId: caseIds[0] }),
      expect.objectContaining({ citizenRef, purpose: 'Revision efter sletning', route: 'GET /citizen-cases/:caseId', caseId: caseIds[0] }),
    ]);
  });

  it('refuses a second erasure with 409 CITIZEN.ALREADY_ERASED, appending nothing', async () => {
    const again = await api.post(`/citizens/${citizenRef}/erase`, { reason: 'Igen' });
    expect(again.body).toMatchObject({ status: 409, code: 'CITIZEN.ALREADY_ERASED' });
    const { rows } = await api.database.pool.query(`SELECT count(*)::int AS n FROM event_store.events WHERE stream_name = $1`, [`citizen-${citizenRef}`]);
    expect(rows[0].n).toBe(1);
  });

  it('leaves no trace of the CPR number or the encrypted field in any table of any schema, nor in the logs', async () => {
    const caughtUp = await api.get(`/read-models/cases?minPosition=${lastPosition}`, { as: ['admin'] });
    expect(caughtUp.statusCode).toBe(200);
    const texts = [CPR, CPR_DASHED, NOTE, 'a note with the CPR'];
    const needles = [...texts, ...texts.map((text) => Buffer.from(text, 'utf8').toString('hex')), ...texts.map((text) => Buffer.from(text, 'utf8').toString('base64'))];
    const { rows: tables } = await api.database.pool.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual(
      expect.arrayContaining(['event_store.events', 'personal_data.citizens', 'access_log.entries', 'api.idempotency_keys', 'read_model.case_summary']),
    );
    let rowsSearched = 0;
    for (const table of tables) {
      const { rows } = await api.database.pool.query<{ row: string }>(`SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`);
      rowsSearched += rows.length;
      for (const { row } of rows) {
        for (const needle of needles) expect(row.includes(needle) ? `${table.schema}.${table.name} holds ${needle}` : 'clean').toBe('clean');
      }
    }
    expect(rowsSearched).toBeGreaterThan(10);
    expect(api.logLines.length).toBeGreaterThan(0);
    for (const line of api.logLines) for (const needle of needles) expect(line.includes(needle) ? `a log line holds ${needle}` : 'clean').toBe('clean');
  });

  it('still verifies: the streams over HTTP and the whole log with `npm run verify`', async () => {
    for (const stream of [`citizen-${citizenRef}`, ...caseIds.map((id) => `citizen-case-${id}`)]) {
      expect((await api.get(`/integrity/streams/${stream}`, { as: ['auditor'] })).body).toMatchObject({ streamName: stream, ok: true });
    }
    const cli = spawnSync(process.execPath, [VERIFY], { env: { ...process.env, DATABASE_URL: api.database.url, LOG_LEVEL: 'error' }, encoding: 'utf8' });
    expect(cli.stdout).toMatch(/^OK: \d+ events in \d+ streams verified/);
    expect(cli.status).toBe(0);
  });
});
