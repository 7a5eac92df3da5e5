import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { InquiryEvent } from '../inquiry.events';
import { inquiry, inquiryStream } from '../inquiry.state';
import { DraftAnswerCommand } from './draft-answer.command';
import { draftAnswer } from './draft-answer.decide';

@CommandHandler(DraftAnswerCommand)
export class DraftAnswerHandler implements ICommandHandler<DraftAnswerCommand, CommandResult<InquiryEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: DraftAnswerCommand): Promise<CommandResult<InquiryEvent>> {
    return handleCommand(this.store, inquiryStream(command.inquiryId), inquiry, (state) => draftAnswer(command, state), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
