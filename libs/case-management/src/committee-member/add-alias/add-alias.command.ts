import type { CommandContext } from '@casetrail/event-store';

export class AddAliasCommand {
  constructor(
    readonly memberId: string,
    readonly payload: { readonly alias: string },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
