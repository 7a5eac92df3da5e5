import type { CommandContext } from '@casetrail/event-store';

export class ReopenCaseCommand {
  constructor(
    readonly caseId: string,
    readonly payload: { readonly reason: string; readonly reopenedOn?: string },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
