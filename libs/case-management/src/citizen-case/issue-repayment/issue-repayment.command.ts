import type { CommandContext } from '@casetrail/event-store';

export class IssueRepaymentCommand {
  constructor(
    readonly caseId: string,
    readonly payload: { readonly repaymentId: string; readonly issuedOn?: string },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
