import { AddAliasHandler } from './add-alias/add-alias.handler';
import { GetCommitteeMemberHandler } from './get-member/get-member.handler';
import { RecordPartyMembershipHandler } from './record-party-membership/record-party-membership.handler';
import { RegisterMemberHandler } from './register-member/register-member.handler';

/** Every command and query handler of this aggregate; the module registers them. */
export const COMMITTEE_MEMBER_HANDLERS = [RegisterMemberHandler, AddAliasHandler, RecordPartyMembershipHandler, GetCommitteeMemberHandler];
