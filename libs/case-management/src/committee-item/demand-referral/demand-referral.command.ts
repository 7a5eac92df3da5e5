import type { CommandContext } from '@casetrail/event-store';

export class DemandReferralCommand {
  constructor(
    readonly itemId: string,
    /** The member, present for the item, who demands that it go to the city council. */
    readonly payload: { readonly memberId: string },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
