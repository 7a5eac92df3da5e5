import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { IdentifyCitizenCommand } from './identify-citizen.command';
import { identifyCitizen } from './identify-citizen.decide';

@CommandHandler(IdentifyCitizenCommand)
export class IdentifyCitizenHandler implements ICommandHandler<IdentifyCitizenCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: IdentifyCitizenCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => identifyCitizen(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
