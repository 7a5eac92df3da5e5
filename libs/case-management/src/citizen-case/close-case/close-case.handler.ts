import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { CloseCaseCommand } from './close-case.command';
import { closeCase } from './close-case.decide';

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: CloseCaseCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => closeCase(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
