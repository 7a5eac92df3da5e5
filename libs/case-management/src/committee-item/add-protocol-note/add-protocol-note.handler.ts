import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { AddProtocolNoteCommand } from './add-protocol-note.command';
import { addProtocolNote } from './add-protocol-note.decide';

@CommandHandler(AddProtocolNoteCommand)
export class AddProtocolNoteHandler implements ICommandHandler<AddProtocolNoteCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: AddProtocolNoteCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(
      this.store,
      committeeItemStream(command.itemId),
      committeeItem,
      (state) => addProtocolNote(command, state),
      command.context,
      { expectedRevision: command.expectedRevision },
    );
  }
}
