import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { AssessRepaymentCommand } from './assess-repayment.command';
import { assessRepayment } from './assess-repayment.decide';

@CommandHandler(AssessRepaymentCommand)
export class AssessRepaymentHandler implements ICommandHandler<AssessRepaymentCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: AssessRepaymentCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => assessRepayment(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
