import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { CorrectFactCommand } from './correct-fact.command';
import { correctFact } from './correct-fact.decide';

@CommandHandler(CorrectFactCommand)
export class CorrectFactHandler implements ICommandHandler<CorrectFactCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: CorrectFactCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => correctFact(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
