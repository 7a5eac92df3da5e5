import type { CommandContext } from '@casetrail/event-store';
import type { AnswerReport } from '../inquiry.events';

export class DraftAnswerCommand {
  constructor(
    readonly inquiryId: string,
    readonly payload: {
      readonly draftId: string;
      /** The report as computed by the read side, with its parameters, position and cutoff. */
      readonly report: AnswerReport;
      readonly note?: string;
      /** Defaults to the command's effective date. */
      readonly draftedOn?: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
