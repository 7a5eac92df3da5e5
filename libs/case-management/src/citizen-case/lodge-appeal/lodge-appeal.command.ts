import type { CommandContext } from '@casetrail/event-store';

export class LodgeAppealCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      readonly appealId: string;
      /** The sanctions appealed; empty when another decision in the case is appealed. */
      readonly sanctionIds: readonly string[];
      readonly lodgedOn?: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
