import type { CommandContext } from '@casetrail/event-store';

export class AssessRepaymentCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      readonly repaymentId: string;
      /** The sanctions it repays; each was reviewed and found in error. */
      readonly sanctionIds: readonly string[];
      /** Integer øre. */
      readonly amountOre: number;
      readonly assessedOn?: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
