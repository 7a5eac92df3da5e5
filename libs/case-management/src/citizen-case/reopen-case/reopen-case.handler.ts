import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { ReopenCaseCommand } from './reopen-case.command';
import { reopenCase } from './reopen-case.decide';

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ReopenCaseCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => reopenCase(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
