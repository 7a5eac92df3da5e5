import type { CommandContext } from '@casetrail/event-store';
import type { LinkRelation } from '../committee-item.catalogue';

export class LinkItemCommand {
  constructor(
    readonly itemId: string,
    readonly payload: {
      /** The earlier item's stable id; display numbers are renumbered, so never those. */
      readonly linkedItemId: string;
      readonly relation: LinkRelation;
    },
    readonly context: CommandContext,
    readonly expectedRevision?: number,
  ) {}
}
