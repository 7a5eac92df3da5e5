import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenEvent } from '../citizen.events';
import { citizen, citizenStream } from '../citizen.state';
import { EraseCitizenCommand } from './erase-citizen.command';
import { eraseCitizen } from './erase-citizen.decide';

@CommandHandler(EraseCitizenCommand)
export class EraseCitizenHandler implements ICommandHandler<EraseCitizenCommand, CommandResult<CitizenEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: EraseCitizenCommand): Promise<CommandResult<CitizenEvent>> {
    return handleCommand(this.store, citizenStream(command.citizenRef), citizen, (state) => eraseCitizen(command, state), command.context);
  }
}
