import type { CommandContext } from '@casetrail/event-store';

export class RecordPartyMembershipCommand {
  constructor(
    readonly memberId: string,
    readonly payload: {
      /** A party letter (A, F, Æ, Ø …), or null for outside any party (løsgænger). */
      readonly party: string | null;
      /** First day of the membership; defaults to the command's effective date. */
      readonly from?: string;
      /** Last day of the membership (inclusive); absent or null while it lasts. */
      readonly to?: string | null;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
