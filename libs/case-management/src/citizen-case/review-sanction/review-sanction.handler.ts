import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { ReviewSanctionCommand } from './review-sanction.command';
import { reviewSanction } from './review-sanction.decide';

@CommandHandler(ReviewSanctionCommand)
export class ReviewSanctionHandler implements ICommandHandler<ReviewSanctionCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ReviewSanctionCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => reviewSanction(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
