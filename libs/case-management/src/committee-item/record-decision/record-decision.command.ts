import type { CommandContext } from '@casetrail/event-store';
import type { DecisionOutcome } from '../committee-item.catalogue';

export class RecordDecisionCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      readonly outcome: DecisionOutcome;
      /** The decision as the minutes word it, e.g. "Tiltrådt.". */
      readonly text: string;
      /** Required for APPROVED_WITH_AMENDMENTS, empty otherwise. */
      readonly amendments?: readonly string[];
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
