import { startTestApi, type TestApi, type TestResponse } from './support/api-test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_ID = '0190c7a2-0000-7000-8000-00000000beef';
const CASEWORKER = { as: ['caseworker'] as const, subject: 'caseworker-42' };

const openBody = { caseNumber: '24-1-15.20.00-P27', cpr: '010190-1234', legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord', openedOn: '2021-01-04' };
const sanctionBody = (overrides: Record<string, unknown> = {}) => ({
  sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
  breachDate: '2021-03-01',
  period: { from: '2021-04-01', to: '2021-06-30' },
  amountDeductedOre: 1_234_500,
  decidedOn: '2021-03-15',
  ...overrides,
});
const errorReview = {
  outcome: 'ERROR',
  errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'NO_CONCRETE_ASSESSMENT'],
  wouldChangeOnAppeal: true,
  reviewer: 'legal-audit-1',
  reviewedOn: '2023-06-01',
};
const correctReview = { outcome: 'CORRECT', errorCategories: [], wouldChangeOnAppeal: false, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' };

/** One request of the flow: what was sent, and what came back. */
interface Step {
  readonly name: string;
  readonly correlationId: string;
  readonly effectiveAt?: string;
  readonly status: number;
  readonly response: TestResponse;
}

describe('citizen case commands over HTTP', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('a case from opening to repayment and appeal', () => {
    const steps: Step[] = [];
    const ids: Record<'caseId' | 'sanctionId' | 'repaymentId' | 'appealId' | 'imposedEventId', string> = {
      caseId: '',
      sanctionId: '',
      repaymentId: '',
      appealId: '',
      imposedEventId: '',
    };
    let startedAt: Date;
    let finishedAt: Date;

    /** Sends one command as the caseworker under its own correlation id; a surprise stops the flow, naming the step. */
    async function step(name: string, url: string, body: Record<string, unknown>, status: number): Promise<TestResponse> {
      const correlationId = `flow-${steps.length + 1}-${name}`;
      const response = await api.post(url, body, { ...CASEWORKER, headers: { 'x-correlation-id': correlationId } });
      if (response.statusCode !== status) throw new Error(`${name}: expected ${status}, got ${response.statusCode} ${JSON.stringify(response.body)}`);
      steps.push({ name, correlationId, effectiveAt: body.effectiveAt as string | undefined, status, response });
      return response;
    }

    beforeAll(async () => {
      startedAt = new Date();
      const opened = await step('open', '/citizen-cases', { ...openBody, effectiveAt: '2021-01-04T09:00:00+01:00' }, 201);
      ids.caseId = opened.body.caseId;
      const at = `/citizen-cases/${ids.caseId}`;
      await step('identify', `${at}/discoveries`, { source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10', note: 'Practice survey 2023', effectiveAt: '2023-05-10T09:00:00+02:00' }, 200);
      const imposed = await step('impose', `${at}/sanctions`, sanctionBody({ effectiveAt: '2021-03-15T10:00:00+01:00' }), 201);
      ids.sanctionId = imposed.body.sanctionId;
      await step('review', `${at}/sanctions/${ids.sanctionId}/reviews`, { ...errorReview, effectiveAt: '2023-06-01T13:00:00+02:00' }, 200);
      const assessed = await step('assess', `${at}/repayments`, { sanctionIds: [ids.sanctionId], amountOre: 1_000_000, assessedOn: '2023-07-01', effectiveAt: '2023-07-01T09:00:00+02:00' }, 201);
      ids.repaymentId = assessed.body.repaymentId;
      await step('schedule', `${at}/repayments/${ids.repaymentId}/schedule`, { scheduledFor: '2023-07-14', effectiveAt: '2023-07-03T09:00:00+02:00' }, 200);
      // No issuedOn: the date follows from the effective time, in Denmark.
      await step('issue', `${at}/repayments/${ids.repaymentId}/issue`, { effectiveAt: '2023-07-13T22:30:00Z' }, 200);
      const lodged = await step('lodge', `${at}/appeals`, { sanctionIds: [ids.sanctionId], lodgedOn: '2021-04-01', effectiveAt: '2021-04-01T11:00:00+02:00' }, 201);
      ids.appealId = lodged.body.appealId;
      await step('decide', `${at}/appeals/${ids.appealId}/decision`, { outcome: 'OPHAEVET', decidedOn: '2021-09-01', effectiveAt: '2021-09-01T12:00:00+02:00' }, 200);
      await step('close', `${at}/closure`, { reason: 'REVIEW_COMPLETED', closedOn: '2023-08-01', effectiveAt: '2023-08-01T15:00:00+02:00' }, 200);
      await step('reopen', `${at}/reopening`, { reason: 'The deducted amount was recorded wrongly', reopenedOn: '2023-08-15', effectiveAt: '2023-08-15T08:00:00+02:00' }, 200);
      const { rows } = await api.database.pool.query<{ id: string }>(
        `SELECT id FROM event_store.events WHERE stream_name = $1 AND type = 'SanctionImposed'`,
        [opened.body.streamName],
      );
      ids.imposedEventId = rows[0].id;
      await step(
        'correct',
        `${at}/corrections`,
        {
          correctsEventId: ids.imposedEventId,
          target: { kind: 'sanction', sanctionId: ids.sanctionId, changes: { amountDeductedOre: 1_134_500 } },
          reason: 'The amount was keyed in wrongly',
          effectiveAt: '2023-08-15T10:00:00+02:00',
        },
        200,
      );
      finishedAt = new Date();
    });

    it('answers each command with its status, the next revision, a matching ETag and the event it stored', () => {
      const expectedEvents = [
        'CaseOpened',
        'CitizenIdentified',
        'SanctionImposed',
        'SanctionReviewed',
        'RepaymentAssessed',
        'RepaymentScheduled',
        'RepaymentIssued',
        'AppealLodged',
        'AppealDecided',
        'CaseClosed',
        'CaseReopened',
        'FactCorrected',
      ];
      expect(steps.map((s) => s.response.body.events)).toEqual(expectedEvents.map((type) => [type]));
      steps.forEach(({ response, correlationId }, revision) => {
        expect(response.body).toMatchObject({ streamName: `citizen-case-${ids.caseId}`, revision });
        expect(response.body.position).toMatch(/^\d+$/);
        expect(response.headers.etag).toBe(`"${revision}"`);
        expect(response.headers['x-correlation-id']).toBe(correlationId);
      });
      const positions = steps.map((s) => BigInt(s.response.body.position));
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect([ids.sanctionId, ids.repaymentId, ids.appealId]).toEqual([expect.stringMatching(UUID), expect.stringMatching(UUID), expect.stringMatching(UUID)]);
    });

    it('folds the whole history into the case as it stands, the correction applied', async () => {
      const { rows } = await api.database.pool.query<{ id: string; type: string }>(
        'SELECT id, type FROM event_store.events WHERE stream_name = $1 ORDER BY revision',
        [`citizen-case-${ids.caseId}`],
      );
      const eventId = (type: string) => rows.find((row) => row.type === type)!.id;

      const fetched = await api.get(`/citizen-cases/${ids.caseId}`, { as: ['auditor'] });
      expect(fetched.statusCode).toBe(200);
      expect(fetched.headers.etag).toBe('"11"');
      expect(fetched.body).toEqual({
        streamName: `citizen-case-${ids.caseId}`,
        revision: 11,
        state: {
          status: 'OPEN',
          caseId: ids.caseId,
          caseNumber: { value: '24-1-15.20.00-P27', format: 'KLE', year: 2024, sequence: '1', kle: { subject: '15.20.00', facet: 'P27' } },
          citizenRef: expect.stringMatching(UUID),
          legalArea: 'AKTIVLOVEN',
          owningUnit: 'Jobcenter Nord',
          openedOn: '2021-01-04',
          sanctions: {
            [ids.sanctionId]: {
              sanctionId: ids.sanctionId,
              sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
              legalBasis: { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' },
              breachDate: '2021-03-01',
              period: { from: '2021-04-01', to: '2021-06-30' },
              amountDeductedOre: 1_134_500,
              decidedOn: '2021-03-15',
              review: {
                outcome: 'ERROR',
                errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'NO_CONCRETE_ASSESSMENT'],
                wouldChangeOnAppeal: true,
                reviewer: 'legal-audit-1',
                reviewedOn: '2023-06-01',
              },
              eventIds: [ids.imposedEventId, eventId('SanctionReviewed'), eventId('FactCorrected')],
            },
          },
          discoveries: [{ source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10' }],
          repayments: {
            [ids.repaymentId]: {
              repaymentId: ids.repaymentId,
              sanctionIds: [ids.sanctionId],
              amountOre: 1_000_000,
              status: 'ISSUED',
              assessedOn: '2023-07-01',
              scheduledFor: '2023-07-14',
              issuedOn: '2023-07-14',
            },
          },
          appeals: {
            [ids.appealId]: { appealId: ids.appealId, sanctionIds: [ids.sanctionId], lodgedOn: '2021-04-01', outcome: 'OPHAEVET', decidedOn: '2021-09-01' },
          },
          closure: null,
          eventIds: [eventId('CaseOpened'), eventId('CaseClosed'), eventId('CaseReopened')],
        },
      });
    });

    it('stores the correction as a new fact naming the event it corrects, leaving that event as it was', async () => {
      const { rows } = await api.database.pool.query<{ type: string; data: any }>(
        `SELECT type, data FROM event_store.events WHERE stream_name = $1 AND type IN ('SanctionImposed', 'FactCorrected') ORDER BY revision`,
        [`citizen-case-${ids.caseId}`],
      );
      expect(rows[0].data.amountDeductedOre).toBe(1_234_500);
      expect(rows[1].data).toEqual({
        correctsEventId: ids.imposedEventId,
        target: { kind: 'sanction', sanctionId: ids.sanctionId, changes: { amountDeductedOre: 1_134_500 } },
        reason: 'The amount was keyed in wrongly',
      });
    });

    it('gives every event the token subject as actor, its recorded and effective time and the request correlation id', async () => {
      const { rows } = await api.database.pool.query<{ revision: string; metadata: any }>(
        'SELECT revision, metadata FROM event_store.events WHERE stream_name = $1 ORDER BY revision',
        [`citizen-case-${ids.caseId}`],
      );
      expect(rows).toHaveLength(steps.length);
      rows.forEach(({ revision, metadata }) => {
        const sent = steps[Number(revision)];
        expect({ step: sent.name, actor: metadata.actor, correlationId: metadata.correlationId }).toEqual({
          step: sent.name,
          actor: 'caseworker-42',
          correlationId: sent.correlationId,
        });
        const recordedAt = new Date(metadata.recordedAt);
        expect(metadata.recordedAt).toBe(recordedAt.toISOString());
        expect(recordedAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
        expect(recordedAt.getTime()).toBeLessThanOrEqual(finishedAt.getTime());
        expect({ step: sent.name, effectiveAt: metadata.effectiveAt }).toEqual({ step: sent.name, effectiveAt: new Date(sent.effectiveAt!).toISOString() });
      });
    });
  });

  it('lets an event take effect when it is recorded when the body gives no effectiveAt', async () => {
    const { at } = await caseWithSanction();
    const closed = await api.post(`${at}/closure`, { reason: 'MOVED_AWAY' }, { ...CASEWORKER, headers: { 'x-correlation-id': 'corr-close-now' } });
    expect(closed.statusCode).toBe(200);
    const { rows } = await api.database.pool.query<{ data: any; metadata: any }>(
      `SELECT data, metadata FROM event_store.events WHERE stream_name = $1 AND type = 'CaseClosed'`,
      [closed.body.streamName],
    );
    expect(rows[0].metadata).toMatchObject({ actor: 'caseworker-42', correlationId: 'corr-close-now' });
    expect(rows[0].metadata.effectiveAt).toBe(rows[0].metadata.recordedAt);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date(rows[0].metadata.recordedAt));
    expect(rows[0].data).toEqual({ reason: 'MOVED_AWAY', closedOn: today });
  });

  it('refuses a repayment of a sanction reviewed CORRECT with 422 REPAYMENT.SANCTION_NOT_IN_ERROR, storing nothing', async () => {
    const { at, sanctionId } = await caseWithSanction();
    expect((await api.post(`${at}/sanctions/${sanctionId}/reviews`, correctReview)).statusCode).toBe(200);
    const before = await countEvents();
    const response = await api.post(`${at}/repayments`, { sanctionIds: [sanctionId], amountOre: 100_000 }, CASEWORKER);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 422, code: 'REPAYMENT.SANCTION_NOT_IN_ERROR', field: 'sanctionIds' });
    expect(await countEvents()).toBe(before);
  });

  it('refuses a repayment above what was deducted, counting earlier repayments, with 422 REPAYMENT.EXCEEDS_DEDUCTED', async () => {
    const { at, sanctionId } = await caseWithSanction({ amountDeductedOre: 500_000 });
    expect((await api.post(`${at}/sanctions/${sanctionId}/reviews`, errorReview)).statusCode).toBe(200);
    const before = await countEvents();
    const tooMuch = await api.post(`${at}/repayments`, { sanctionIds: [sanctionId], amountOre: 500_001 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'REPAYMENT.EXCEEDS_DEDUCTED', field: 'amountOre' });
    expect(await countEvents()).toBe(before);

    expect((await api.post(`${at}/repayments`, { sanctionIds: [sanctionId], amountOre: 300_000 })).statusCode).toBe(201);
    const rest = await api.post(`${at}/repayments`, { sanctionIds: [sanctionId], amountOre: 200_001 });
    expect(rest.statusCode).toBe(422);
    expect(rest.body.code).toBe('REPAYMENT.EXCEEDS_DEDUCTED');
    expect((await api.post(`${at}/repayments`, { sanctionIds: [sanctionId], amountOre: 200_000 })).statusCode).toBe(201);
  });

  it('refuses a command under a stale If-Match with 412, storing nothing, and accepts the current revision', async () => {
    const { at, sanctionId } = await caseWithSanction();
    const before = await countEvents();
    const stale = await api.post(`${at}/sanctions/${sanctionId}/reviews`, errorReview, { ...CASEWORKER, headers: { 'if-match': '"0"' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ status: 412, code: 'REQUEST.PRECONDITION_FAILED', currentRevision: 1 });
    const staleCreate = await api.post(`${at}/sanctions`, sanctionBody(), { headers: { 'if-match': '"0"' } });
    expect(staleCreate.statusCode).toBe(412);
    expect(await countEvents()).toBe(before);

    const current = await api.post(`${at}/sanctions/${sanctionId}/reviews`, errorReview, { ...CASEWORKER, headers: { 'if-match': '"1"' } });
    expect(current.statusCode).toBe(200);
    expect(current.body.revision).toBe(2);
    expect(current.headers.etag).toBe('"2"');
    const created = await api.post(`${at}/sanctions`, sanctionBody(), { headers: { 'if-match': current.headers.etag as string } });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"3"');
  });

  it('answers 404 with the code of what is missing: sanction, repayment, appeal or the case itself', async () => {
    const { at } = await caseWithSanction();
    const before = await countEvents();
    const sanction = await api.post(`${at}/sanctions/${UNKNOWN_ID}/reviews`, errorReview);
    expect(sanction.statusCode).toBe(404);
    expect(sanction.body).toMatchObject({ status: 404, code: 'SANCTION.NOT_FOUND', field: 'sanctionId' });
    const repaid = await api.post(`${at}/repayments`, { sanctionIds: [UNKNOWN_ID], amountOre: 100 });
    expect(repaid.statusCode).toBe(404);
    expect(repaid.body).toMatchObject({ code: 'SANCTION.NOT_FOUND', field: 'sanctionIds' });
    expect((await api.post(`${at}/repayments/${UNKNOWN_ID}/issue`, {})).body).toMatchObject({ status: 404, code: 'REPAYMENT.NOT_FOUND' });
    expect((await api.post(`${at}/appeals/${UNKNOWN_ID}/decision`, { outcome: 'AFVIST' })).body).toMatchObject({ status: 404, code: 'APPEAL.NOT_FOUND' });

    const unknownCase = await api.post(`/citizen-cases/${UNKNOWN_ID}/sanctions`, sanctionBody());
    expect(unknownCase.statusCode).toBe(404);
    expect(unknownCase.body.code).toBe('CASE.NOT_FOUND');
    expect((await api.post(`/citizen-cases/${UNKNOWN_ID}/closure`, { reason: 'MOVED_AWAY' })).body).toMatchObject({ status: 404, code: 'CASE.NOT_FOUND' });
    expect(await countEvents()).toBe(before);
  });

  it('refuses a sanction type not in force on the breach date with 422 naming breachDate, and takes the type that is', async () => {
    const { at } = await caseWithSanction();
    const before = await countEvents();
    const response = await api.post(`${at}/sanctions`, sanctionBody({ breachDate: '2025-08-01', decidedOn: '2025-08-15' }));
    expect(response.statusCode).toBe(422);
    expect(response.body).toMatchObject({ code: 'SANCTION.TYPE_NOT_VALID_ON_BREACH_DATE', field: 'breachDate' });
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'breachDate', code: 'SANCTION.TYPE_NOT_VALID_ON_BREACH_DATE' })]);
    expect(await countEvents()).toBe(before);
    const newer = await api.post(`${at}/sanctions`, sanctionBody({ sanctionType: 'STRICTER_AVAILABILITY_2025', breachDate: '2025-08-01', decidedOn: '2025-08-15' }));
    expect(newer.statusCode).toBe(201);
  });

  describe('malformed bodies', () => {
    const cases: readonly { name: string; route: (c: { at: string; sanctionId: string }) => string; body: Record<string, unknown>; fields: string[] }[] = [
      { name: 'negative øre', route: ({ at }) => `${at}/sanctions`, body: sanctionBody({ amountDeductedOre: -100 }), fields: ['amountDeductedOre'] },
      { name: 'fractional øre', route: ({ at }) => `${at}/sanctions`, body: sanctionBody({ amountDeductedOre: 1234.5 }), fields: ['amountDeductedOre'] },
      { name: 'unknown sanction type', route: ({ at }) => `${at}/sanctions`, body: sanctionBody({ sanctionType: 'AKTL_99' }), fields: ['sanctionType'] },
      { name: 'a legal basis typed by the caller', route: ({ at }) => `${at}/sanctions`, body: sanctionBody({ legalBasis: { law: 'x' } }), fields: ['legalBasis'] },
      { name: 'a period without an end', route: ({ at }) => `${at}/sanctions`, body: sanctionBody({ period: { from: '2021-04-01' } }), fields: ['period.to'] },
      { name: 'unknown discovery source', route: ({ at }) => `${at}/discoveries`, body: { source: 'RUMOUR' }, fields: ['source'] },
      {
        name: 'unknown review outcome and category',
        route: ({ at, sanctionId }) => `${at}/sanctions/${sanctionId}/reviews`,
        body: { ...errorReview, outcome: 'MAYBE', errorCategories: ['TYPO'] },
        fields: ['outcome', 'errorCategories'],
      },
      {
        name: 'øre as a string, sanction ids not UUIDs',
        route: ({ at }) => `${at}/repayments`,
        body: { sanctionIds: ['s-1'], amountOre: '100' },
        fields: ['sanctionIds', 'amountOre'],
      },
      {
        name: 'too many sanctions in one request',
        route: ({ at }) => `${at}/repayments`,
        body: { sanctionIds: Array.from({ length: 51 }, () => UNKNOWN_ID), amountOre: 100 },
        fields: ['sanctionIds'],
      },
      { name: 'zero øre', route: ({ at }) => `${at}/repayments`, body: { sanctionIds: [UNKNOWN_ID], amountOre: 0 }, fields: ['amountOre'] },
      { name: 'a schedule without a date', route: ({ at }) => `${at}/repayments/${UNKNOWN_ID}/schedule`, body: { extra: 1 }, fields: ['scheduledFor', 'extra'] },
      { name: 'unknown appeal outcome', route: ({ at }) => `${at}/appeals/${UNKNOWN_ID}/decision`, body: { outcome: 'WON' }, fields: ['outcome'] },
      { name: 'unknown closure reason', route: ({ at }) => `${at}/closure`, body: { reason: 'BORED', effectiveAt: 'yesterday' }, fields: ['reason', 'effectiveAt'] },
      { name: 'reopening without a reason', route: ({ at }) => `${at}/reopening`, body: {}, fields: ['reason'] },
      {
        name: 'a correction of an unknown kind',
        route: ({ at }) => `${at}/corrections`,
        body: { correctsEventId: UNKNOWN_ID, target: { kind: 'appeal', changes: {} }, reason: 'x' },
        fields: ['target.kind'],
      },
      {
        name: "a sanction correction with a case's field and negative øre",
        route: ({ at }) => `${at}/corrections`,
        body: { correctsEventId: UNKNOWN_ID, target: { kind: 'sanction', sanctionId: UNKNOWN_ID, changes: { owningUnit: 'x', amountDeductedOre: -5 } }, reason: 'x' },
        fields: ['target.changes.owningUnit', 'target.changes.amountDeductedOre'],
      },
      {
        name: 'a case correction naming a sanction, with an unknown legal area',
        route: ({ at }) => `${at}/corrections`,
        body: { correctsEventId: 'ev-1', target: { kind: 'case', sanctionId: UNKNOWN_ID, changes: { legalArea: 'TAX' } }, reason: 'x' },
        fields: ['correctsEventId', 'target.sanctionId', 'target.changes.legalArea'],
      },
      {
        name: 'a review correction without a sanction, with an unknown category',
        route: ({ at }) => `${at}/corrections`,
        body: { correctsEventId: UNKNOWN_ID, target: { kind: 'review', changes: { errorCategories: ['TYPO'], wouldChangeOnAppeal: 'yes' } }, reason: 'x' },
        fields: ['target.sanctionId', 'target.changes.errorCategories', 'target.changes.wouldChangeOnAppeal'],
      },
      { name: 'a correction without a target', route: ({ at }) => `${at}/corrections`, body: { correctsEventId: UNKNOWN_ID, reason: 'x' }, fields: ['target'] },
    ];

    it.each(cases)('answers 400 naming the fields, storing nothing: $name', async ({ route, body, fields }) => {
      const target = await caseWithSanction();
      const before = await countEvents();
      const response = await api.post(route(target), body, CASEWORKER);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect([...new Set(response.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([...fields].sort());
      expect(await countEvents()).toBe(before);
    });

    it('answers 400 for an id in the path that is not a UUID', async () => {
      const { at } = await caseWithSanction();
      const response = await api.post(`${at}/sanctions/not-an-id/reviews`, errorReview);
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatchObject({ code: 'REQUEST.INVALID_ID', field: 'sanctionId' });
    });
  });

  it('answers 403 to roles that may not write (auditor, appeals liaison, committee secretary), on every command route', async () => {
    const { at, sanctionId } = await caseWithSanction();
    const before = await countEvents();
    const routes = [
      `${at}/sanctions`,
      `${at}/discoveries`,
      `${at}/sanctions/${sanctionId}/reviews`,
      `${at}/repayments`,
      `${at}/repayments/${UNKNOWN_ID}/schedule`,
      `${at}/repayments/${UNKNOWN_ID}/issue`,
      `${at}/appeals`,
      `${at}/appeals/${UNKNOWN_ID}/decision`,
      `${at}/closure`,
      `${at}/reopening`,
      `${at}/corrections`,
    ];
    for (const role of ['auditor', 'appeals-liaison', 'committee-secretary'] as const) {
      for (const url of routes) {
        const response = await api.post(url, {}, { as: [role] });
        expect({ role, url, status: response.statusCode, code: response.body.code }).toEqual({ role, url, status: 403, code: 'AUTH.FORBIDDEN_ROLE' });
      }
    }
    expect(await countEvents()).toBe(before);
    expect((await api.post(`${at}/closure`, { reason: 'MOVED_AWAY' }, { as: null })).statusCode).toBe(401);
  });

  it('replays a retried command with the same Idempotency-Key: the same new id and status, nothing stored twice', async () => {
    const { at, sanctionId } = await caseWithSanction();
    const headers = { 'idempotency-key': 'impose-retry-0001' };
    const first = await api.post(`${at}/sanctions`, sanctionBody(), { ...CASEWORKER, headers });
    expect(first.statusCode).toBe(201);
    const before = await countEvents();
    const retry = await api.post(`${at}/sanctions`, sanctionBody(), { ...CASEWORKER, headers });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);

    const reviewHeaders = { 'idempotency-key': 'review-retry-0001' };
    const reviewed = await api.post(`${at}/sanctions/${sanctionId}/reviews`, errorReview, { ...CASEWORKER, headers: reviewHeaders });
    expect(reviewed.statusCode).toBe(200);
    const again = await api.post(`${at}/sanctions/${sanctionId}/reviews`, errorReview, { ...CASEWORKER, headers: reviewHeaders });
    expect(again.statusCode).toBe(200);
    expect(again.body).toEqual(reviewed.body);
    expect(await countEvents()).toBe(before + 1);
  });

  it('publishes every command route in the OpenAPI document, the correction target as a discriminated union', async () => {
    const response = await api.get('/docs-json', { as: null });
    const paths = response.body.paths;
    const posts: Record<string, string> = {
      '/citizen-cases/{caseId}/sanctions': '201',
      '/citizen-cases/{caseId}/discoveries': '200',
      '/citizen-cases/{caseId}/sanctions/{sanctionId}/reviews': '200',
      '/citizen-cases/{caseId}/repayments': '201',
      '/citizen-cases/{caseId}/repayments/{repaymentId}/schedule': '200',
      '/citizen-cases/{caseId}/repayments/{repaymentId}/issue': '200',
      '/citizen-cases/{caseId}/appeals': '201',
      '/citizen-cases/{caseId}/appeals/{appealId}/decision': '200',
      '/citizen-cases/{caseId}/closure': '200',
      '/citizen-cases/{caseId}/reopening': '200',
      '/citizen-cases/{caseId}/corrections': '200',
    };
    for (const [path, status] of Object.entries(posts)) {
      expect({ path, responses: Object.keys(paths[path]?.post?.responses ?? {}) }).toEqual({
        path,
        responses: expect.arrayContaining([status, '400', '403', '404', '412', '422']),
      });
      expect(paths[path].post.parameters.map((p: { name: string }) => p.name)).toContain('If-Match');
    }
    const schemas = response.body.components.schemas;
    expect(schemas.CorrectFactDto.properties.target.discriminator.propertyName).toBe('kind');
    expect(schemas.ImposeSanctionDto.properties.sanctionType.enum).toContain('AKTL_40A_STRICTER_AVAILABILITY');
  });

  /** A fresh open case with one § 40 a sanction, through HTTP. */
  async function caseWithSanction(overrides: Record<string, unknown> = {}): Promise<{ at: string; sanctionId: string }> {
    const opened = await api.post('/citizen-cases', openBody);
    expect(opened.statusCode).toBe(201);
    const at = `/citizen-cases/${opened.body.caseId}`;
    const imposed = await api.post(`${at}/sanctions`, sanctionBody(overrides));
    expect(imposed.statusCode).toBe(201);
    return { at, sanctionId: imposed.body.sanctionId };
  }

  async function countEvents(): Promise<number> {
    const { rows } = await api.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
    return Number(rows[0].n);
  }
});
