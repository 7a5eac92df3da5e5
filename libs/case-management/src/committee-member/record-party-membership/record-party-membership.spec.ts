import { given } from '@casetrail/testing';
import type { CommitteeMemberEvent } from '../committee-member.events';
import { committeeMember } from '../committee-member.state';
import { RecordPartyMembershipCommand } from './record-party-membership.command';
import { recordPartyMembership } from './record-party-membership.decide';

const context = { actor: 'secretariat-1', correlationId: 'c-1', recordedAt: new Date('2025-01-13T23:30:00Z') };
const registered: CommitteeMemberEvent = { type: 'MemberRegistered', data: { memberId: 'member-1', name: 'Suleman Naim', aliases: [] } };
const inPartyV: CommitteeMemberEvent = { type: 'PartyMembershipRecorded', data: { party: 'V', from: '2022-01-01', to: '2023-06-30' } };
const command = (payload: RecordPartyMembershipCommand['payload']) => new RecordPartyMembershipCommand('member-1', payload, context);

describe('record party membership', () => {
  it('records a party period, from the Danish effective date when no start is given', () => {
    given(committeeMember, [registered]).when(recordPartyMembership, command({ party: 'ø' })).then([
      { type: 'PartyMembershipRecorded', data: { party: 'Ø', from: '2025-01-14', to: null } },
    ]);
  });

  it('records a period outside any party after a party period', () => {
    given(committeeMember, [registered, inPartyV]).when(recordPartyMembership, command({ party: null, from: '2023-07-01', to: null })).then([
      { type: 'PartyMembershipRecorded', data: { party: null, from: '2023-07-01', to: null } },
    ]);
  });

  it('ignores the very same period recorded again', () => {
    given(committeeMember, [registered, inPartyV]).when(recordPartyMembership, command({ party: 'V', from: '2022-01-01', to: '2023-06-30' })).then([]);
  });

  it('refuses an unknown member', () => {
    given(committeeMember, []).when(recordPartyMembership, command({ party: 'A', from: '2022-01-01' })).thenRefuses('MEMBER.NOT_FOUND');
  });

  it('refuses a party that is not one letter', () => {
    given(committeeMember, [registered]).when(recordPartyMembership, command({ party: 'Venstre', from: '2022-01-01' })).thenRefuses('MEMBER.PARTY_INVALID', 'party');
  });

  it('refuses dates that are not calendar dates', () => {
    given(committeeMember, [registered]).when(recordPartyMembership, command({ party: 'A', from: '2022-02-30' })).thenRefuses('DATE.INVALID', 'from');
    given(committeeMember, [registered]).when(recordPartyMembership, command({ party: 'A', from: '2022-01-01', to: '31-12-2022' })).thenRefuses('DATE.INVALID', 'to');
  });

  it('refuses a period that ends before it begins', () => {
    given(committeeMember, [registered]).when(recordPartyMembership, command({ party: 'A', from: '2022-01-02', to: '2022-01-01' })).thenRefuses('MEMBER.PARTY_PERIOD_INVERTED', 'to');
  });

  it('refuses a period overlapping another by a single day, or an open-ended one', () => {
    given(committeeMember, [registered, inPartyV]).when(recordPartyMembership, command({ party: null, from: '2023-06-30' })).thenRefuses('MEMBER.PARTY_PERIODS_OVERLAP', 'from');
    given(committeeMember, [registered, inPartyV]).when(recordPartyMembership, command({ party: 'A', from: '2020-01-01', to: null })).thenRefuses('MEMBER.PARTY_PERIODS_OVERLAP', 'from');
  });
});
