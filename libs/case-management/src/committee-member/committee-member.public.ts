/** This aggregate's public surface, re-exported by the lib's index.ts. */
export type * from './committee-member.events';
export { committeeMember, committeeMemberStream, COMMITTEE_MEMBER_STREAM_PREFIX } from './committee-member.state';
export type { CommitteeMemberState, PartyPeriod } from './committee-member.state';
export { partyOn } from './committee-member.rules';
export { RegisterMemberCommand } from './register-member/register-member.command';
export { AddAliasCommand } from './add-alias/add-alias.command';
export { RecordPartyMembershipCommand } from './record-party-membership/record-party-membership.command';
export { GetCommitteeMemberQuery } from './get-member/get-member.query';
