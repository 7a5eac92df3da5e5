import type { CommandContext } from '@casetrail/event-store';

export class AddProtocolNoteCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      readonly text: string;
      /** The member(s) the note belongs to; each present for the item. */
      readonly memberIds: readonly string[];
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
