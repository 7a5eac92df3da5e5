import type { CommitteeMemberEvent } from './committee-member.events';
import { partyOn } from './committee-member.rules';
import { committeeMember } from './committee-member.state';

const fold = (events: CommitteeMemberEvent[]) => events.reduce(committeeMember.evolve, committeeMember.initialState());

describe('partyOn', () => {
  const member = fold([
    { type: 'MemberRegistered', data: { memberId: 'member-1', name: 'Suleman Naim', aliases: [] } },
    { type: 'PartyMembershipRecorded', data: { party: 'V', from: '2022-01-01', to: '2023-06-30' } },
    { type: 'PartyMembershipRecorded', data: { party: null, from: '2023-07-01', to: null } },
  ]);

  it('gives the party letter on a day within a period, both ends included', () => {
    expect(partyOn(member, '2022-01-01')).toBe('V');
    expect(partyOn(member, '2023-06-30')).toBe('V');
  });

  it('gives null outside any party, also in an open-ended period', () => {
    expect(partyOn(member, '2023-07-01')).toBeNull();
    expect(partyOn(member, '2025-01-14')).toBeNull();
  });

  it('gives undefined when no membership is known that day', () => {
    expect(partyOn(member, '2021-12-31')).toBeUndefined();
  });
});
