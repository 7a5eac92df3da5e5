import type { CommandContext } from '@casetrail/event-store';

export class ImposeSanctionCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      readonly sanctionId: string;
      /** A code from the sanction-type catalogue; the legal basis follows from it. */
      readonly sanctionType: string;
      readonly breachDate: string;
      readonly period: { readonly from: string; readonly to: string };
      /** Integer øre. */
      readonly amountDeductedOre: number;
      readonly decidedOn?: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
