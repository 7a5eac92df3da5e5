import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { LinkItemCommand } from './link-item.command';
import { linkItem } from './link-item.decide';

@CommandHandler(LinkItemCommand)
export class LinkItemHandler implements ICommandHandler<LinkItemCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: LinkItemCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(this.store, committeeItemStream(command.itemId), committeeItem, (state) => linkItem(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
