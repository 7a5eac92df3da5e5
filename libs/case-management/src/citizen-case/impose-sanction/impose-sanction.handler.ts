import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { ImposeSanctionCommand } from './impose-sanction.command';
import { imposeSanction } from './impose-sanction.decide';

@CommandHandler(ImposeSanctionCommand)
export class ImposeSanctionHandler implements ICommandHandler<ImposeSanctionCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ImposeSanctionCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => imposeSanction(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
