import type { DomainEvent } from '@casetrail/event-store';

/** ISO calendar date, yyyy-mm-dd. */
type IsoDate = string;

export type MemberRegistered = DomainEvent<
  'MemberRegistered',
  { readonly memberId: string; readonly name: string; readonly aliases: readonly string[] }
>;

/** Another spelling of the member's name as it appears in some minutes ("Per Tærsebøl"). */
export type MemberAliasAdded = DomainEvent<'MemberAliasAdded', { readonly alias: string }>;

/**
 * Party membership over a date range, both ends inclusive; `to: null` is open-ended.
 * `party: null` means outside any party (løsgænger), which is a fact, not a missing value.
 */
export type PartyMembershipRecorded = DomainEvent<
  'PartyMembershipRecorded',
  { readonly party: string | null; readonly from: IsoDate; readonly to: IsoDate | null }
>;

export type CommitteeMemberEvent = MemberRegistered | MemberAliasAdded | PartyMembershipRecorded;
