import { PROJECTIONS, ResidentCaseFigures, listParkedEvents, readCheckpoints, rebuildProjections, reportDigest, reportJson } from '@casetrail/case-read-models';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import type { Role } from '@casetrail/platform';
import {
  ACCEPTANCE_FIXTURE_A,
  FIXTURE_A_EXPECTED_SUMMARY,
  STRICTER_SANCTION_TYPE,
  summariseFixtureA,
  syntheticCpr,
  waitFor,
  waitForStableLog,
  type FixtureSummary,
} from '@casetrail/testing';
import { TEST_READ_PURPOSE, startTestApi, type TestApi, type TestClock } from './support/api-test-app';
import { loadFixtureAThroughApi, waitForLoadedFacts, type LoadedFixtureA } from './support/load-fixture-a';

/**
 * The sanction review report for Ankestyrelsen, from the events: acceptance fixture A posted through
 * the API with the server's clock at each fact's own date, the later facts (recorded after
 * 2023-08-29) too; then the report as known on 2023-08-29 and 2023-10-31, its CSV, the citizens
 * behind it, and an inquiry answered with it and re-run byte for byte after new facts.
 */
const LIAISON: readonly Role[] = ['appeals-liaison'];
const PERIOD = `breachFrom=${ACCEPTANCE_FIXTURE_A.period.from}&breachTo=${ACCEPTANCE_FIXTURE_A.period.to}`;
const REPORT = `/reports/sanction-review?${PERIOD}`;

interface RawResponse {
  readonly statusCode: number;
  readonly headers: Record<string, unknown>;
  readonly text: string;
}

interface ReportRow {
  readonly source: string;
  readonly citizens: number;
  readonly sanctions: number;
  readonly citizensWithError: number;
  readonly repayment: { readonly assessedOre: number; readonly scheduledOre: number; readonly paidOre: number };
  readonly citizenDetails?: readonly { readonly citizenRef: string; readonly sanctionIdsInError: readonly string[] }[];
}

interface Report {
  readonly header: { readonly parameters: Record<string, unknown>; readonly basis: Record<string, unknown> & { readonly position: string } };
  readonly rows: readonly ReportRow[];
  readonly total: Omit<ReportRow, 'source'>;
}

function asFixtureSummary(report: Report): FixtureSummary {
  const figures = (r: Omit<ReportRow, 'source'>) => ({ citizens: r.citizens, sanctions: r.sanctions, citizensWithError: r.citizensWithError, repaymentOre: r.repayment.assessedOre });
  return { rows: report.rows.map((r) => ({ source: r.source as FixtureSummary['rows'][number]['source'], ...figures(r) })), total: figures(report.total) };
}

