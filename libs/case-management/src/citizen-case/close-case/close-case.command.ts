import type { CommandContext } from '@casetrail/event-store';
import type { ClosureReason } from '../catalogue/case-catalogues';

export class CloseCaseCommand {
  constructor(
    readonly caseId: string,
    readonly payload: { readonly reason: ClosureReason; readonly closedOn?: string },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
