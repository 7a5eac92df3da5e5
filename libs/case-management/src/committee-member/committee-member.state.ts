import type { Aggregate } from '@casetrail/event-store';
import type { CommitteeMemberEvent } from './committee-member.events';

/** A party letter (A, F, Æ, Ø …) or null (outside any party) from `from` to `to`, both inclusive. */
export interface PartyPeriod {
  readonly party: string | null;
  readonly from: string;
  readonly to: string | null;
}

export interface CommitteeMemberState {
  readonly status: 'NONE' | 'REGISTERED';
  readonly memberId: string | null;
  readonly name: string | null;
  readonly aliases: readonly string[];
  /** In the order recorded; periods never overlap. */
  readonly partyPeriods: readonly PartyPeriod[];
}

export function initialCommitteeMemberState(): CommitteeMemberState {
  return { status: 'NONE', memberId: null, name: null, aliases: [], partyPeriods: [] };
}

export function evolveCommitteeMember(state: CommitteeMemberState, event: CommitteeMemberEvent): CommitteeMemberState {
  switch (event.type) {
    case 'MemberRegistered':
      return { ...state, status: 'REGISTERED', memberId: event.data.memberId, name: event.data.name, aliases: [...event.data.aliases] };
    case 'MemberAliasAdded':
      return { ...state, aliases: [...state.aliases, event.data.alias] };
    case 'PartyMembershipRecorded':
      return { ...state, partyPeriods: [...state.partyPeriods, { ...event.data }] };
    default:
      return state;
  }
}

/** The committee member's fold, shared by the write side and auditors' replays. */
export const committeeMember: Aggregate<CommitteeMemberState, CommitteeMemberEvent> = {
  initialState: initialCommitteeMemberState,
  evolve: evolveCommitteeMember,
};

export const COMMITTEE_MEMBER_STREAM_PREFIX = 'committee-member-';

export function committeeMemberStream(memberId: string): string {
  return `${COMMITTEE_MEMBER_STREAM_PREFIX}${memberId}`;
}
