import type { Role } from '@casetrail/platform';
import { startTestApi, type TestApi, type TestResponse } from './support/api-test-app';

const SECRETARY = { as: ['committee-secretary'] as Role[], subject: 'secretary-1' };
const MEETING = '2025-01-14';
const committee = { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', memberCount: 7 };
const itemBody = (overrides: Record<string, unknown> = {}) => ({
  caseNumber: '24-1-15.20.00-P27',
  committee,
  meetingDate: MEETING,
  itemNumber: 2,
  title: 'Opfølgning på skærpet rådighedssanktion',
  closed: false,
  ...overrides,
});
const recommendation = {
  originators: ['Jobcenter'],
  addressee: 'Beskæftigelsesudvalget',
  points: [{ number: 1, text: 'at orienteringen tiltrædes' }],
  kind: 'DECISION',
};
const present = (...memberIds: string[]) => memberIds.map((memberId) => ({ memberId, status: 'PRESENT', absenceNotice: false }));

describe('a committee item over HTTP', () => {
  let api: TestApi;
  /** m1 … m7 hold the committee's seven seats; s1 is a substitute. */
  const m: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const seats: [string, string, string | null][] = [
      ['m1', 'Kristine Henriksen', 'A'],
      ['m2', 'Per Tærstøl', 'V'],
      ['m3', 'Signe Ejersbo', 'F'],
      ['m4', 'Michael Dorph Jensen', 'Ø'],
      ['m5', 'Susanne Damsgaard', 'Æ'],
      ['m6', 'Ole Skrald', 'A'],
      ['m7', 'Suleman Naim', null],
      ['s1', 'Rikke Louise Schilling', 'A'],
    ];
    for (const [key, name, party] of seats) m[key] = await registerMember(name, party);
  });
  afterAll(async () => {
    await api.close();
  });

  it('registers a member, adds an alias and a party period, and shows them to every role', async () => {
    const registered = await api.post('/committee-members', { name: '  Anders   Hansen ' }, SECRETARY);
    expect(registered.statusCode).toBe(201);
    expect(registered.headers.etag).toBe('"0"');
    expect(registered.headers.location).toBe(`/committee-members/${registered.body.memberId}`);
    expect(registered.body).toMatchObject({ streamName: `committee-member-${registered.body.memberId}`, revision: 0, events: ['MemberRegistered'] });

    const alias = await api.post(`${registered.headers.location}/aliases`, { alias: 'Anders Hanssen' }, { ...SECRETARY, headers: { 'if-match': '"0"' } });
    expect(alias.statusCode).toBe(200);
    expect(alias.body).toMatchObject({ memberId: registered.body.memberId, revision: 1, events: ['MemberAliasAdded'] });
    const party = await api.post(`${registered.headers.location}/party-memberships`, { party: 'C', from: '2022-01-01', to: '2025-12-31' }, { as: ['admin'] });
    expect(party.statusCode).toBe(200);
    expect(party.headers.etag).toBe('"2"');

    for (const role of ['caseworker', 'committee-secretary', 'auditor', 'appeals-liaison', 'admin'] as Role[]) {
      const fetched = await api.get(registered.headers.location as string, { as: [role] });
      expect(fetched.statusCode).toBe(200);
      expect(fetched.headers.etag).toBe('"2"');
      expect(fetched.body.state).toEqual({
        status: 'REGISTERED',
        memberId: registered.body.memberId,
        name: 'Anders Hansen',
        aliases: ['Anders Hanssen'],
        partyPeriods: [{ party: 'C', from: '2022-01-01', to: '2025-12-31' }],
      });
    }

    expect((await api.post('/committee-members', { name: 'Someone' }, { as: ['caseworker'] })).statusCode).toBe(403);
    const overlap = await api.post(`${registered.headers.location}/party-memberships`, { party: 'V', from: '2024-01-01' }, SECRETARY);
    expect(overlap).toMatchObject({ statusCode: 422, body: { code: 'MEMBER.PARTY_PERIODS_OVERLAP' } });
    const malformed = await api.post(`${registered.headers.location}/party-memberships`, { from: '2024-02-30' }, SECRETARY);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['party', 'from']));
  });

  it("records an item's whole life, each step on the revision the last one returned, and GET shows it all", async () => {
    const earlier = await openItem({ meetingDate: '2024-11-12', itemNumber: 5, title: 'Skærpet rådighedssanktion: status' });
    const opened = await api.post('/committee-items', itemBody({ effectiveAt: '2025-01-14T16:00:00+01:00' }), SECRETARY);
    expect(opened.statusCode).toBe(201);
    expect(opened.headers.location).toBe(`/committee-items/${opened.body.itemId}`);
    expect(opened.body).toMatchObject({ streamName: `committee-item-${opened.body.itemId}`, revision: 0, events: ['ItemOpened'] });
    const itemId: string = opened.body.itemId;
    let etag = opened.headers.etag as string;
    const step = async (path: string, body: unknown, expectedEvents: string[]) => {
      const response = await api.post(`/committee-items/${itemId}/${path}`, body, { ...SECRETARY, headers: { 'if-match': etag } });
      expect({ path, status: response.statusCode, body: response.body }).toMatchObject({ path, status: 200, body: { itemId, events: expectedEvents } });
      expect(response.headers.etag).toBe(`"${Number(etag.replace(/"/g, '')) + expectedEvents.length}"`);
      etag = response.headers.etag as string;
    };

    await step('recommendation', recommendation, ['RecommendationMade']);
    await step(
      'attendance',
      { entries: [...present(m.m1, m.m2, m.m3, m.m4, m.m5), { memberId: m.m6, status: 'ABSENT', absenceNotice: true }, { memberId: m.m7, status: 'ABSENT', absenceNotice: true, substituteMemberId: m.s1 }] },
      ['AttendanceRecorded'],
    );
    await step('votes', { memberId: m.m1, vote: 'FOR' }, ['VoteCast']);
    await step('votes', { memberId: m.m2, memberName: 'Per Tærsebøl', vote: 'FOR' }, ['VoteCast']);
    await step('votes', { memberId: m.m3, vote: 'FOR' }, ['VoteCast']);
    await step('votes', { memberId: m.m4, vote: 'AGAINST' }, ['VoteCast']);
    await step('votes', { memberId: m.s1, vote: 'ABSTAIN' }, ['VoteCast']);
    await step('protocol-notes', { text: 'Enhedslisten kan ikke tiltræde indstillingen.', memberIds: [m.m4] }, ['ProtocolNoteAdded']);
    await step('decision', { outcome: 'ENDORSED', text: 'Tiltrådt.' }, ['DecisionRecorded']);
    await step('referral-demands', { memberId: m.m4 }, ['ReferralDemanded']);
    await step('referrals', { body: 'Økonomiudvalget', date: '2025-01-28' }, ['ReferralScheduled']);
    await step('links', { linkedItemId: earlier, relation: 'CONTINUES' }, ['ItemLinked']);
    await step('links', { linkedItemId: earlier, relation: 'CONTINUES' }, []);

    const fetched = await api.get(`/committee-items/${itemId}`, { as: ['caseworker'] });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers.etag).toBe(etag);
    expect(fetched.body).toMatchObject({ streamName: `committee-item-${itemId}`, revision: 12 });
    const { state } = fetched.body;
    expect(state).toMatchObject({
      status: 'OPEN',
      itemId,
      caseNumber: { value: '24-1-15.20.00-P27', format: 'KLE', kle: { subject: '15.20.00', facet: 'P27' } },
      committee,
      meetingDate: MEETING,
      itemNumber: 2,
      title: 'Opfølgning på skærpet rådighedssanktion',
      closed: false,
      recommendation,
      decision: { outcome: 'ENDORSED', text: 'Tiltrådt.', amendments: [] },
      protocolNotes: [{ text: 'Enhedslisten kan ikke tiltræde indstillingen.', memberIds: [m.m4] }],
      referralDemandedBy: [m.m4],
      referrals: [{ body: 'Økonomiudvalget', date: '2025-01-28' }],
      links: [{ linkedItemId: earlier, relation: 'CONTINUES' }],
      finality: 'REFERRED',
    });
    expect(state.attendance[m.m7]).toEqual({ memberId: m.m7, status: 'ABSENT', absenceNotice: true, substituteMemberId: m.s1 });
    expect(state.votes).toEqual([
      { memberId: m.m1, memberName: 'Kristine Henriksen', party: 'A', vote: 'FOR' },
      { memberId: m.m2, memberName: 'Per Tærsebøl', party: 'V', vote: 'FOR' },
      { memberId: m.m3, memberName: 'Signe Ejersbo', party: 'F', vote: 'FOR' },
      { memberId: m.m4, memberName: 'Michael Dorph Jensen', party: 'Ø', vote: 'AGAINST' },
      { memberId: m.s1, memberName: 'Rikke Louise Schilling', party: 'A', vote: 'ABSTAIN' },
    ]);
    expect(fetched.body.tally).toEqual({
      for: 3,
      against: 1,
      abstain: 1,
      absent: 1,
      byParty: { FOR: { A: 1, V: 1, F: 1 }, AGAINST: { Ø: 1 }, ABSTAIN: { A: 1 } },
    });

    const { rows } = await api.database.pool.query(`SELECT metadata FROM event_store.events WHERE stream_name = $1 ORDER BY revision LIMIT 1`, [opened.body.streamName]);
    expect(rows[0].metadata).toMatchObject({ actor: 'secretary-1', effectiveAt: '2025-01-14T15:00:00.000Z' });
  });

  it('refuses a vote by a member not present for the item with 422 VOTE.MEMBER_NOT_PRESENT, storing nothing', async () => {
    const itemId = await itemWithQuorum();
    await api.post(`/committee-items/${itemId}/attendance`, { entries: [{ memberId: m.m6, status: 'ABSENT', absenceNotice: true }] }, SECRETARY);
    for (const memberId of [m.m6, m.m7]) {
      const refused = await unchanged(itemId, () => api.post(`/committee-items/${itemId}/votes`, { memberId, vote: 'FOR' }, SECRETARY));
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toMatchObject({ code: 'VOTE.MEMBER_NOT_PRESENT', field: 'memberId', status: 422 });
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses a second vote by the same member with 409 VOTE.ALREADY_CAST', async () => {
    const itemId = await itemWithQuorum();
    expect((await api.post(`/committee-items/${itemId}/votes`, { memberId: m.m1, vote: 'FOR' }, SECRETARY)).statusCode).toBe(200);
    const again = await unchanged(itemId, () => api.post(`/committee-items/${itemId}/votes`, { memberId: m.m1, vote: 'AGAINST' }, SECRETARY));
    expect(again.statusCode).toBe(409);
    expect(again.body).toMatchObject({ code: 'VOTE.ALREADY_CAST', status: 409 });
  });

  it('refuses a decision that contradicts the votes with 422 DECISION.CONTRADICTS_VOTES; a tie is no majority', async () => {
    const itemId = await itemWithQuorum();
    await vote(itemId, [m.m1, 'FOR'], [m.m2, 'FOR'], [m.m3, 'AGAINST']);
    const rejected = await unchanged(itemId, () => api.post(`/committee-items/${itemId}/decision`, { outcome: 'REJECTED', text: 'Forkastet.' }, SECRETARY));
    expect(rejected.statusCode).toBe(422);
    expect(rejected.body).toMatchObject({ code: 'DECISION.CONTRADICTS_VOTES', field: 'outcome' });

    await vote(itemId, [m.m4, 'AGAINST']);
    const tie = await unchanged(itemId, () => api.post(`/committee-items/${itemId}/decision`, { outcome: 'ENDORSED', text: 'Tiltrådt.' }, SECRETARY));
    expect(tie).toMatchObject({ statusCode: 422, body: { code: 'DECISION.CONTRADICTS_VOTES' } });
    expect((await api.post(`/committee-items/${itemId}/decision`, { outcome: 'REJECTED', text: 'Forkastet.' }, SECRETARY)).statusCode).toBe(200);
  });

  it('refuses a decision without quorum with 422 ITEM.NO_QUORUM', async () => {
    const itemId = await openItem();
    await api.post(`/committee-items/${itemId}/recommendation`, recommendation, SECRETARY);
    await api.post(`/committee-items/${itemId}/attendance`, { entries: present(m.m1, m.m2, m.m3) }, SECRETARY);
    const refused = await unchanged(itemId, () => api.post(`/committee-items/${itemId}/decision`, { outcome: 'ENDORSED', text: 'Tiltrådt.' }, SECRETARY));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ITEM.NO_QUORUM', status: 422 });
  });

  it('refuses a write on a stale If-Match with 412, naming the current revision', async () => {
    const itemId = await itemWithQuorum();
    const current = Number(String((await api.get(`/committee-items/${itemId}`)).headers.etag).replace(/"/g, ''));
    expect(current).toBe(2);
    const stale = await unchanged(itemId, () =>
      api.post(`/committee-items/${itemId}/votes`, { memberId: m.m1, vote: 'FOR' }, { ...SECRETARY, headers: { 'if-match': '"1"' } }),
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.body).toMatchObject({ code: 'REQUEST.PRECONDITION_FAILED', currentRevision: 2 });
    const fresh = await api.post(`/committee-items/${itemId}/votes`, { memberId: m.m1, vote: 'FOR' }, { ...SECRETARY, headers: { 'if-match': '"2"' } });
    expect(fresh.statusCode).toBe(200);
    const malformed = await api.post(`/committee-items/${itemId}/votes`, { memberId: m.m2, vote: 'FOR' }, { ...SECRETARY, headers: { 'if-match': 'latest' } });
    expect(malformed).toMatchObject({ statusCode: 400, body: { code: 'REQUEST.INVALID_IF_MATCH' } });
  });

  it('lets only committee-secretary and admin write: a caseworker posting a vote gets 403', async () => {
    const itemId = await itemWithQuorum();
    for (const role of ['caseworker', 'auditor', 'appeals-liaison'] as Role[]) {
      const refused = await unchanged(itemId, () => api.post(`/committee-items/${itemId}/votes`, { memberId: m.m1, vote: 'FOR' }, { as: [role] }));
      expect(refused.statusCode).toBe(403);
      expect(refused.body.code).toBe('AUTH.FORBIDDEN_ROLE');
    }
    expect((await api.post('/committee-items', itemBody(), { as: ['caseworker'] })).statusCode).toBe(403);
    expect((await api.post(`/committee-items/${itemId}/votes`, { memberId: m.m1, vote: 'FOR' }, { as: ['admin'] })).statusCode).toBe(200);
    expect((await api.get(`/committee-items/${itemId}`, { as: null })).statusCode).toBe(401);
  });

  it('shows a closed item\'s existence to every role and its content only to cleared roles', async () => {
    const itemId = await openItem({ closed: true, itemNumber: 9, title: 'Personalesag vedrørende ledelse' });
    await api.post(`/committee-items/${itemId}/attendance`, { entries: present(m.m1, m.m2, m.m3, m.m4) }, SECRETARY);
    await vote(itemId, [m.m1, 'FOR']);
    await api.post(`/committee-items/${itemId}/protocol-notes`, { text: 'Fortroligt protokollat', memberIds: [m.m1] }, SECRETARY);
    await api.post(`/committee-items/${itemId}/decision`, { outcome: 'APPROVED', text: 'Godkendt.' }, SECRETARY);

    for (const role of ['caseworker', 'appeals-liaison'] as Role[]) {
      const existence = await api.get(`/committee-items/${itemId}`, { as: [role] });
      expect(existence.statusCode).toBe(200);
      expect(existence.headers.etag).toBe('"4"');
      expect(existence.body).toEqual({ itemId, closed: true, committee, meetingDate: MEETING, itemNumber: 9, revision: 4 });
      expect(JSON.stringify(existence.body)).not.toMatch(/Personalesag|Fortroligt|Godkendt|Kristine/);
    }
    for (const role of ['auditor', 'committee-secretary', 'admin'] as Role[]) {
      const content = await api.get(`/committee-items/${itemId}`, { as: [role] });
      expect(content.statusCode).toBe(200);
      expect(content.body).toMatchObject({
        revision: 4,
        state: {
          closed: true,
          title: 'Personalesag vedrørende ledelse',
          votes: [{ memberId: m.m1, vote: 'FOR' }],
          protocolNotes: [{ text: 'Fortroligt protokollat' }],
          decision: { outcome: 'APPROVED', text: 'Godkendt.' },
        },
        tally: { for: 1, against: 0 },
      });
    }
  });

  it('answers 404 for an unknown item, 400 for a malformed id and for malformed bodies naming each field', async () => {
    const unknown = await api.get('/committee-items/0190c7a2-0000-7000-8000-000000000001');
    expect(unknown).toMatchObject({ statusCode: 404, body: { code: 'ITEM.NOT_FOUND' } });
    expect((await api.get('/committee-items/2')).body).toMatchObject({ code: 'REQUEST.INVALID_ID', field: 'itemId' });
    const noMember = await api.post(`/committee-items/0190c7a2-0000-7000-8000-000000000001/votes`, { memberId: m.m1, vote: 'FOR' }, SECRETARY);
    expect(noMember).toMatchObject({ statusCode: 404, body: { code: 'ITEM.NOT_FOUND' } });

    const itemId = await itemWithQuorum();
    const badVote = await unchanged(itemId, () => api.post(`/committee-items/${itemId}/votes`, { memberId: 'Kristine', vote: 'MAYBE', colour: 'red' }, SECRETARY));
    expect(badVote.statusCode).toBe(400);
    expect(badVote.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(badVote.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['memberId', 'vote', 'colour']));
    const badOpen = await api.post('/committee-items', { ...itemBody(), committee: { id: 'bu', memberCount: 'seven' }, meetingDate: '14-01-2025', closed: 'no' }, SECRETARY);
    expect(badOpen.statusCode).toBe(400);
    expect(badOpen.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['committee.name', 'committee.memberCount', 'meetingDate', 'closed']),
    );
    const tooMany = await api.post(`/committee-items/${itemId}/protocol-notes`, { text: 'x', memberIds: Array(51).fill(m.m1) }, SECRETARY);
    expect(tooMany.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'memberIds', code: 'VALIDATION.ARRAY_MAX_SIZE' })]));
  });

  it('receives an inquiry and shows it to appeals liaison, auditors and admins only', async () => {
    const body = {
      from: 'Ankestyrelsen',
      question: 'Hvilke afgørelser om skærpet rådighedssanktion siden 1. januar 2020 var forkerte?',
      scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], period: { from: '2020-01-01', to: '2023-07-31' } },
      deadline: '2023-09-01',
      receivedOn: '2023-06-28',
    };
    const received = await api.post('/inquiries', body, { as: ['appeals-liaison'], subject: 'liaison-1' });
    expect(received.statusCode).toBe(201);
    expect(received.headers.location).toBe(`/inquiries/${received.body.inquiryId}`);
    expect(received.body).toMatchObject({ streamName: `inquiry-${received.body.inquiryId}`, revision: 0, events: ['InquiryReceived'] });

    const fetched = await api.get(received.headers.location as string, { as: ['auditor'] });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers.etag).toBe('"0"');
    expect(fetched.body.state).toEqual({ status: 'RECEIVED', inquiryId: received.body.inquiryId, ...body, drafts: {}, answer: null });
    expect((await api.get(received.headers.location as string, { as: ['appeals-liaison'] })).statusCode).toBe(200);
    for (const role of ['caseworker', 'committee-secretary'] as Role[]) {
      expect((await api.get(received.headers.location as string, { as: [role] })).statusCode).toBe(403);
    }
    expect((await api.post('/inquiries', body, { as: ['caseworker'] })).statusCode).toBe(403);

    const minimal = await api.post('/inquiries', { from: 'Ankestyrelsen', question: 'Hvor mange?', scope: {}, deadline: '2999-01-01' });
    expect(minimal.statusCode).toBe(201);
    expect((await api.get(`/inquiries/${minimal.body.inquiryId}`)).body.state.scope).toEqual({ legalArea: null, sanctionTypes: [], period: null });
  });

  it('refuses a malformed inquiry with 400 naming each field, and a broken rule with 422', async () => {
    const before = await countEvents();
    const malformed = await api.post(
      '/inquiries',
      { from: '', question: 42, scope: { legalArea: 'TAX', sanctionTypes: 'all', period: { from: '2020-13-01' } }, deadline: 'soon' },
      { as: ['appeals-liaison'] },
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.body.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['from', 'question', 'scope.legalArea', 'scope.sanctionTypes', 'scope.period.from', 'scope.period.to', 'deadline']),
    );
    expect((await api.post('/inquiries', { from: 'Ankestyrelsen', question: 'Hvor mange?', deadline: '2023-09-01' })).statusCode).toBe(400);
    expect(await countEvents()).toBe(before);

    const late = await api.post('/inquiries', { from: 'Ankestyrelsen', question: 'Hvor mange?', scope: {}, deadline: '2023-06-01', receivedOn: '2023-06-28' });
    expect(late).toMatchObject({ statusCode: 422, body: { code: 'INQUIRY.DEADLINE_BEFORE_RECEIPT', field: 'deadline' } });
    expect((await api.get('/inquiries/0190c7a2-0000-7000-8000-000000000001')).body.code).toBe('INQUIRY.NOT_FOUND');
  });

  it('publishes the new routes in the OpenAPI document', async () => {
    const response = await api.get('/docs-json', { as: null });
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/committee-members',
        '/committee-members/{memberId}',
        '/committee-members/{memberId}/aliases',
        '/committee-members/{memberId}/party-memberships',
        '/committee-items',
        '/committee-items/{itemId}',
        ...['recommendation', 'attendance', 'votes', 'protocol-notes', 'decision', 'referral-demands', 'referrals', 'links'].map((p) => `/committee-items/{itemId}/${p}`),
        '/inquiries',
        '/inquiries/{inquiryId}',
      ]),
    );
    expect(Object.keys(response.body.paths['/committee-items/{itemId}/votes'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '409', '412', '422']));
  });

  async function registerMember(name: string, party: string | null): Promise<string> {
    const registered = await api.post('/committee-members', { name, aliases: name === 'Per Tærstøl' ? ['Per Tærsebøl'] : [] }, SECRETARY);
    expect(registered.statusCode).toBe(201);
    const membership = await api.post(`/committee-members/${registered.body.memberId}/party-memberships`, { party, from: '2022-01-01' }, SECRETARY);
    expect(membership.statusCode).toBe(200);
    return registered.body.memberId;
  }

  async function openItem(overrides: Record<string, unknown> = {}): Promise<string> {
    const opened = await api.post('/committee-items', itemBody(overrides), SECRETARY);
    expect(opened.statusCode).toBe(201);
    return opened.body.itemId;
  }

  /** An open item with a recommendation and m1 … m5 present: revision 2. */
  async function itemWithQuorum(): Promise<string> {
    const itemId = await openItem();
    expect((await api.post(`/committee-items/${itemId}/recommendation`, recommendation, SECRETARY)).statusCode).toBe(200);
    expect((await api.post(`/committee-items/${itemId}/attendance`, { entries: present(m.m1, m.m2, m.m3, m.m4, m.m5) }, SECRETARY)).statusCode).toBe(200);
    return itemId;
  }

  async function vote(itemId: string, ...votes: [string, string][]): Promise<void> {
    for (const [memberId, choice] of votes) {
      expect((await api.post(`/committee-items/${itemId}/votes`, { memberId, vote: choice }, SECRETARY)).statusCode).toBe(200);
    }
  }

  /** Runs a request that must be refused, and checks that the item's revision did not move. */
  async function unchanged(itemId: string, request: () => Promise<TestResponse>): Promise<TestResponse> {
    const before = (await api.get(`/committee-items/${itemId}`)).headers.etag;
    const response = await request();
    expect((await api.get(`/committee-items/${itemId}`)).headers.etag).toBe(before);
    return response;
  }

  async function countEvents(): Promise<number> {
    const { rows } = await api.database.pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
    return Number(rows[0].n);
  }
});
