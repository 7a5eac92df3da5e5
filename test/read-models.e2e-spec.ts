import type { Role } from '@casetrail/platform';
import { startTestApi, type TestApi, type TestResponse } from './support/api-test-app';

/**
 * The query API over the read models, with the projector running in the API process: writes go
 * through the command routes, reads carry the last write's position as `minPosition`.
 */
const CASEWORKER = { as: ['caseworker'] as Role[], subject: 'caseworker-rm' };
const SECRETARY = { as: ['committee-secretary'] as Role[], subject: 'secretary-rm' };
const ALL_ROLES: Role[] = ['caseworker', 'committee-secretary', 'auditor', 'appeals-liaison', 'admin'];
const UNCLEARED: Role[] = ['caseworker', 'appeals-liaison'];
const CLEARED: Role[] = ['committee-secretary', 'auditor', 'admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const committee = { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', memberCount: 3 };
const MEETING = '2025-03-11';

describe('read models over HTTP', () => {
  let api: TestApi;
  /** The position of the latest write: reads wait for it. */
  let lastPosition = 0n;
  const cases: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  const sanctions: Record<'a' | 'b', string> = { a: '', b: '' };
  const appeals: Record<'a' | 'b', string> = { a: '', b: '' };
  const vestCases: string[] = [];
  const items: Record<'information' | 'closed' | 'pending' | 'later', string> = { information: '', closed: '', pending: '', later: '' };

  /** Sends a write, fails naming it on a surprise, and remembers its position. */
  async function write(url: string, body: unknown, options: { as: Role[]; subject: string }, status = 200): Promise<any> {
    const response = await api.post(url, body, options);
    if (response.statusCode !== status) throw new Error(`POST ${url}: expected ${status}, got ${response.statusCode} ${JSON.stringify(response.body)}`);
    if (response.body.position !== null && BigInt(response.body.position) > lastPosition) lastPosition = BigInt(response.body.position);
    return response.body;
  }

  /** A read as `role` that waits for every write so far. */
  const read = (url: string, role: Role = 'admin'): Promise<TestResponse> =>
    api.get(`${url}${url.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, { as: [role] });

  async function openCase(caseNumber: string, legalArea: string, owningUnit: string, openedOn: string): Promise<string> {
    const body = { caseNumber, cpr: '010190-1234', legalArea, owningUnit, openedOn };
    return (await write('/citizen-cases', body, CASEWORKER, 201)).caseId;
  }

  beforeAll(async () => {
    api = await startTestApi({ projector: true });

    cases.a = await openCase('EMN-2023-05050', 'AKTIVLOVEN', 'Jobcenter Nord', '2021-01-04');
    await write(`/citizen-cases/${cases.a}/discoveries`, { source: 'PRACTICE_SURVEY', identifiedOn: '2023-05-10' }, CASEWORKER);
    sanctions.a = (
      await write(
        `/citizen-cases/${cases.a}/sanctions`,
        { sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY', breachDate: '2021-03-01', period: { from: '2021-04-01', to: '2021-06-30' }, amountDeductedOre: 1_234_500, decidedOn: '2021-03-15' },
        CASEWORKER,
        201,
      )
    ).sanctionId;
    await write(
      `/citizen-cases/${cases.a}/sanctions/${sanctions.a}/reviews`,
      { outcome: 'ERROR', errorCategories: ['MISSING_WRITTEN_GUIDANCE'], wouldChangeOnAppeal: true, reviewer: 'legal-audit-1', reviewedOn: '2023-06-01' },
      CASEWORKER,
    );
    await write(`/citizen-cases/${cases.a}/repayments`, { sanctionIds: [sanctions.a], amountOre: 1_000_000, assessedOn: '2023-07-01' }, CASEWORKER, 201);
    appeals.a = (await write(`/citizen-cases/${cases.a}/appeals`, { sanctionIds: [sanctions.a], lodgedOn: '2021-04-01' }, CASEWORKER, 201)).appealId;
    await write(`/citizen-cases/${cases.a}/appeals/${appeals.a}/decision`, { outcome: 'OPHAEVET', decidedOn: '2021-09-01' }, CASEWORKER);

    cases.b = await openCase('24-1-15.20.00-P27', 'AKTIVLOVEN', 'Jobcenter Syd', '2022-05-02');
    await write(`/citizen-cases/${cases.b}/discoveries`, { source: 'OWN_METHODS', identifiedOn: '2023-06-10' }, CASEWORKER);
    sanctions.b = (
      await write(
        `/citizen-cases/${cases.b}/sanctions`,
        { sanctionType: 'AKTL_AVAILABILITY_GENERIC', breachDate: '2022-06-01', period: { from: '2022-07-01', to: '2022-07-31' }, amountDeductedOre: 500_000, decidedOn: '2022-06-10' },
        CASEWORKER,
        201,
      )
    ).sanctionId;
    await write(
      `/citizen-cases/${cases.b}/sanctions/${sanctions.b}/reviews`,
      { outcome: 'CORRECT', errorCategories: [], wouldChangeOnAppeal: false, reviewer: 'legal-audit-1', reviewedOn: '2023-06-15' },
      CASEWORKER,
    );
    appeals.b = (await write(`/citizen-cases/${cases.b}/appeals`, { sanctionIds: [sanctions.b], lodgedOn: '2022-06-20' }, CASEWORKER, 201)).appealId;
    await write(`/citizen-cases/${cases.b}/appeals/${appeals.b}/decision`, { outcome: 'STADFAESTET', decidedOn: '2022-12-01' }, CASEWORKER);

    cases.c = await openCase('17/7397', 'LAB', 'Jobcenter Nord', '2023-02-01');
    await write(`/citizen-cases/${cases.c}/closure`, { reason: 'REVIEW_COMPLETED', closedOn: '2023-08-01' }, CASEWORKER);

    // Five cases opened on the same day: only the tie-break on case_id orders them.
    for (let n = 1; n <= 5; n++) vestCases.push(await openCase(`EMN-2020-0000${n}`, 'SYGEDAGPENGELOVEN', 'Jobcenter Vest', '2020-06-01'));

    const member = async (name: string, party: string) => {
      const { memberId } = await write('/committee-members', { name }, SECRETARY, 201);
      await write(`/committee-members/${memberId}/party-memberships`, { party, from: '2022-01-01' }, SECRETARY);
      return memberId as string;
    };
    const kristine = await member('Kristine Henriksen', 'A');
    const ole = await member('Ole Skrald', 'A');
    const openItem = async (itemNumber: number, title: string, caseNumber: string, closed: boolean, meetingDate = MEETING) =>
      (await write('/committee-items', { caseNumber, committee, meetingDate, itemNumber, title, closed }, SECRETARY, 201)).itemId as string;
    const attendance = { entries: [kristine, ole].map((memberId) => ({ memberId, status: 'PRESENT', absenceNotice: false })) };

    // Opened out of agenda order: the minutes follow the item numbers.
    items.pending = await openItem(3, 'Eventuelt', '2016/05156', false);
    items.information = await openItem(1, 'Orientering om sanktionsgennemgangen', 'EMN-2023-05050', false);
    items.closed = await openItem(2, 'Personalesag', '17/7397', true);
    items.later = await openItem(1, 'Budgetopfølgning', 'EMN-2023-05051', false, '2025-04-08');

    const info = `/committee-items/${items.information}`;
    await write(
      `${info}/recommendation`,
      { originators: ['Jobcenter'], addressee: 'Beskæftigelsesudvalget', points: [{ number: 1, text: 'at orienteringen tages til efterretning' }], kind: 'INFORMATION_ONLY' },
      SECRETARY,
    );
    await write(`${info}/attendance`, attendance, SECRETARY);
    await write(`${info}/decision`, { outcome: 'NOTED', text: 'Til efterretning.' }, SECRETARY);

    const closed = `/committee-items/${items.closed}`;
    await write(`${closed}/attendance`, attendance, SECRETARY);
    await write(`${closed}/votes`, { memberId: kristine, vote: 'FOR' }, SECRETARY);
    await write(`${closed}/votes`, { memberId: ole, vote: 'FOR' }, SECRETARY);
    await write(`${closed}/protocol-notes`, { text: 'Fortroligt protokollat', memberIds: [ole] }, SECRETARY);
    await write(`${closed}/decision`, { outcome: 'ENDORSED', text: 'Tiltrådt.' }, SECRETARY);
  });
  afterAll(async () => {
    await api.close();
  });

  describe('read-your-writes', () => {
    it('answers a read carrying the position of a write just made with the row that write produced', async () => {
      const opened = await api.post('/citizen-cases', { caseNumber: 'EMN-2024-00001', cpr: '020290-1234', legalArea: 'LAB', owningUnit: 'Jobcenter Øst', openedOn: '2024-01-02' }, CASEWORKER);
      expect(opened.statusCode).toBe(201);
      const response = await api.get(`/read-models/cases?caseNumber=EMN-2024-00001&minPosition=${opened.body.position}`, CASEWORKER);
      expect(response.statusCode).toBe(200);
      expect(response.body).toEqual({
        items: [
          expect.objectContaining({
            caseId: opened.body.caseId,
            caseNumber: 'EMN-2024-00001',
            caseNumberFormat: 'EMN',
            status: 'OPEN',
            legalArea: 'LAB',
            owningUnit: 'Jobcenter Øst',
            openedOn: '2024-01-02',
            revision: 0,
            lastPosition: opened.body.position,
          }),
        ],
        page: 1,
        pageSize: 50,
        total: 1,
      });
      const timeline = await api.get(`/read-models/cases/${opened.body.caseId}/timeline?minPosition=${opened.body.position}`, { as: ['auditor'] });
      expect(timeline.statusCode).toBe(200);
      expect(timeline.body.items).toEqual([expect.objectContaining({ eventType: 'CaseOpened', revision: 0, position: opened.body.position, actor: 'caseworker-rm' })]);
      lastPosition = BigInt(opened.body.position);
    });

    it('answers at once without minPosition, from whatever the read model holds', async () => {
      const response = await api.get('/read-models/cases?pageSize=1', { as: ['auditor'] });
      expect(response.statusCode).toBe(200);
      expect(response.body).toMatchObject({ page: 1, pageSize: 1 });
    });
  });

  describe('GET /read-models/cases', () => {
    const caseIds = async (query: string): Promise<string[]> => {
      const response = await read(`/read-models/cases?${query}`);
      expect(response.statusCode).toBe(200);
      return response.body.items.map((item: { caseId: string }) => item.caseId);
    };

    it('filters by status, owning unit, legal area, case number and opening dates, ordered by opened_on', async () => {
      expect(await caseIds('status=CLOSED')).toEqual([cases.c]);
      expect(await caseIds('owningUnit=Jobcenter%20Nord')).toEqual([cases.a, cases.c]);
      expect(await caseIds('legalArea=AKTIVLOVEN')).toEqual([cases.a, cases.b]);
      expect(await caseIds('caseNumber=24-1-15.20.00-P27')).toEqual([cases.b]);
      expect(await caseIds('openedFrom=2021-01-04&openedTo=2022-05-02')).toEqual([cases.a, cases.b]);
      expect(await caseIds('openedFrom=2022-05-03&legalArea=LAB&status=CLOSED')).toEqual([cases.c]);
      expect(await caseIds('owningUnit=Jobcenter%20Nord&status=OPEN&legalArea=LAB')).toEqual([]);
    });

    it('gives the summary of a case with money as integer øre', async () => {
      const response = await read(`/read-models/cases?caseNumber=EMN-2023-05050`, 'caseworker');
      expect(response.body.items).toEqual([
        {
          caseId: cases.a,
          streamName: `citizen-case-${cases.a}`,
          caseNumber: 'EMN-2023-05050',
          caseNumberFormat: 'EMN',
          kleSubject: null,
          citizenRef: expect.stringMatching(UUID),
          legalArea: 'AKTIVLOVEN',
          owningUnit: 'Jobcenter Nord',
          status: 'OPEN',
          openedOn: '2021-01-04',
          closedOn: null,
          closureReason: null,
          sanctionCount: 1,
          sanctionsInError: 1,
          repaymentAssessedOre: 1_000_000,
          appealCount: 1,
          revision: 6,
          lastPosition: expect.stringMatching(/^\d+$/),
          lastRecordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
        },
      ]);
      expect(JSON.stringify(response.body)).not.toContain('010190');
    });

    it('pages with a total and a stable order: opened_on, then case_id', async () => {
      const all = await read('/read-models/cases?owningUnit=Jobcenter%20Vest&pageSize=500');
      expect(all.body).toMatchObject({ page: 1, pageSize: 500, total: 5 });
      const ordered = all.body.items.map((item: { caseId: string }) => item.caseId);
      expect(ordered).toEqual([...vestCases].sort());

      const pages: string[][] = [];
      for (let page = 1; page <= 3; page++) {
        const response = await read(`/read-models/cases?owningUnit=Jobcenter%20Vest&pageSize=2&page=${page}`);
        expect(response.body).toMatchObject({ page, pageSize: 2, total: 5 });
        pages.push(response.body.items.map((item: { caseId: string }) => item.caseId));
      }
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(ordered);
      const beyond = await read('/read-models/cases?owningUnit=Jobcenter%20Vest&pageSize=2&page=4');
      expect(beyond.body).toEqual({ items: [], page: 4, pageSize: 2, total: 5 });

      const everything = await read('/read-models/cases?pageSize=500');
      const openedOn = everything.body.items.map((item: { openedOn: string; caseId: string }) => `${item.openedOn} ${item.caseId}`);
      expect(openedOn).toEqual([...openedOn].sort());
    });
  });

  describe('GET /read-models/cases/:caseId/timeline', () => {
    it("lists the case's audit-trail rows in revision order, paged", async () => {
      const response = await read(`/read-models/cases/${cases.a}/timeline`, 'auditor');
      expect(response.statusCode).toBe(200);
      expect(response.body).toMatchObject({ page: 1, pageSize: 50, total: 7 });
      expect(response.body.items.map((row: { eventType: string }) => row.eventType)).toEqual([
        'CaseOpened',
        'CitizenIdentified',
        'SanctionImposed',
        'SanctionReviewed',
        'RepaymentAssessed',
        'AppealLodged',
        'AppealDecided',
      ]);
      expect(response.body.items.map((row: { revision: number }) => row.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(response.body.items[2]).toEqual({
        position: expect.stringMatching(/^\d+$/),
        eventId: expect.stringMatching(UUID),
        streamName: `citizen-case-${cases.a}`,
        revision: 2,
        eventType: 'SanctionImposed',
        actor: 'caseworker-rm',
        effectiveAt: expect.any(String),
        recordedAt: expect.any(String),
        correlationId: expect.any(String),
        summary: 'Sanction AKTL_40A_STRICTER_AVAILABILITY imposed: breach 2021-03-01, 12.345,00 kr. deducted',
      });

      const second = await read(`/read-models/cases/${cases.a}/timeline?pageSize=2&page=2`, 'appeals-liaison');
      expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 7 });
      expect(second.body.items.map((row: { revision: number }) => row.revision)).toEqual([2, 3]);
    });

    it('answers 404 for a case with no rows, and 400 for an id that is not a UUID', async () => {
      const unknown = await read('/read-models/cases/0190c7a2-0000-7000-8000-00000000beef/timeline');
      expect(unknown).toMatchObject({ statusCode: 404, body: { code: 'CASE.NOT_FOUND' } });
      const malformed = await read('/read-models/cases/not-a-uuid/timeline');
      expect(malformed).toMatchObject({ statusCode: 400, body: { code: 'REQUEST.INVALID_ID', field: 'caseId' } });
    });
  });

  describe('GET /read-models/sanctions', () => {
    const sanctionIds = async (query: string, role: Role = 'appeals-liaison'): Promise<string[]> => {
      const response = await read(`/read-models/sanctions?${query}`, role);
      expect(response.statusCode).toBe(200);
      return response.body.items.map((item: { sanctionId: string }) => item.sanctionId);
    };

    it('filters by type, stricter, review outcome, discovery source, breach dates and case, ordered by breach date', async () => {
      expect(await sanctionIds('')).toEqual([sanctions.a, sanctions.b]);
      expect(await sanctionIds('stricter=true')).toEqual([sanctions.a]);
      expect(await sanctionIds('stricter=false')).toEqual([sanctions.b]);
      expect(await sanctionIds('sanctionType=AKTL_AVAILABILITY_GENERIC')).toEqual([sanctions.b]);
      expect(await sanctionIds('reviewOutcome=ERROR')).toEqual([sanctions.a]);
      expect(await sanctionIds('discoverySource=PRACTICE_SURVEY')).toEqual([sanctions.a]);
      expect(await sanctionIds('discoverySource=NATIONAL_EXTRACT')).toEqual([]);
      expect(await sanctionIds('breachFrom=2022-01-01')).toEqual([sanctions.b]);
      expect(await sanctionIds('breachTo=2021-03-01')).toEqual([sanctions.a]);
      expect(await sanctionIds(`caseId=${cases.b.toUpperCase()}`, 'caseworker')).toEqual([sanctions.b]);
    });

    it('gives a sanction with its legal basis, review, discovery and repayment, money as integer øre', async () => {
      const response = await read(`/read-models/sanctions?caseId=${cases.a}`, 'auditor');
      expect(response.body).toEqual({
        items: [
          {
            sanctionId: sanctions.a,
            caseId: cases.a,
            caseNumber: 'EMN-2023-05050',
            citizenRef: expect.stringMatching(UUID),
            legalArea: 'AKTIVLOVEN',
            sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
            stricter: true,
            legalBasis: { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' },
            breachDate: '2021-03-01',
            period: { from: '2021-04-01', to: '2021-06-30' },
            amountDeductedOre: 1_234_500,
            decidedOn: '2021-03-15',
            reviewOutcome: 'ERROR',
            errorCategories: ['MISSING_WRITTEN_GUIDANCE'],
            wouldChangeOnAppeal: true,
            reviewedOn: '2023-06-01',
            discoverySources: ['PRACTICE_SURVEY'],
            repaymentAssessedOre: 1_000_000,
            repaymentScheduledOre: 0,
            repaymentPaidOre: 0,
            appealOutcome: 'OPHAEVET',
            corrected: false,
          },
        ],
        page: 1,
        pageSize: 50,
        total: 1,
      });
    });
  });

  describe('GET /read-models/appeals', () => {
    const appealIds = async (query: string): Promise<string[]> => {
      const response = await read(`/read-models/appeals?${query}`, 'appeals-liaison');
      expect(response.statusCode).toBe(200);
      return response.body.items.map((item: { appealId: string }) => item.appealId);
    };

    it('filters by legal area, outcome and decision dates, ordered by lodged_on', async () => {
      expect(await appealIds('legalArea=AKTIVLOVEN')).toEqual([appeals.a, appeals.b]);
      expect(await appealIds('legalArea=LAB')).toEqual([]);
      expect(await appealIds('outcome=OPHAEVET')).toEqual([appeals.a]);
      expect(await appealIds('decidedFrom=2022-01-01')).toEqual([appeals.b]);
      expect(await appealIds('decidedFrom=2021-09-01&decidedTo=2021-09-01')).toEqual([appeals.a]);
      const response = await read('/read-models/appeals?outcome=STADFAESTET', 'auditor');
      expect(response.body.items).toEqual([
        { appealId: appeals.b, caseId: cases.b, caseNumber: '24-1-15.20.00-P27', legalArea: 'AKTIVLOVEN', sanctionIds: [sanctions.b], lodgedOn: '2022-06-20', decidedOn: '2022-12-01', outcome: 'STADFAESTET' },
      ]);
    });
  });

  describe('malformed queries', () => {
    it.each([
      ['/read-models/cases?status=PENDING', 'status'],
      ['/read-models/cases?legalArea=SOCIAL', 'legalArea'],
      ['/read-models/cases?openedFrom=2023-02-30', 'openedFrom'],
      ['/read-models/cases?openedTo=01-02-2023', 'openedTo'],
      ['/read-models/cases?openedFrom=2023-01-01&openedTo=2022-12-31', 'openedTo'],
      ['/read-models/cases?page=0', 'page'],
      ['/read-models/cases?pageSize=501', 'pageSize'],
      ['/read-models/cases?pageSize=ten', 'pageSize'],
      ['/read-models/cases?page=1.5', 'page'],
      ['/read-models/cases?minPosition=-1', 'minPosition'],
      ['/read-models/cases?minPosition=12abc', 'minPosition'],
      ['/read-models/cases?sortBy=caseNumber', 'sortBy'],
      ['/read-models/cases/0190c7a2-0000-7000-8000-00000000beef/timeline?pageSize=0', 'pageSize'],
      ['/read-models/sanctions?stricter=maybe', 'stricter'],
      ['/read-models/sanctions?sanctionType=GENERIC', 'sanctionType'],
      ['/read-models/sanctions?reviewOutcome=WRONG', 'reviewOutcome'],
      ['/read-models/sanctions?discoverySource=RUMOUR', 'discoverySource'],
      ['/read-models/sanctions?caseId=42', 'caseId'],
      ['/read-models/sanctions?breachTo=2023-1-1', 'breachTo'],
      ['/read-models/appeals?outcome=UPHELD', 'outcome'],
      ['/read-models/appeals?decidedFrom=yesterday', 'decidedFrom'],
      ['/read-models/committee-items?meetingDate=2025-02-29', 'meetingDate'],
      ['/read-models/committee-meetings/beskaeftigelsesudvalget/2025-13-01/minutes', 'meetingDate'],
      ['/read-models/committee-meetings/beskaeftigelsesudvalget/2025-03-11/minutes?format=pdf', 'format'],
    ])('%s answers 400 naming %s', async (url, field) => {
      const response = await api.get(url, { as: ['admin'] });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION_FAILED' });
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a malformed filter at once, also when minPosition is beyond the log', async () => {
      const started = Date.now();
      const response = await api.get(`/read-models/cases?status=PENDING&minPosition=${'9'.repeat(39)}`, { as: ['admin'] });
      expect(response.statusCode).toBe(400);
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  describe('roles', () => {
    it.each([
      ['/read-models/cases', ['committee-secretary']],
      ['/read-models/cases/0190c7a2-0000-7000-8000-00000000beef/timeline', ['committee-secretary']],
      ['/read-models/sanctions', ['committee-secretary']],
      ['/read-models/appeals', ['caseworker', 'committee-secretary']],
    ] as [string, Role[]][])('%s refuses %j with 403', async (url, roles) => {
      for (const role of roles) {
        const response = await api.get(url, { as: [role] });
        expect(response).toMatchObject({ statusCode: 403, body: { code: 'AUTH.FORBIDDEN_ROLE' } });
      }
    });

    it.each([
      ['/read-models/cases', ['caseworker', 'auditor', 'appeals-liaison', 'admin']],
      ['/read-models/sanctions', ['caseworker', 'auditor', 'appeals-liaison', 'admin']],
      ['/read-models/appeals', ['auditor', 'appeals-liaison', 'admin']],
      ['/read-models/committee-items', ALL_ROLES],
    ] as [string, Role[]][])('%s serves %j', async (url, roles) => {
      for (const role of roles) expect((await api.get(url, { as: [role] })).statusCode).toBe(200);
    });

    it('refuses a request without a token with 401', async () => {
      expect((await api.get('/read-models/cases', { as: null })).statusCode).toBe(401);
      expect((await api.get(`/read-models/committee-meetings/beskaeftigelsesudvalget/${MEETING}/minutes`, { as: null })).statusCode).toBe(401);
    });
  });

  describe('committee items and minutes', () => {
    const meetingItems = (role: Role) => read(`/read-models/committee-items?committeeId=beskaeftigelsesudvalget&meetingDate=${MEETING}`, role);

    it('lists the items of a meeting in item order, closed items whole to cleared roles', async () => {
      for (const role of CLEARED) {
        const response = await meetingItems(role);
        expect(response.statusCode).toBe(200);
        expect(response.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
        expect(response.body.items.map((item: { itemId: string }) => item.itemId)).toEqual([items.information, items.closed, items.pending]);
        expect(response.body.items[1]).toEqual({
          itemId: items.closed,
          streamName: `committee-item-${items.closed}`,
          caseNumber: '17/7397',
          committee: { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget' },
          meetingDate: MEETING,
          itemNumber: 2,
          title: 'Personalesag',
          closed: true,
          finality: 'FINAL',
          outcome: 'ENDORSED',
          tally: expect.objectContaining({ for: 2, against: 0, abstain: 0 }),
          minutesText: expect.stringContaining('Fortroligt protokollat'),
          revision: 5,
          lastPosition: expect.stringMatching(/^\d+$/),
        });
      }
    });

    it('shows uncleared roles that a closed item exists, and nothing of its content', async () => {
      for (const role of UNCLEARED) {
        const response = await meetingItems(role);
        expect(response.body.total).toBe(3);
        const [information, closed, pending] = response.body.items;
        expect(closed).toEqual({
          itemId: items.closed,
          closed: true,
          committee: { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget' },
          meetingDate: MEETING,
          itemNumber: 2,
          revision: 5,
        });
        expect(information).toMatchObject({ itemId: items.information, title: 'Orientering om sanktionsgennemgangen', outcome: 'NOTED' });
        expect(pending).toMatchObject({ itemId: items.pending, title: 'Eventuelt', finality: 'PENDING', outcome: null });
        expect(JSON.stringify(response.body)).not.toMatch(/Personalesag|Fortroligt|Tiltrådt|17\/7397/);
      }
    });

    it('filters by committee and meeting date, and pages in order meeting_date, committee, item number', async () => {
      const all = await read('/read-models/committee-items?committeeId=beskaeftigelsesudvalget', 'committee-secretary');
      expect(all.body.items.map((item: { itemId: string }) => item.itemId)).toEqual([items.information, items.closed, items.pending, items.later]);
      const later = await read('/read-models/committee-items?meetingDate=2025-04-08', 'caseworker');
      expect(later.body).toMatchObject({ total: 1, items: [{ itemId: items.later, title: 'Budgetopfølgning' }] });
      const none = await read('/read-models/committee-items?committeeId=oekonomiudvalget', 'caseworker');
      expect(none.body).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
      const second = await read('/read-models/committee-items?committeeId=beskaeftigelsesudvalget&pageSize=3&page=2', 'auditor');
      expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3, items: [{ itemId: items.later }] });
    });

    const MINUTES_HEADING = 'Beskæftigelsesudvalget – møde 11.03.2025';
    const ITEM_1 = [
      '1. Orientering om sanktionsgennemgangen (EMN-2023-05050)',
      'Indstilling: Jobcenter indstiller til Beskæftigelsesudvalget, at',
      '1. orienteringen tages til efterretning',
      'Fraværende: Ingen',
      'Beslutning: Til efterretning.',
    ].join('\n');
    const ITEM_2 = [
      '2. Personalesag (17/7397)',
      'Lukket punkt',
      'Fraværende: Ingen',
      'For stemte: Kristine Henriksen (A), Ole Skrald (A)',
      'Protokollat fra Ole Skrald (A): Fortroligt protokollat',
      'Beslutning: Tiltrådt.',
    ].join('\n');
    const ITEM_3 = ['3. Eventuelt (2016/05156)', 'Fraværende: Ingen', 'Beslutning: Ikke afgjort'].join('\n');
    const minutesUrl = `/read-models/committee-meetings/beskaeftigelsesudvalget/${MEETING}/minutes`;

    it('gives the meeting minutes as Danish text in item order, the closed item whole to cleared roles', async () => {
      for (const role of CLEARED) {
        const response = await read(minutesUrl, role);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(response.body).toBe([MINUTES_HEADING, ITEM_1, ITEM_2, ITEM_3].join('\n\n'));
      }
    });

    it('shows a closed item in the minutes to uncleared roles only as its number and "Lukket punkt"', async () => {
      for (const role of UNCLEARED) {
        const response = await read(minutesUrl, role);
        expect(response.statusCode).toBe(200);
        expect(response.body).toBe([MINUTES_HEADING, ITEM_1, '2. Lukket punkt', ITEM_3].join('\n\n'));
      }
    });

    it('gives the minutes as JSON with ?format=json, each item as its reader may see it', async () => {
      const cleared = await read(`${minutesUrl}?format=json`, 'auditor');
      expect(cleared.statusCode).toBe(200);
      expect(cleared.headers['content-type']).toContain('application/json');
      expect(cleared.body).toMatchObject({
        committee: { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget' },
        meetingDate: MEETING,
        text: [MINUTES_HEADING, ITEM_1, ITEM_2, ITEM_3].join('\n\n'),
      });
      expect(cleared.body.items.map((item: { minutesText: string }) => item.minutesText)).toEqual([ITEM_1, ITEM_2, ITEM_3]);

      const uncleared = await read(`${minutesUrl}?format=json`, 'caseworker');
      expect(uncleared.body.text).toBe([MINUTES_HEADING, ITEM_1, '2. Lukket punkt', ITEM_3].join('\n\n'));
      expect(uncleared.body.items[1]).toEqual({
        itemId: items.closed,
        closed: true,
        committee: { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget' },
        meetingDate: MEETING,
        itemNumber: 2,
        revision: 5,
      });
      expect(JSON.stringify(uncleared.body)).not.toMatch(/Personalesag|Fortroligt|Tiltrådt|17\/7397/);
    });

    it('answers 404 for a meeting with no items', async () => {
      const response = await read('/read-models/committee-meetings/beskaeftigelsesudvalget/2025-03-12/minutes', 'caseworker');
      expect(response).toMatchObject({ statusCode: 404, body: { code: 'MEETING.NOT_FOUND' } });
    });
  });

  it('documents the routes, paging and money in the OpenAPI document', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/docs-json' });
    const document = response.json();
    for (const path of [
      '/read-models/cases',
      '/read-models/cases/{caseId}/timeline',
      '/read-models/sanctions',
      '/read-models/appeals',
      '/read-models/committee-items',
      '/read-models/committee-meetings/{committeeId}/{meetingDate}/minutes',
      '/projections',
      '/projections/parked',
      '/projections/{name}/retry',
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    const cases = document.paths['/read-models/cases'].get;
    expect(cases.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['caseNumber', 'status', 'owningUnit', 'legalArea', 'openedFrom', 'openedTo', 'page', 'pageSize', 'minPosition']),
    );
    const item = cases.responses['200'].content['application/json'].schema.properties.items.items;
    expect(item.properties.repaymentAssessedOre).toMatchObject({ type: 'integer', description: expect.stringContaining('øre') });
    expect(cases.responses['503'].description).toContain('READ_MODEL.NOT_YET_CAUGHT_UP');
  });
});
