import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { OpenItemCommand } from './open-item.command';
import { openItem } from './open-item.decide';

@CommandHandler(OpenItemCommand)
export class OpenItemHandler implements ICommandHandler<OpenItemCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: OpenItemCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(this.store, committeeItemStream(command.itemId), committeeItem, (state) => openItem(command, state), command.context, {
      expectedRevision: 'no_stream',
    });
  }
}
