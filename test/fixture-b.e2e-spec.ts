import { OUTSIDE_PARTY } from '@casetrail/case-management';
import type { Role } from '@casetrail/platform';
import { startTestApi, type TestApi } from './support/api-test-app';

/**
 * Acceptance fixture B (../shared/domain.md), entirely through HTTP: item 2 of a 2025
 * employment-committee meeting, seven present, five for and two against with a protocol note.
 */
const SECRETARY = { as: ['committee-secretary'] as Role[], subject: 'secretary-b' };
const MEMBERS = [
  { name: 'Kristine Henriksen', party: 'A', vote: 'FOR' },
  { name: 'Rikke Louise Schilling', party: 'A', vote: 'FOR' },
  { name: 'Ole Skrald', party: 'A', vote: 'FOR' },
  { name: 'Signe Ejersbo', party: 'F', vote: 'FOR' },
  { name: 'Susanne Damsgaard', party: 'Æ', vote: 'FOR' },
  { name: 'Michael Dorph Jensen', party: 'Ø', vote: 'AGAINST' },
  { name: 'Suleman Naim', party: null, vote: 'AGAINST' },
] as const;
const NOTE = 'Protokollat (fixture B gives no wording; this text is a stand-in).';

describe('acceptance fixture B: a vote with dissent, through the API', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('records the meeting and gives FOR 5, AGAINST 2 by party, the majority by name, the dissenters with their note, and "Tiltrådt."', async () => {
    const ids = new Map<string, string>();
    for (const member of MEMBERS) {
      const registered = await ok(api.post('/committee-members', { name: member.name }, SECRETARY), 201);
      await ok(api.post(`/committee-members/${registered.memberId}/party-memberships`, { party: member.party, from: '2022-01-01' }, SECRETARY));
      ids.set(member.name, registered.memberId);
    }
    const idOf = (name: string) => ids.get(name) as string;
    const dissenters = MEMBERS.filter((m) => m.vote === 'AGAINST').map((m) => idOf(m.name));

    const opened = await ok(
      api.post(
        '/committee-items',
        {
          caseNumber: '24-1-15.20.00-P27',
          committee: { id: 'beskaeftigelsesudvalget', name: 'Beskæftigelsesudvalget', memberCount: 7 },
          meetingDate: '2025-01-14',
          itemNumber: 2,
          title: 'Opfølgning på skærpet rådighedssanktion',
          closed: false,
        },
        SECRETARY,
      ),
      201,
    );
    const item = `/committee-items/${opened.itemId}`;
    await ok(
      api.post(
        `${item}/recommendation`,
        { originators: ['Jobcenter'], addressee: 'Beskæftigelsesudvalget', points: [{ number: 1, text: 'at indstillingen tiltrædes' }], kind: 'DECISION' },
        SECRETARY,
      ),
    );
    await ok(api.post(`${item}/attendance`, { entries: MEMBERS.map((m) => ({ memberId: idOf(m.name), status: 'PRESENT', absenceNotice: false })) }, SECRETARY));
    for (const member of MEMBERS) await ok(api.post(`${item}/votes`, { memberId: idOf(member.name), vote: member.vote }, SECRETARY));
    await ok(api.post(`${item}/protocol-notes`, { text: NOTE, memberIds: dissenters }, SECRETARY));
    await ok(api.post(`${item}/decision`, { outcome: 'ENDORSED', text: 'Tiltrådt.' }, SECRETARY));

    const fetched = await api.get(item, { as: ['committee-secretary'] });
    expect(fetched.statusCode).toBe(200);
    const { state, tally } = fetched.body;
    expect(state).toMatchObject({ itemNumber: 2, meetingDate: expect.stringMatching(/^2025-/), caseNumber: { value: '24-1-15.20.00-P27' }, finality: 'FINAL' });
    expect(Object.values(state.attendance).filter((e: any) => e.status === 'PRESENT')).toHaveLength(7);

    expect(tally).toEqual({
      for: 5,
      against: 2,
      abstain: 0,
      absent: 0,
      byParty: { FOR: { A: 3, F: 1, Æ: 1 }, AGAINST: { Ø: 1, [OUTSIDE_PARTY]: 1 }, ABSTAIN: {} },
    });
    expect(OUTSIDE_PARTY).toBe('outside party');

    const namesVoting = (choice: string) => state.votes.filter((v: { vote: string }) => v.vote === choice).map((v: { memberName: string }) => v.memberName);
    const minutes = {
      majority: namesVoting('FOR'),
      dissenters: namesVoting('AGAINST'),
      dissentersNotes: state.protocolNotes
        .filter((n: { memberIds: string[] }) => [...n.memberIds].sort().join() === [...dissenters].sort().join())
        .map((n: { text: string }) => n.text),
      decision: state.decision.text,
    };
    expect(minutes).toEqual({
      majority: ['Kristine Henriksen', 'Rikke Louise Schilling', 'Ole Skrald', 'Signe Ejersbo', 'Susanne Damsgaard'],
      dissenters: ['Michael Dorph Jensen', 'Suleman Naim'],
      dissentersNotes: [NOTE],
      decision: 'Tiltrådt.',
    });
    expect(state.protocolNotes).toEqual([{ text: NOTE, memberIds: dissenters }]);
    expect(state.decision).toEqual({ outcome: 'ENDORSED', text: 'Tiltrådt.', amendments: [] });
    expect(state.votes.find((v: { memberName: string }) => v.memberName === 'Suleman Naim')).toMatchObject({ party: null, vote: 'AGAINST' });
  });

  async function ok(request: Promise<{ statusCode: number; body: any }>, status = 200): Promise<any> {
    const response = await request;
    expect({ status: response.statusCode, body: response.body }).toMatchObject({ status });
    return response.body;
  }
});
