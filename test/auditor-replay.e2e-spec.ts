import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCaseNumber, type CitizenCaseState } from '@casetrail/case-management';
import { chainHash, contentDigest, EVENT_STORE, GENESIS_HASH, type EventStore } from '@casetrail/event-store';
import { PERSONAL_DATA_VAULT, parseCprNumber, type PersonalDataVault } from '@casetrail/personal-data';
import { uuidv7, type Role } from '@casetrail/platform';
import { startTestApi, type TestApi } from './support/api-test-app';

/**
 * Auditors replay a citizen case whose facts were recorded from January to October 2023 about
 * 2021 onwards, with the sanction's deduction corrected in July: the three as-of views against
 * states computed by hand, the history, a diff, and an export verified by the documented script.
 */
const AUDITOR = { as: ['auditor'] as Role[], subject: 'auditor-dpo' };
const CPR = '010190-1234';
const CPR_LIKE = /(?<![\w-])\d{6}-?\d{4}(?![\w-])/;
const VERIFY_SCRIPT = join(__dirname, '..', 'docs', 'verify-export.sh');
const legalBasis40a = { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' };

describe('auditor replay over HTTP', () => {
  let api: TestApi;
  let store: EventStore;
  let citizenRef: string;
  const caseId = uuidv7();
  const stream = `citizen-case-${caseId}`;
  const ids = { opened: uuidv7(), imposed: uuidv7(), identified: uuidv7(), reviewed: uuidv7(), corrected: uuidv7(), assessed: uuidv7(), closed: uuidv7() };
  const positions: string[] = [];

  /** Appends one event as it was recorded then: chosen times, actor and correlation; the store computes digest and hash. */
  async function record(id: string, type: string, data: unknown, recordedAt: string, effectiveAt: string, actor: string): Promise<void> {
    const metadata = { correlationId: `corr-${positions.length}`, causationId: null, actor, recordedAt, effectiveAt, schemaVersion: 1 };
    const result = await store.appendToStream(stream, [{ id, type, data, metadata }], { expectedRevision: positions.length === 0 ? 'no_stream' : positions.length - 1 });
    positions.push(result.position.toString());
  }

  const get = (path: string, as: { as: Role[]; subject?: string } = AUDITOR) => api.get(`/cases/${stream}${path}`, as);

  beforeAll(async () => {
    api = await startTestApi();
    store = api.app.get<EventStore>(EVENT_STORE);
    citizenRef = (await api.app.get<PersonalDataVault>(PERSONAL_DATA_VAULT).registerCitizen(parseCprNumber(CPR))).citizenRef;
    const caseNumber = parseCaseNumber('EMN-2023-05050');
    await record(ids.opened, 'CaseOpened', { caseId, caseNumber, citizenRef, legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord', openedOn: '2021-01-04' }, '2023-01-10T09:00:00.000Z', '2021-01-04T08:00:00.000Z', 'caseworker-anna');
    await record(
      ids.imposed,
      'SanctionImposed',
      { sanctionId: 's-1', sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY', legalBasis: legalBasis40a, breachDate: '2021-03-01', period: { from: '2021-04-01', to: '2021-06-30' }, amountDeductedOre: 1_234_500, decidedOn: '2021-03-15' },
      '2023-02-14T10:00:00.000Z',
      '2021-03-15T00:00:00.000Z',
      'caseworker-anna',
    );
    await record(ids.identified, 'CitizenIdentified', { source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10', note: null }, '2023-05-10T08:30:00.000Z', '2023-05-10T08:30:00.000Z', 'caseworker-anna');
    await record(
      ids.reviewed,
      'SanctionReviewed',
      { sanctionId: 's-1', outcome: 'ERROR', errorCategories: ['MISSING_WRITTEN_GUIDANCE'], wouldChangeOnAppeal: true, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' },
      '2023-06-01T12:00:00.000Z',
      '2023-06-01T12:00:00.000Z',
      'legal-audit-1',
    );
    await record(
      ids.corrected,
      'FactCorrected',
      { correctsEventId: ids.imposed, target: { kind: 'sanction', sanctionId: 's-1', changes: { amountDeductedOre: 1_034_500 } }, reason: 'The deduction was entered with the wrong monthly rate' },
      '2023-07-20T09:15:00.000Z',
      '2023-07-20T09:15:00.000Z',
      'legal-audit-1',
    );
    await record(ids.assessed, 'RepaymentAssessed', { repaymentId: 'r-1', sanctionIds: ['s-1'], amountOre: 1_034_500, assessedOn: '2023-08-15' }, '2023-08-29T10:00:00.000Z', '2023-08-15T00:00:00.000Z', 'caseworker-anna');
    await record(ids.closed, 'CaseClosed', { reason: 'SELF_SUPPORTING', closedOn: '2023-09-30' }, '2023-10-02T14:00:00.000Z', '2023-09-30T00:00:00.000Z', 'caseworker-anna');
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Computed by hand from the seven events above. */
  const expected = () => {
    const opened: CitizenCaseState = {
      status: 'OPEN',
      caseId,
      caseNumber: parseCaseNumber('EMN-2023-05050'),
      citizenRef,
      legalArea: 'AKTIVLOVEN',
      owningUnit: 'Jobcenter Nord',
      openedOn: '2021-01-04',
      sanctions: {},
      discoveries: [],
      repayments: {},
      appeals: {},
      closure: null,
      eventIds: [ids.opened],
    };
    const sanction = {
      sanctionId: 's-1',
      sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
      legalBasis: legalBasis40a,
      breachDate: '2021-03-01',
      period: { from: '2021-04-01', to: '2021-06-30' },
      amountDeductedOre: 1_234_500,
      decidedOn: '2021-03-15',
      review: null,
      eventIds: [ids.imposed],
    };
    const review = { outcome: 'ERROR', errorCategories: ['MISSING_WRITTEN_GUIDANCE'], wouldChangeOnAppeal: true, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' } as const;
    const knownOn28June: CitizenCaseState = {
      ...opened,
      sanctions: { 's-1': { ...sanction, review, eventIds: [ids.imposed, ids.reviewed] } },
      discoveries: [{ source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10' }],
    };
    const knownOn29August: CitizenCaseState = {
      ...knownOn28June,
      sanctions: { 's-1': { ...sanction, amountDeductedOre: 1_034_500, review, eventIds: [ids.imposed, ids.reviewed, ids.corrected] } },
      repayments: { 'r-1': { repaymentId: 'r-1', sanctionIds: ['s-1'], amountOre: 1_034_500, assessedOn: '2023-08-15', status: 'ASSESSED', scheduledFor: null, issuedOn: null } },
    };
    const worldEnd2021: CitizenCaseState = { ...opened, sanctions: { 's-1': { ...sanction, amountDeductedOre: 1_034_500, eventIds: [ids.imposed, ids.corrected] } } };
    return { knownOn28June, knownOn29August, worldEnd2021 };
  };

  it('answers the three as-of views with the hand-computed states, naming the revision and position each stands on', async () => {
    const { knownOn28June, knownOn29August, worldEnd2021 } = expected();

    const atRevision = await get('/state?atRevision=3');
    expect(atRevision.statusCode).toBe(200);
    expect(atRevision.body).toEqual({ streamName: stream, view: { kind: 'atRevision', revision: 3 }, revision: 3, position: positions[3], eventsApplied: 4, state: knownOn28June });

    const known28June = await get(`/state?recordedAt=${encodeURIComponent('2023-06-28T23:59:59+02:00')}`);
    expect(known28June.body).toEqual({
      streamName: stream,
      view: { kind: 'recordedAt', at: '2023-06-28T21:59:59.000Z' },
      revision: 3,
      position: positions[3],
      eventsApplied: 4,
      state: knownOn28June,
    });

    const known29August = await get(`/state?recordedAt=${encodeURIComponent('2023-08-29T23:59:59+02:00')}`);
    expect(known29August.body).toMatchObject({ revision: 5, position: positions[5], eventsApplied: 6 });
    expect(known29August.body.state).toEqual(knownOn29August);

    const world2021 = await get(`/state?effectiveAt=${encodeURIComponent('2021-12-31T23:59:59+01:00')}`);
    expect(world2021.body).toEqual({
      streamName: stream,
      view: { kind: 'effectiveAt', at: '2021-12-31T22:59:59.000Z' },
      revision: 6,
      position: positions[6],
      eventsApplied: 3,
      state: worldEnd2021,
    });
  });

  it('answers the same state as the write side for today', async () => {
    const today = await get(`/state?recordedAt=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    const writeSide = await api.get(`/citizen-cases/${caseId}`, AUDITOR);
    expect(writeSide.statusCode).toBe(200);
    expect(today.body).toMatchObject({ revision: writeSide.body.revision, eventsApplied: 7, state: writeSide.body.state });
    expect(today.body.state).toMatchObject({ status: 'CLOSED', closure: { reason: 'SELF_SUPPORTING', closedOn: '2023-09-30' } });
  });

  it('lists the history with both times, actor, correlation id and a summary of each event', async () => {
    const response = await get('/history');
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"6"');
    expect(response.body).toMatchObject({ streamName: stream, revision: 6, position: positions[6] });
    expect(response.body.events).toHaveLength(7);
    expect(response.body.events[1]).toEqual({
      revision: 1,
      position: positions[1],
      id: ids.imposed,
      type: 'SanctionImposed',
      recordedAt: '2023-02-14T10:00:00.000Z',
      effectiveAt: '2021-03-15T00:00:00.000Z',
      actor: 'caseworker-anna',
      correlationId: 'corr-1',
      summary: 'Sanction AKTL_40A_STRICTER_AVAILABILITY imposed: breach 2021-03-01, 12.345,00 kr. deducted',
    });
    expect(response.body.events.map((e: { revision: number; type: string; summary: string }) => [e.revision, e.type, e.summary])).toEqual([
      [0, 'CaseOpened', 'Case EMN-2023-05050 opened: AKTIVLOVEN, owning unit Jobcenter Nord, opened 2021-01-04'],
      [1, 'SanctionImposed', 'Sanction AKTL_40A_STRICTER_AVAILABILITY imposed: breach 2021-03-01, 12.345,00 kr. deducted'],
      [2, 'CitizenIdentified', 'Citizen identified: PRACTICE_SURVEY on 2023-05-10'],
      [3, 'SanctionReviewed', 'Sanction reviewed: ERROR (MISSING_WRITTEN_GUIDANCE)'],
      [4, 'FactCorrected', `Fact corrected: sanction amount (corrects event ${ids.imposed})`],
      [5, 'RepaymentAssessed', 'Repayment assessed: 10.345,00 kr. for 1 sanction'],
      [6, 'CaseClosed', 'Case closed: SELF_SUPPORTING on 2023-09-30'],
    ]);
  });

  it('diffs what we knew on 28 June against 29 August 2023, and the world at two effective times', async () => {
    const from = encodeURIComponent('2023-06-28T23:59:59+02:00');
    const to = encodeURIComponent('2023-08-29T23:59:59+02:00');
    const recorded = await get(`/diff?from=${from}&to=${to}`);
    expect(recorded.statusCode).toBe(200);
    expect(recorded.body).toMatchObject({
      streamName: stream,
      time: 'recorded',
      from: { at: '2023-06-28T21:59:59.000Z', revision: 3, position: positions[3], eventsApplied: 4 },
      to: { at: '2023-08-29T21:59:59.000Z', revision: 5, position: positions[5], eventsApplied: 6 },
    });
    expect(recorded.body.events.map((e: { revision: number; summary: string; actor: string }) => [e.revision, e.actor, e.summary])).toEqual([
      [4, 'legal-audit-1', `Fact corrected: sanction amount (corrects event ${ids.imposed})`],
      [5, 'caseworker-anna', 'Repayment assessed: 10.345,00 kr. for 1 sanction'],
    ]);
    expect(recorded.body.changes).toEqual([
      { path: 'repayments.r-1', kind: 'added', before: null, after: expected().knownOn29August.repayments['r-1'] },
      { path: 'sanctions.s-1.amountDeductedOre', kind: 'changed', before: 1_234_500, after: 1_034_500 },
      { path: 'sanctions.s-1.eventIds', kind: 'changed', before: [ids.imposed, ids.reviewed], after: [ids.imposed, ids.reviewed, ids.corrected] },
    ]);

    const effective = await get(`/diff?view=effective&from=2021-12-31T23:59:59%2B01:00&to=2023-09-30T00:00:00Z`);
    expect(effective.statusCode).toBe(200);
    expect(effective.body.events.map((e: { revision: number }) => e.revision)).toEqual([2, 3, 5, 6]);
    expect(effective.body.changes.map((c: { path: string }) => c.path)).toEqual([
      'closure',
      'discoveries[0]',
      'eventIds',
      'repayments.r-1',
      'sanctions.s-1.eventIds',
      'sanctions.s-1.review',
      'status',
    ]);
  });

  it('exports the events as NDJSON with their hashes, verifiable by the documented script, with no CPR number in it', async () => {
    const token = await api.token(['auditor'], 'auditor-dpo');
    const response = await api.app.inject({ method: 'GET', url: `/cases/${stream}/export`, headers: { authorization: `Bearer ${token}`, 'x-purpose': 'external audit of the case history' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(response.headers.etag).toBe('"6"');
    expect(response.body.endsWith('\n')).toBe(true);
    const lines = response.body.slice(0, -1).split('\n');
    expect(lines).toHaveLength(7);

    let previous = GENESIS_HASH;
    lines.forEach((text, revision) => {
      const line = JSON.parse(text);
      expect(Object.keys(line)).toEqual(['streamName', 'revision', 'position', 'id', 'type', 'data', 'metadata', 'contentDigest', 'hash']);
      expect(line).toMatchObject({ streamName: stream, revision, position: positions[revision] });
      expect(line.contentDigest).toBe(contentDigest(line));
      expect(line.hash).toBe(chainHash(previous, stream, revision, line.contentDigest));
      previous = line.hash;
    });
    expect(response.headers['x-stream-hash']).toBe(previous);
    expect(JSON.parse(lines[0]).data.citizenRef).toBe(citizenRef);
    expect(response.body).not.toContain(parseCprNumber(CPR).digits());
    expect(response.body).not.toContain(CPR);
    expect(response.body).not.toMatch(CPR_LIKE);
    expect(lines[1]).toContain('"amountDeductedOre":1234500');

    const tools = spawnSync('sh', ['-c', 'command -v jq && command -v sha256sum'], { encoding: 'utf8' });
    if (tools.status !== 0) {
      console.warn('verify-export.sh not run: jq or sha256sum is not installed on this machine');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'casetrail-export-'));
    try {
      const file = join(dir, `${stream}.ndjson`);
      const verify = (...args: string[]) => spawnSync('sh', [VERIFY_SCRIPT, file, ...args], { encoding: 'utf8' });
      writeFileSync(file, response.body);
      const ok = verify(previous);
      expect({ status: ok.status, stdout: ok.stdout, stderr: ok.stderr }).toEqual({ status: 0, stdout: `OK: ${stream} verified: 7 events, revisions 0 to 6; last hash ${previous}\n`, stderr: '' });

      writeFileSync(file, response.body.replace('"amountDeductedOre":1234500', '"amountDeductedOre":1234501'));
      const changed = verify();
      expect(changed.status).toBe(1);
      expect(changed.stderr).toMatch(/^FAILED at line 2 \(revision 1\): content digest mismatch/);

      writeFileSync(file, [lines[0], lines[2], ''].join('\n'));
      const missing = verify();
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/^FAILED at line 2 \(revision 2\): expected revision 1 here/);

      writeFileSync(file, `${lines.slice(0, 6).join('\n')}\n`);
      expect(verify().status).toBe(0);
      const cut = verify(previous);
      expect(cut.status).toBe(1);
      expect(cut.stderr).toMatch(/events are missing at the end/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports a case opened through the API without its CPR number, and shows a closed committee item whole to auditors', async () => {
    const opened = await api.post('/citizen-cases', { caseNumber: '24-1-15.20.00-P27', cpr: '020285-4321', legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Syd' }, { as: ['caseworker'] });
    expect(opened.statusCode).toBe(201);
    const exported = await api.get(`/cases/citizen-case-${opened.body.caseId}/export`, AUDITOR);
    expect(exported.statusCode).toBe(200);
    expect(JSON.stringify(exported.body)).not.toMatch(/0202854321|020285-4321/);

    const committee = { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', memberCount: 7 };
    const item = await api.post(
      '/committee-items',
      { caseNumber: '24-1-15.20.00-P27', committee, meetingDate: '2025-03-11', itemNumber: 9, title: 'Personalesag vedrørende ledelse', closed: true },
      { as: ['committee-secretary'] },
    );
    expect(item.statusCode).toBe(201);
    const state = await api.get(`/cases/committee-item-${item.body.itemId}/state?atRevision=0`, AUDITOR);
    expect(state.statusCode).toBe(200);
    expect(state.body.state).toMatchObject({ closed: true, title: 'Personalesag vedrørende ledelse' });
    expect((await api.get(`/cases/committee-item-${item.body.itemId}/history`, AUDITOR)).body.events).toHaveLength(1);
  });

  it('is read-only and for auditors and admins only', async () => {
    for (const path of ['/state?atRevision=0', '/history', `/diff?from=2023-01-01T00:00:00Z&to=2023-02-01T00:00:00Z`, '/export']) {
      for (const role of ['caseworker', 'appeals-liaison', 'committee-secretary'] as Role[]) {
        expect({ path, role, status: (await get(path, { as: [role] })).statusCode }).toEqual({ path, role, status: 403 });
      }
      expect({ path, status: (await get(path, { as: ['admin'] })).statusCode }).toEqual({ path, status: 200 });
      expect((await api.get(`/cases/${stream}${path}`, { as: null })).statusCode).toBe(401);
    }
    const post = await api.post(`/cases/${stream}/state`, {}, AUDITOR);
    expect(post.statusCode).toBe(404);
  });

  it.each([
    ['/state', 'AUDIT.VIEW_MISSING'],
    ['/state?atRevision=1&recordedAt=2023-06-28T00:00:00Z', 'AUDIT.VIEW_AMBIGUOUS'],
    ['/state?atRevision=-1', 'AUDIT.INVALID_REVISION'],
    ['/state?recordedAt=2023-06-28', 'AUDIT.INVALID_INSTANT'],
    ['/state?effectiveAt=2023-02-30T00:00:00Z', 'AUDIT.INVALID_INSTANT'],
    ['/state?asOf=2023-06-28T00:00:00Z', 'REQUEST.VALIDATION_FAILED'],
    ['/diff?to=2023-06-28T00:00:00Z', 'AUDIT.INSTANT_MISSING'],
    ['/diff?from=2023-08-29T00:00:00Z&to=2023-06-28T00:00:00Z', 'AUDIT.RANGE_REVERSED'],
    ['/diff?from=2023-06-28T00:00:00Z&to=2023-08-29T00:00:00Z&view=revision', 'AUDIT.INVALID_DIFF_VIEW'],
  ])('refuses %s with 400 %s', async (path, code) => {
    const response = await get(path);
    expect({ status: response.statusCode, code: response.body.code, type: response.headers['content-type'] }).toEqual({ status: 400, code, type: expect.stringMatching(/^application\/problem\+json/) });
  });

  it('refuses stream names that are not an audited stream (400) and streams with nothing recorded (404)', async () => {
    for (const name of ['personal-data-0190f5a2-7c1e-7d3a-9b1c-2f4e6a8b0c1d', 'citizen-case-1', `citizen-case-${caseId.toUpperCase()}`, `citizen-case-${caseId}x`]) {
      const response = await api.get(`/cases/${name}/history`, AUDITOR);
      expect({ name, status: response.statusCode, code: response.body.code }).toEqual({ name, status: 400, code: 'REQUEST.INVALID_STREAM' });
    }
    const absent = `inquiry-${uuidv7()}`;
    for (const path of ['/state?atRevision=0', '/history', '/diff?from=2023-01-01T00:00:00Z&to=2023-02-01T00:00:00Z', '/export']) {
      const response = await api.get(`/cases/${absent}${path}`, AUDITOR);
      expect({ path, status: response.statusCode, code: response.body.code }).toEqual({ path, status: 404, code: 'STREAM.NOT_FOUND' });
    }
  });
});
