import { createHash } from 'node:crypto';
import type { Role } from '@casetrail/platform';
import { syntheticCpr } from '@casetrail/testing';
import { startTestApi, type TestApi, type TestResponse } from './support/api-test-app';

/**
 * Imported evidence and the reports that set it beside the municipality's own figures, through
 * HTTP with the projector running: a STAR-like extract reconciled with the sanction register, and
 * complaint statistics with an imported comparator. Every figure below is computed by hand.
 */
const LIAISON = { as: ['appeals-liaison'] as Role[], subject: 'liaison-e2e' };
const CASEWORKER = { as: ['caseworker'] as Role[], subject: 'caseworker-e2e' };
const STRICTER = 'AKTL_40A_STRICTER_AVAILABILITY';
const GENERIC = 'AKTL_AVAILABILITY_GENERIC';
const PERIOD = { from: '2020-01-01', to: '2023-07-31' };

/** A, B, D, E have cases; C is known only to the extract. */
const CPR = { A: syntheticCpr(30), B: syntheticCpr(31), C: syntheticCpr(32), D: syntheticCpr(33), E: syntheticCpr(34) };
const stricter = (date: string, amountOre?: number) => ({ type: 'STRICTER_AVAILABILITY', date, ...(amountOre === undefined ? {} : { amountOre }) });

const EXTRACT = {
  source: 'STAR/Jobindsats',
  period: PERIOD,
  receivedOn: '2023-08-07',
  citizens: [
    { cpr: CPR.A, sanctions: [stricter('2020-03-01', 150_000), stricter('2021-05-01', 150_000), stricter('2022-09-01', 150_000)] },
    { cpr: CPR.B, sanctions: [stricter('2022-01-10', 90_000), stricter('2022-06-01')] },
    { cpr: CPR.C, sanctions: [stricter('2023-07-31', 70_000), stricter('2019-12-31', 70_000), { type: 'ABSENCE', date: '2021-01-01' }] },
  ],
};

