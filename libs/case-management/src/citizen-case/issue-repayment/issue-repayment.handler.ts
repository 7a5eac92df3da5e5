import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { CitizenCaseEvent } from '../citizen-case.events';
import { citizenCase, citizenCaseStream } from '../citizen-case.state';
import { IssueRepaymentCommand } from './issue-repayment.command';
import { issueRepayment } from './issue-repayment.decide';

@CommandHandler(IssueRepaymentCommand)
export class IssueRepaymentHandler implements ICommandHandler<IssueRepaymentCommand, CommandResult<CitizenCaseEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: IssueRepaymentCommand): Promise<CommandResult<CitizenCaseEvent>> {
    return handleCommand(this.store, citizenCaseStream(command.caseId), citizenCase, (state) => issueRepayment(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
