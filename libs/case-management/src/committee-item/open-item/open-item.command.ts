import type { CommandContext } from '@casetrail/event-store';

export class OpenItemCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      /** Journal number in any accepted format; one case number may appear on several items. */
      readonly caseNumber: string;
      readonly committee: { readonly id: string; readonly name: string; readonly memberCount: number };
      readonly meetingDate: string;
      /** Display number on the agenda. */
      readonly itemNumber: number;
      readonly title: string;
      /** A closed item (lukket punkt). */
      readonly closed: boolean;
    },
    readonly context: CommandContext,
  ) {}
}
