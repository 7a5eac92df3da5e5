import type { CommandContext } from '@casetrail/event-store';

export class ScheduleReferralCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      /** The next body, e.g. "Økonomiudvalget", then "Byrådet". */
      readonly body: string;
      /** That body's meeting date. */
      readonly date: string;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
