import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { ScheduleRepaymentCommand } from './schedule-repayment.command';
import { scheduleRepayment } from './schedule-repayment.decide';

@CommandHandler(ScheduleRepaymentCommand)
export class ScheduleRepaymentHandler implements ICommandHandler<ScheduleRepaymentCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ScheduleRepaymentCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => scheduleRepayment(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