describe('imported evidence and the reports beside it', () => {
  let api: TestApi;
  let lastPosition = 0n;
  let extractId = '';
  const caseIds: Record<string, string> = {};

  async function write(url: string, body: unknown, status = 200, options: { as: Role[]; subject: string } = CASEWORKER): Promise<any> {
    const response = await api.post(url, body, options);
    if (response.statusCode !== status) throw new Error(`POST ${url}: expected ${status}, got ${response.statusCode} ${JSON.stringify(response.body)}`);
    if (response.body.position !== null && BigInt(response.body.position) > lastPosition) lastPosition = BigInt(response.body.position);
    return response.body;
  }

  const read = (url: string, role: Role = 'appeals-liaison'): Promise<TestResponse> =>
    api.get(`${url}${url.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, { as: [role] });

  async function openCase(cpr: string, caseNumber: string, legalArea = 'AKTIVLOVEN'): Promise<string> {
    const body = { caseNumber, cpr, legalArea, owningUnit: 'Jobcenter Nord', openedOn: '2019-06-01', effectiveAt: '2019-06-01T10:00:00Z' };
    return (await write('/citizen-cases', body, 201)).caseId;
  }

  async function impose(caseId: string, sanctionType: string, breachDate: string, amountDeductedOre = 100_000): Promise<string> {
    const body = { sanctionType, breachDate, period: { from: breachDate, to: breachDate }, amountDeductedOre, decidedOn: breachDate };
    return (await write(`/citizen-cases/${caseId}/sanctions`, body, 201)).sanctionId;
  }

  beforeAll(async () => {
    api = await startTestApi({ projector: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    caseIds.A = await openCase(CPR.A, 'EMN-2019-00001');
    await impose(caseIds.A, STRICTER, '2020-03-01', 120_000);
    await impose(caseIds.A, STRICTER, '2021-05-01', 80_000);
    await impose(caseIds.A, GENERIC, '2022-09-01');
    caseIds.B = await openCase(CPR.B, 'EMN-2019-00002');
    await impose(caseIds.B, GENERIC, '2022-01-10');
    await impose(caseIds.B, GENERIC, '2022-06-01');
    caseIds.D = await openCase(CPR.D, 'EMN-2019-00004');
    await impose(caseIds.D, STRICTER, '2020-01-01');
    caseIds.E = await openCase(CPR.E, 'EMN-2019-00005');
    await impose(caseIds.E, STRICTER, '2023-08-01');
    await impose(caseIds.E, GENERIC, '2021-02-02');
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('POST /evidence/extracts', () => {
    it('imports the extract once: the same file again answers 200 with the first import and appends nothing', async () => {
      const first = await api.post('/evidence/extracts', EXTRACT, LIAISON);
      expect(first.statusCode).toBe(201);
      extractId = first.body.extractId;
      expect(first.body).toMatchObject({
        streamName: `evidence-extract-${extractId}`,
        revision: 0,
        events: ['ExtractImported'],
        imported: true,
        digest: { algorithm: 'SHA-256', value: expect.stringMatching(/^[0-9a-f]{64}$/) },
        citizens: { matched: 2, unmatched: 1 },
      });
      expect(first.headers.location).toBe(`/evidence/extracts/${extractId}`);
      // The digest is the SHA-256 of the document as posted, as sha256sum would give it for the file.
      expect(first.body.digest.value).toBe(createHash('sha256').update(JSON.stringify(EXTRACT)).digest('hex'));
      lastPosition = BigInt(first.body.position);

      const again = await api.post('/evidence/extracts', EXTRACT, LIAISON);
      expect(again.statusCode).toBe(200);
      expect(again.body).toMatchObject({ extractId, streamName: first.body.streamName, revision: 0, position: null, events: [], imported: false });
      expect(again.body.digest).toEqual(first.body.digest);

      const { rows } = await api.database.pool.query<{ stream_name: string; n: number }>(
        `SELECT stream_name, count(*)::int AS n FROM event_store.events WHERE type = 'ExtractImported' GROUP BY stream_name`,
      );
      expect(rows).toEqual([{ stream_name: `evidence-extract-${extractId}`, n: 1 }]);
    });

    it('stores the evidence with its source and dates, citizens by reference or keyed hash only', async () => {
      const stored = await api.get(`/evidence/extracts/${extractId}`, { as: ['auditor'] });
      expect(stored.statusCode).toBe(200);
      const { extract } = stored.body.state;
      expect(extract).toMatchObject({ extractId, source: 'STAR/Jobindsats', period: PERIOD, receivedOn: '2023-08-07', digest: { algorithm: 'SHA-256' } });
      expect(extract.citizens.map((c: { citizenRef: string | null; lookupHash: string | null }) => [c.citizenRef === null, c.lookupHash === null])).toEqual([
        [false, true],
        [false, true],
        [true, false],
      ]);
      expect(extract.citizens[2].lookupHash).toMatch(/^[0-9a-f]{64}$/);
      expect(extract.citizens[1].sanctions).toEqual([
        { type: 'STRICTER_AVAILABILITY', date: '2022-01-10', amountOre: 90_000 },
        { type: 'STRICTER_AVAILABILITY', date: '2022-06-01', amountOre: null },
      ]);
      const { rows } = await api.database.pool.query(`SELECT metadata FROM event_store.events WHERE stream_name = $1`, [`evidence-extract-${extractId}`]);
      expect(rows[0].metadata).toMatchObject({ actor: 'liaison-e2e', effectiveAt: '2023-08-07T12:00:00.000Z' });
    });

    it('leaves no CPR number in any table or log line', async () => {
      const needles = Object.values(CPR).flatMap((cpr) => [cpr, cpr.replace('-', '')]);
      const { rows: tables } = await api.database.pool.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
      );
      expect(tables.map((t) => `${t.schema}.${t.name}`)).toEqual(expect.arrayContaining(['event_store.events', 'personal_data.citizens', 'read_model.sanction_register']));
      for (const table of tables) {
        const { rows } = await api.database.pool.query<{ row: string }>(`SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`);
        for (const { row } of rows) for (const needle of needles) expect(row.includes(needle) ? `${table.schema}.${table.name} holds a CPR number` : 'clean').toBe('clean');
      }
      for (const line of api.logLines) for (const needle of needles) expect(line.includes(needle) ? 'a log line holds a CPR number' : 'clean').toBe('clean');
    });

    it('refuses a malformed CPR number naming its place in the file, without echoing it, and stores nothing', async () => {
      const before = await api.database.pool.query(`SELECT count(*)::int AS n FROM event_store.events`);
      const bad = { ...EXTRACT, receivedOn: '2023-08-08', citizens: [{ cpr: '3102901234', sanctions: [] }] };
      const response = await api.post('/evidence/extracts', bad, LIAISON);
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatchObject({ code: 'CPR.INVALID', field: 'citizens.0.cpr' });
      expect(JSON.stringify(response.body)).not.toContain('3102901234');
      const malformed = await api.post('/evidence/extracts', { ...EXTRACT, citizens: [{ cpr: '12', sanctions: [{ type: 'x', date: '2021-13-01' }] }] }, LIAISON);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['citizens.0.cpr', 'citizens.0.sanctions.0.type', 'citizens.0.sanctions.0.date']),
      );
      expect((await api.database.pool.query(`SELECT count(*)::int AS n FROM event_store.events`)).rows).toEqual(before.rows);
    });
  });

  describe('GET /reports/extract-reconciliation/:extractId', () => {
    it('gives the hand-computed figures: citizens in both, only in one; stricter sanctions reported against verified; untyped never counted', async () => {
      const response = await read(`/reports/extract-reconciliation/${extractId}`);
      expect(response.statusCode).toBe(200);
      const report = response.body;
      expect(report.header).toMatchObject({
        report: 'extract-reconciliation',
        parameters: { extractId, extractType: 'STRICTER_AVAILABILITY' },
        position: expect.stringMatching(/^\d+$/),
        rounding: expect.stringContaining('None'),
      });
      expect(BigInt(report.header.position)).toBeGreaterThanOrEqual(lastPosition);
      expect(response.headers['x-report-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(report.evidence).toMatchObject({ kind: 'IMPORTED_EVIDENCE', source: 'STAR/Jobindsats', period: PERIOD, receivedOn: '2023-08-07', importedBy: 'liaison-e2e' });
      // In the period: A stricter ×2 (+1 untyped), B untyped ×2, D stricter ×1, E untyped ×1 (its stricter one is after the period).
      expect(report.citizens).toEqual({ inExtract: 3, internal: 2, inBoth: 1, onlyInExtract: 2, onlyInExtractUnregistered: 1, onlyInternal: 1, repeatedEntries: 0 });
      expect(report.sanctions).toEqual({
        reportedByExtract: 6,
        verifiedInternally: 2,
        difference: 4,
        untypedForExtractCitizens: 3,
        untypedInPeriod: 4,
        internalOnlyInternalCitizens: 1,
        extractOutsidePeriod: 1,
        extractOtherTypes: { ABSENCE: 1 },
      });
      expect(report.amounts).toEqual({ reportedByExtractOre: 610_000, reportedWithoutAmount: 1, deductedInternallyOre: 200_000 });
      expect(report.withoutInternalSanctionOfType.map((c: { line: number; citizenRef: string | null; untypedInternally: number }) => [c.line, c.citizenRef === null, c.untypedInternally])).toEqual([
        [2, false, 2],
        [3, true, 0],
      ]);
      expect(report.perCitizen[0]).toMatchObject({ line: 1, reportedByExtract: 3, verifiedInternally: 2, difference: 1, untypedInternally: 1 });
    });

    it('gives the same as Danish CSV with header lines naming parameters, cutoff, position and rounding', async () => {
      const response = await read(`/reports/extract-reconciliation/${extractId}?format=csv&locale=da`, 'auditor');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = String(response.body).split('\r\n');
      expect(lines.slice(0, 5).map((l) => l.split(':')[0])).toEqual(['# rapport', '# parametre', '# afgrænsning', '# position i loggen', '# afrunding']);
      expect(response.headers['x-report-position']).toMatch(/^\d+$/);
      expect(lines).toEqual(expect.arrayContaining(['skærpede sanktioner ifølge udtrækket;6', 'skærpede sanktioner verificeret internt;2', 'beløb ifølge udtrækket, kr.;6.100,00']));
    });

    it('answers 404 for an extract never imported', async () => {
      const response = await api.get('/reports/extract-reconciliation/0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e', LIAISON);
      expect(response.statusCode).toBe(404);
      expect(response.body.code).toBe('EXTRACT.NOT_FOUND');
    });
  });

  describe('GET /reports/complaint-statistics', () => {
    let comparatorId = '';

    beforeAll(async () => {
      const decide = async (caseId: string, sanctionId: string, outcome: string, lodgedOn: string, decidedOn: string) => {
        const { appealId } = await write(`/citizen-cases/${caseId}/appeals`, { sanctionIds: [sanctionId], lodgedOn }, 201);
        await write(`/citizen-cases/${caseId}/appeals/${appealId}/decision`, { outcome, decidedOn });
      };
      const aktivloven = await openCase(syntheticCpr(35), 'EMN-2022-00100');
      const aSanction = await impose(aktivloven, GENERIC, '2022-11-01');
      const lab = await openCase(syntheticCpr(36), 'EMN-2022-00101', 'LAB');
      const labSanction = await impose(lab, GENERIC, '2022-11-01');
      // 2023-Q1, aktivloven: 3 upheld, 1 changed, 1 annulled, 1 remitted, 1 dismissed
      for (const outcome of ['STADFAESTET', 'STADFAESTET', 'STADFAESTET', 'AENDRET', 'OPHAEVET', 'HJEMVIST', 'AFVIST']) {
        await decide(aktivloven, aSanction, outcome, '2022-12-01', '2023-02-15');
      }
      // 2023-Q2, aktivloven: 7 upheld, 1 remitted
      for (let i = 0; i < 7; i++) await decide(aktivloven, aSanction, 'STADFAESTET', '2023-01-10', '2023-05-20');
      await decide(aktivloven, aSanction, 'HJEMVIST', '2023-01-10', '2023-06-30');
      // 2023-Q1, LAB: only a dismissal
      await decide(lab, labSanction, 'AFVIST', '2022-12-01', '2023-03-31');
      // Outside the range asked for
      await decide(aktivloven, aSanction, 'OPHAEVET', '2023-10-01', '2024-01-05');
      // Lodged, not decided: in no statistic
      await write(`/citizen-cases/${aktivloven}/appeals`, { sanctionIds: [aSanction], lodgedOn: '2023-06-01' }, 201);

      const comparator = await write(
        '/evidence/comparators',
        {
          label: 'Landsgennemsnit, omgørelsesprocent, aktivloven',
          source: 'Ankestyrelsen, Ankestatistik 2023',
          receivedOn: '2024-03-01',
          legalArea: 'AKTIVLOVEN',
          period: { from: '2023-01-01', to: '2023-12-31' },
          reversalRatePct: 32.4,
        },
        201,
        LIAISON,
      );
      comparatorId = comparator.comparatorId;
      expect(comparator).toMatchObject({ streamName: `evidence-comparator-${comparatorId}`, events: ['ComparatorImported'] });
    });

    it('gives per quarter and legal area the outcomes, shares summing to 100 by largest remainder, and the reversal rate half up with its fraction', async () => {
      const response = await read('/reports/complaint-statistics?period=quarter&from=2023-01-01&to=2023-12-31');
      expect(response.statusCode).toBe(200);
      const { header, rows, total, comparator } = response.body;
      expect(header).toMatchObject({
        report: 'complaint-statistics',
        parameters: { period: 'quarter', from: '2023-01-01', to: '2023-12-31', legalArea: null, comparatorId: null },
        position: expect.stringMatching(/^\d+$/),
        rounding: expect.stringContaining('largest-remainder'),
      });
      expect(header.cutoff).toContain('2023-12-31');
      expect(comparator).toBeNull();
      expect(rows).toEqual([
        {
          period: { label: '2023-Q1', from: '2023-01-01', to: '2023-03-31' },
          legalArea: 'AKTIVLOVEN',
          decided: 7,
          outcomes: { STADFAESTET: 3, AENDRET: 1, OPHAEVET: 1, HJEMVIST: 1, AFVIST: 1 },
          // 42.86 and 14.29 ×4: floors 42 + 4×14 = 98; the two points go to .86, then the first .29
          sharesPct: { STADFAESTET: 43, AENDRET: 15, OPHAEVET: 14, HJEMVIST: 14, AFVIST: 14 },
          // dismissed left out: 3 / 6
          reversalRate: { numerator: 3, denominator: 6, pct: 50 },
          comparatorReversalRatePct: null,
        },
        {
          period: { label: '2023-Q1', from: '2023-01-01', to: '2023-03-31' },
          legalArea: 'LAB',
          decided: 1,
          outcomes: { STADFAESTET: 0, AENDRET: 0, OPHAEVET: 0, HJEMVIST: 0, AFVIST: 1 },
          sharesPct: { STADFAESTET: 0, AENDRET: 0, OPHAEVET: 0, HJEMVIST: 0, AFVIST: 100 },
          reversalRate: { numerator: 0, denominator: 0, pct: null },
          comparatorReversalRatePct: null,
        },
        {
          period: { label: '2023-Q2', from: '2023-04-01', to: '2023-06-30' },
          legalArea: 'AKTIVLOVEN',
          decided: 8,
          outcomes: { STADFAESTET: 7, AENDRET: 0, OPHAEVET: 0, HJEMVIST: 1, AFVIST: 0 },
          // 87.5 and 12.5: the tie goes to the outcome listed first
          sharesPct: { STADFAESTET: 88, AENDRET: 0, OPHAEVET: 0, HJEMVIST: 12, AFVIST: 0 },
          // 1 / 8 = 12.5 % rounds half up to 13
          reversalRate: { numerator: 1, denominator: 8, pct: 13 },
          comparatorReversalRatePct: null,
        },
      ]);
      expect(total).toMatchObject({ period: { label: 'total', from: '2023-01-01', to: '2023-12-31' }, legalArea: null, decided: 16, reversalRate: { numerator: 4, denominator: 14, pct: 29 } });
      for (const row of [...rows, total]) expect(Object.values(row.sharesPct).reduce((a: number, b) => a + (b as number), 0)).toBe(100);
    });

    it('gives a year for one legal area, with the imported comparator beside it, labelled as evidence', async () => {
      const response = await read(`/reports/complaint-statistics?period=year&from=2023-01-01&to=2023-12-31&legalArea=AKTIVLOVEN&comparatorId=${comparatorId}`, 'auditor');
      expect(response.statusCode).toBe(200);
      expect(response.body.comparator).toEqual({
        kind: 'IMPORTED_EVIDENCE',
        comparatorId,
        label: 'Landsgennemsnit, omgørelsesprocent, aktivloven',
        source: 'Ankestyrelsen, Ankestatistik 2023',
        receivedOn: '2024-03-01',
        importedAt: expect.any(String),
        importedBy: 'liaison-e2e',
        legalArea: 'AKTIVLOVEN',
        period: { from: '2023-01-01', to: '2023-12-31' },
        reversalRatePct: 32.4,
      });
      // 10 upheld, 1 changed, 1 annulled, 2 remitted, 1 dismissed: 66.67, 6.67, 6.67, 13.33, 6.67 floor to 97;
      // the three points go to the .67 remainders in catalogue order: upheld, changed, annulled
      expect(response.body.rows).toEqual([
        {
          period: { label: '2023', from: '2023-01-01', to: '2023-12-31' },
          legalArea: 'AKTIVLOVEN',
          decided: 15,
          outcomes: { STADFAESTET: 10, AENDRET: 1, OPHAEVET: 1, HJEMVIST: 2, AFVIST: 1 },
          sharesPct: { STADFAESTET: 67, AENDRET: 7, OPHAEVET: 7, HJEMVIST: 13, AFVIST: 6 },
          reversalRate: { numerator: 4, denominator: 14, pct: 29 },
          comparatorReversalRatePct: 32.4,
        },
      ]);

      const csv = await read(`/reports/complaint-statistics?period=year&from=2023-01-01&to=2023-12-31&legalArea=AKTIVLOVEN&comparatorId=${comparatorId}&format=csv&locale=da`);
      expect(csv.statusCode).toBe(200);
      const lines = String(csv.body).split('\r\n');
      expect(lines).toEqual(expect.arrayContaining(['# sammenligningstal (importeret dokumentation, ikke kommunens egne tal)']));
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^2023;2023-01-01;2023-12-31;AKTIVLOVEN;15;10;1;1;2;1;67;7;7;13;6;4;14;29;32,4$/)]));
    });

    it('answers 404 for an unknown comparator and 400 for an unknown period', async () => {
      const unknown = await api.get('/reports/complaint-statistics?comparatorId=0193f3a2-5c1e-7b4a-9d2e-6f1a2b3c4d5e', LIAISON);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body.code).toBe('COMPARATOR.NOT_FOUND');
      const badPeriod = await api.get('/reports/complaint-statistics?period=month', LIAISON);
      expect(badPeriod.statusCode).toBe(400);
      expect(badPeriod.body.errors.map((e: { field: string }) => e.field)).toEqual(['period']);
    });
  });

  describe('roles', () => {
    it('refuses a caseworker every evidence route and report with 403', async () => {
      const as = { as: ['caseworker'] as Role[] };
      const responses = [
        await api.post('/evidence/extracts', EXTRACT, as),
        await api.post('/evidence/comparators', { label: 'x', source: 'y', receivedOn: '2024-01-01', legalArea: 'LAB', period: PERIOD, reversalRatePct: 1 }, as),
        await api.get(`/evidence/extracts/${extractId}`, as),
        await api.get(`/reports/extract-reconciliation/${extractId}`, as),
        await api.get('/reports/complaint-statistics', as),
      ];
      expect(responses.map((r) => [r.statusCode, r.body.code])).toEqual(Array(5).fill([403, 'AUTH.FORBIDDEN_ROLE']));
    });

    it('lets an auditor read but not import', async () => {
      expect((await api.get('/reports/complaint-statistics', { as: ['auditor'] })).statusCode).toBe(200);
      expect((await api.post('/evidence/extracts', EXTRACT, { as: ['auditor'] })).statusCode).toBe(403);
    });
  });
});
