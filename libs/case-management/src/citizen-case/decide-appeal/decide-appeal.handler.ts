import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { DecideAppealCommand } from './decide-appeal.command';
import { decideAppeal } from './decide-appeal.decide';

@CommandHandler(DecideAppealCommand)
export class DecideAppealHandler implements ICommandHandler<DecideAppealCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: DecideAppealCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => decideAppeal(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
