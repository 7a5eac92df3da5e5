import type { CommandContext } from '@casetrail/event-store';

export class AnswerInquiryCommand {
  constructor(
    readonly inquiryId: string,
    readonly payload: {
      /** The draft whose report is sent. */
      readonly draftId: string;
      /** The committee agenda item whose decision approved sending it. */
      readonly committeeItemId?: string;
      /** Defaults to the command's effective date. */
      readonly answeredOn?: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
