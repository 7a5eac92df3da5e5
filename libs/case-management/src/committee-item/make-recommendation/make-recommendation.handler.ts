import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CommitteeItemEvent } from '../committee-item.events';
import { committeeItem, committeeItemStream } from '../committee-item.state';
import { MakeRecommendationCommand } from './make-recommendation.command';
import { makeRecommendation } from './make-recommendation.decide';

@CommandHandler(MakeRecommendationCommand)
export class MakeRecommendationHandler implements ICommandHandler<MakeRecommendationCommand, CommandResult<CommitteeItemEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: MakeRecommendationCommand): Promise<CommandResult<CommitteeItemEvent>> {
    return handleCommand(
      this.store,
      committeeItemStream(command.itemId),
      committeeItem,
      (state) => makeRecommendation(command, state),
      command.context,
      { expectedRevision: command.expectedRevision },
    );
  }
}
