import type { CommandContext } from '@casetrail/event-store';

export class ScheduleRepaymentCommand {
  constructor(
    readonly caseId: string,
    readonly payload: { readonly repaymentId: string; readonly scheduledFor: string },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
