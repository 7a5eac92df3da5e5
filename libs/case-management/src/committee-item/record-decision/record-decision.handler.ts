import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { RecordDecisionCommand } from './record-decision.command';
import { recordDecision } from './record-decision.decide';

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: RecordDecisionCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(
      this.store,
      committeeItemStream(command.itemId),
      committeeItem,
      (state) => recordDecision(command, state),
      command.context,
      { expectedRevision: command.expectedRevision },
    );
  }
}