describe('the sanction review report, from the events, and inquiries answered with it', () => {
  const clock: TestClock = {};
  let api: TestApi;
  let loaded: LoadedFixtureA;

  beforeAll(async () => {
    api = await startTestApi({ projector: true, clock });
    loaded = await loadFixtureAThroughApi(api, { includeLaterFacts: true, clock });
    await waitForLoadedFacts(api, loaded);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** The response as sent, bytes and all. */
  async function raw(url: string, roles: readonly Role[] = LIAISON): Promise<RawResponse> {
    const token = await api.token(roles);
    const response = await api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, 'x-purpose': TEST_READ_PURPOSE } });
    return { statusCode: response.statusCode, headers: response.headers, text: response.body };
  }

  async function report(url: string, roles: readonly Role[] = LIAISON): Promise<Report> {
    const response = await raw(url, roles);
    expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    return JSON.parse(response.text) as Report;
  }

  it('gives exactly the table of fixture A as known on 2023-08-29, though the later facts are stored, as canonical JSON naming its basis', async () => {
    const response = await raw(`${REPORT}&knownOn=2023-08-29`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(response.text) as Report;
    expect(asFixtureSummary(body)).toEqual(FIXTURE_A_EXPECTED_SUMMARY);
    expect(body.total).toMatchObject({ citizens: 35, sanctions: 39, citizensWithError: 25, repayment: { assessedOre: 33_429_900 } });
    expect(body.header.parameters).toEqual({
      sanctionTypes: [STRICTER_SANCTION_TYPE, 'STRICTER_AVAILABILITY_2025'],
      breachFrom: '2020-01-01',
      breachTo: '2023-07-31',
      knownOn: '2023-08-29',
      includeCitizens: false,
    });
    expect(body.header.basis).toMatchObject({
      recordedCutoff: '2023-08-29T21:59:59.999Z',
      timeZone: 'Europe/Copenhagen',
      computedFrom: 'EVENTS',
      streamsRead: 36,
      eventsFolded: loaded.requests - ACCEPTANCE_FIXTURE_A.laterFacts.length,
    });
    expect(BigInt(body.header.basis.position)).toBeGreaterThanOrEqual(loaded.lastPosition);
    expect(response.text).toBe(reportJson(body));
    expect(response.headers).toMatchObject({
      'x-report-digest': reportDigest(body),
      'x-report-position': body.header.basis.position,
      'x-report-recorded-cutoff': '2023-08-29T21:59:59.999Z',
    });
  });

  it('as Danish CSV: header lines starting with #, then the table, the total 35, 39, 25, 334.299', async () => {
    const response = await raw(`${REPORT}&knownOn=2023-08-29&format=csv&locale=da`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const lines = response.text.split('\r\n');
    const header = lines.slice(0, 9);
    expect(header.every((line) => line.startsWith('# '))).toBe(true);
    expect(header).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^# sanktionstyper: AKTL_40A_STRICTER_AVAILABILITY \(Skærpet rådighedssanktion\), /),
        '# overtrædelsesdatoer (virkningstid): 2020-01-01 til 2023-07-31 (overtrædelsesdato, begge dage medregnet)',
        '# kendt pr. (registreringstid): 2023-08-29: fakta registreret til og med 2023-08-29T21:59:59.999Z (dagens udgang, dansk tid)',
        `# position i hændelsesloggen: ${response.headers['x-report-position']} (senere hændelser i loggen er ikke medregnet)`,
        expect.stringMatching(/^# rækkefølge for fundkilder: praksisundersøgelse, derefter udtaget af Ankestyrelsen, derefter egne metoder, derefter alene nationalt udtræk/),
        expect.stringMatching(/^# afrunding: .*afrundet halvt op/),
      ]),
    );
    expect(lines[9]).toBe('fundkilde;borgere;sanktioner;borgere med fejl;tilbagebetaling vurderet, kr.;heraf planlagt, kr.;heraf udbetalt, kr.;borgere med fejl, pct.');
    expect(lines.slice(10, 14).map((line) => line.split(';').slice(0, 5).join(';'))).toEqual([
      'i Ankestyrelsens praksisundersøgelse;8;9;8;170.320',
      'udtaget af undersøgelsen af Ankestyrelsen;4;6;2;21.526',
      'fundet ved kommunens egne metoder;13;14;10;116.335',
      'fundet alene via det nationale udtræk;10;10;5;26.118',
    ]);
    expect(lines[14]).toMatch(/^I alt;35;39;25;334\.299;[\d.]+;[\d.]+;71 pct\.$/);
    const english = (await raw(`${REPORT}&knownOn=2023-08-29&format=csv`)).text.split('\r\n');
    expect(english[14]).toMatch(/^total,35,39,25,"334,299",.*,71%$/);
  });

  it('as known on 2023-10-31 counts the later facts as the fixture says, unless the position is before them', async () => {
    const later = await report(`${REPORT}&knownOn=2023-10-31`);
    expect(asFixtureSummary(later)).toEqual(summariseFixtureA(ACCEPTANCE_FIXTURE_A, { includeLaterFacts: true }));
    expect(asFixtureSummary(later)).not.toEqual(FIXTURE_A_EXPECTED_SUMMARY);
    expect(later.rows.find((r) => r.source === 'NATIONAL_EXTRACT')).toMatchObject({ citizens: 9, citizensWithError: 6 });
    expect(later.rows.find((r) => r.source === 'OWN_METHODS')).toMatchObject({ citizens: 14 });
    expect(later.total.repayment.assessedOre).toBe(33_429_900 + 571_400);

    const beforeLaterFacts = await report(`${REPORT}&knownOn=2023-10-31&position=${loaded.knownOnPosition}`);
    expect(asFixtureSummary(beforeLaterFacts)).toEqual(FIXTURE_A_EXPECTED_SUMMARY);
    expect(beforeLaterFacts.header.basis.position).toBe(loaded.knownOnPosition.toString());
  });

  it('lists the pseudonymous citizens behind each row for cleared roles only; a caseworker gets 403', async () => {
    const withCitizens = await report(`${REPORT}&knownOn=2023-08-29&includeCitizens=true`, ['auditor']);
    for (const row of withCitizens.rows) {
      expect(row.citizenDetails).toHaveLength(row.citizens);
      expect(row.citizenDetails!.filter((c) => c.sanctionIdsInError.length > 0)).toHaveLength(row.citizensWithError);
    }
    const refs = withCitizens.rows.flatMap((r) => r.citizenDetails!.map((c) => c.citizenRef));
    expect(new Set(refs).size).toBe(35);
    expect(refs.every((ref) => /^[0-9a-f-]{36}$/.test(ref))).toBe(true);
    const text = JSON.stringify(withCitizens);
    expect(ACCEPTANCE_FIXTURE_A.citizens.filter((c) => text.includes(c.cpr) || text.includes(c.cpr.replace('-', '')))).toEqual([]);
    const csv = (await raw(`${REPORT}&knownOn=2023-08-29&includeCitizens=true&format=csv&locale=da`, ['appeals-liaison', 'admin'])).text;
    expect(csv).toContain('# borgere bag hver række (pseudonyme referencer)');

    for (const url of [`${REPORT}&knownOn=2023-08-29&includeCitizens=true`, `${REPORT}&knownOn=2023-08-29`]) {
      const refused = await raw(url, ['caseworker']);
      expect({ url, status: refused.statusCode, code: JSON.parse(refused.text).code }).toEqual({ url, status: 403, code: 'AUTH.FORBIDDEN_ROLE' });
    }
    expect((await raw(`${REPORT}&knownOn=2023-08-29`, ['committee-secretary'])).statusCode).toBe(403);
  });

  it('refuses malformed parameters (400) and a position beyond the end of the stable log (409)', async () => {
    const problem = async (query: string) => {
      const response = await raw(`/reports/sanction-review?${query}`);
      return { status: response.statusCode, code: JSON.parse(response.text).code, fields: (JSON.parse(response.text).errors ?? []).map((e: { field: string }) => e.field) };
    };
    expect(await problem('knownOn=2023-08-29T10:00:00')).toEqual({ status: 400, code: 'REQUEST.VALIDATION_FAILED', fields: ['knownOn'] });
    expect(await problem('sanctionTypes=AVAILABILITY')).toEqual({ status: 400, code: 'REQUEST.VALIDATION_FAILED', fields: ['sanctionTypes'] });
    expect(await problem('breachFrom=2023-01-02&breachTo=2023-01-01')).toEqual({ status: 400, code: 'REQUEST.VALIDATION_FAILED', fields: ['breachTo'] });
    expect(await problem('format=xlsx&locale=sv')).toEqual({ status: 400, code: 'REQUEST.VALIDATION_FAILED', fields: ['format', 'locale'] });
    expect(await problem('knownOn=2023-02-30')).toMatchObject({ status: 422, code: 'REPORT.INVALID_KNOWN_ON' });
    expect(await problem(`position=${(1n << 127n).toString()}`)).toMatchObject({ status: 409, code: 'REPORT.POSITION_NOT_YET_STABLE' });
  });

  // Runs last: it adds facts to this database.
  it('answers an inquiry once with a drafted report, and re-runs it byte for byte after new facts, also facts recorded before its cutoff', async () => {
    clock.now = new Date('2023-08-30T08:00:00Z');
    const received = await api.post(
      '/inquiries',
      {
        from: 'Ankestyrelsen',
        question: 'Hvilke afgørelser om skærpet rådighedssanktion truffet siden 1. januar 2020 var forkerte?',
        scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: [STRICTER_SANCTION_TYPE], period: ACCEPTANCE_FIXTURE_A.period },
        deadline: '2023-09-15',
        receivedOn: '2023-06-28',
      },
      { as: LIAISON },
    );
    expect(received.statusCode).toBe(201);
    const inquiry = `/inquiries/${received.body.inquiryId}`;
    const parameters = { sanctionTypes: [STRICTER_SANCTION_TYPE], ...ACCEPTANCE_FIXTURE_A.period, knownOn: '2023-08-29' };
    const body = { sanctionTypes: parameters.sanctionTypes, breachFrom: parameters.from, breachTo: parameters.to, knownOn: parameters.knownOn };

    expect((await api.post(`${inquiry}/answer-drafts`, body, { as: ['auditor'] })).statusCode).toBe(403);
    expect((await raw(`${inquiry}/answer/report`)).statusCode).toBe(404);

    const draft = await api.post(`${inquiry}/answer-drafts`, { ...body, note: 'Til Beskæftigelsesudvalget 2023-09-05' }, { as: LIAISON });
    expect(draft.statusCode).toBe(201);
    expect(draft.body).toMatchObject({ events: ['InquiryAnswerDrafted'], report: { recordedCutoff: '2023-08-29T21:59:59.999Z' } });
    const unknownItem = await api.post(`${inquiry}/answer`, { draftId: draft.body.draftId, committeeItemId: '0190c7a2-0000-7000-8000-0000000000aa' }, { as: LIAISON });
    expect(unknownItem).toMatchObject({ statusCode: 422, body: { code: 'INQUIRY.APPROVAL_ITEM_NOT_FOUND', field: 'committeeItemId' } });
    const answered = await api.post(`${inquiry}/answer`, { draftId: draft.body.draftId, answeredOn: '2023-09-06' }, { as: LIAISON });
    expect(answered).toMatchObject({ statusCode: 200, body: { events: ['InquiryAnswered'] } });
    expect(await api.post(`${inquiry}/answer`, { draftId: draft.body.draftId }, { as: LIAISON })).toMatchObject({ statusCode: 409, body: { code: 'INQUIRY.ALREADY_ANSWERED' } });

    const { answer } = (await api.get(inquiry, { as: ['auditor'] })).body.state;
    expect(answer).toMatchObject({ draftId: draft.body.draftId, approval: null, answeredOn: '2023-09-06' });
    expect(answer.report).toMatchObject({ kind: 'SANCTION_REVIEW', position: draft.body.report.position, recordedCutoff: '2023-08-29T21:59:59.999Z' });
    const stored = reportJson(answer.report.report);
    expect(asFixtureSummary(answer.report.report)).toEqual(FIXTURE_A_EXPECTED_SUMMARY);
    expect(reportDigest(answer.report.report)).toBe(draft.body.report.digest);

    const first = await raw(`${inquiry}/answer/report`, ['auditor']);
    expect(first.statusCode).toBe(200);
    expect(first.text).toBe(stored);

    // New facts at positions after the answer's: some recorded before its cutoff (a late entry with
    // an earlier clock), one after it.
    clock.now = new Date('2023-08-20T10:00:00Z');
    const caseworker = { as: ['caseworker'] as readonly Role[] };
    const moved = await api.post(`/citizen-cases/${loaded.caseIds.ne1}/discoveries`, { source: 'PRACTICE_SURVEY', identifiedOn: '2023-08-20' }, caseworker);
    expect(moved.statusCode).toBe(200);
    const opened = await api.post('/citizen-cases', { caseNumber: 'EMN-2021-07777', cpr: syntheticCpr(36), legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord', openedOn: '2021-05-03' }, caseworker);
    const newCase = `/citizen-cases/${opened.body.caseId}`;
    expect((await api.post(`${newCase}/discoveries`, { source: 'OWN_METHODS', identifiedOn: '2023-08-20' }, caseworker)).statusCode).toBe(200);
    const imposed = await api.post(
      `${newCase}/sanctions`,
      { sanctionType: STRICTER_SANCTION_TYPE, breachDate: '2022-05-02', period: { from: '2022-06-01', to: '2022-08-31' }, amountDeductedOre: 1_000_000, decidedOn: '2022-05-16' },
      caseworker,
    );
    expect(imposed.statusCode).toBe(201);
    clock.now = new Date('2023-09-20T10:00:00Z');
    const reviewed = await api.post(
      `${newCase}/sanctions/${imposed.body.sanctionId}/reviews`,
      { outcome: 'ERROR', errorCategories: ['MISSING_WRITTEN_GUIDANCE'], wouldChangeOnAppeal: true, reviewer: 'legal-audit-1', reviewedOn: '2023-09-20' },
      caseworker,
    );
    expect(reviewed.statusCode).toBe(200);
    clock.now = undefined;
    expect(BigInt(moved.body.position)).toBeGreaterThan(BigInt(answer.report.position));

    const again = await raw(`${inquiry}/answer/report`);
    expect(again.statusCode).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers['x-report-digest']).toBe(draft.body.report.digest);

    // As known now: once the log is stable through the new facts (another test file's open transaction holds its end back).
    await waitForStableLog(api.app.get<EventStore>(EVENT_STORE, { strict: false }), BigInt(reviewed.body.position));
    const sameQuestionNow = await report(`/reports/sanction-review?sanctionTypes=${STRICTER_SANCTION_TYPE}&${PERIOD}&knownOn=2023-08-29`);
    expect(sameQuestionNow.total).toMatchObject({ citizens: 36, sanctions: 40, citizensWithError: 25 });
    expect(sameQuestionNow.rows.find((r) => r.source === 'PRACTICE_SURVEY')).toMatchObject({ citizens: 9 });
    const atTheAnswersPosition = await raw(`/reports/sanction-review?sanctionTypes=${STRICTER_SANCTION_TYPE}&${PERIOD}&knownOn=2023-08-29&position=${answer.report.position}`);
    expect(atTheAnswersPosition.text).toBe(stored);

    const danish = (await raw(`${inquiry}/answer/report?format=csv&locale=da`)).text.split('\r\n');
    expect(danish[14]).toMatch(/^I alt;35;39;25;334\.299;/);

    await projectTo(BigInt(reviewed.body.position));
  });

  it('holds the case rows in the API process without a report being asked, and reads them again after a rebuild swaps new tables in', async () => {
    const resident = api.app.get(ResidentCaseFigures, { strict: false });
    const caseRows = async () => (await api.database.pool.query<{ cases: number }>('SELECT count(*)::int AS cases FROM read_model.sanction_review_cases')).rows[0].cases;
    const cases = await caseRows();
    expect(cases).toBeGreaterThan(0);
    await waitFor('the case rows held', async () => (resident.size === cases ? true : undefined), { timeoutMs: 15_000 });
    const before = resident.table;
    const knownOn = (await report(`${REPORT}&knownOn=2023-08-29&includeCitizens=true`)).rows;

    const citizenCases = PROJECTIONS.find((p) => p.name === 'citizen-cases')!;
    await rebuildProjections(api.app.get<EventStore>(EVENT_STORE, { strict: false }), api.database.pool, [citizenCases]);
    await waitFor('the rebuilt case rows held', async () => (resident.table !== before ? true : undefined), { timeoutMs: 15_000 });
    expect(resident.size).toBe(await caseRows());
    expect((await report(`${REPORT}&knownOn=2023-08-29&includeCitizens=true`)).rows).toEqual(knownOn);
  });

  /** The projector in the API applied everything, the new inquiry events included, parking nothing. */
  async function projectTo(position: bigint): Promise<void> {
    await waitFor(
      `every projection at position ${position}`,
      async () => {
        const checkpoints = await readCheckpoints(api.database.pool);
        return PROJECTIONS.every((p) => (checkpoints.find((c) => c.projection === p.name)?.position ?? 0n) >= position) ? true : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 20 },
    );
    expect(await listParkedEvents(api.database.pool)).toEqual([]);
  }
});
