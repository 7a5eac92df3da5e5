import type { CommandContext } from '@casetrail/event-store';
import type { AppealOutcome } from '../catalogue/case-catalogues';

export class DecideAppealCommand {
  constructor(
    readonly caseId: string,
    readonly payload: {
      readonly appealId: string;
      /** Ankestyrelsen's outcome. */
      readonly outcome: AppealOutcome;
      readonly decidedOn?: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
