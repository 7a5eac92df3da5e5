import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, foldStream, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import { committeeItem, committeeItemStream, type CommitteeItemState } from '../../committee-item/committee-item.state';
import type { InquiryEvent } from '../inquiry.events';
import { inquiry, inquiryStream } from '../inquiry.state';
import { AnswerInquiryCommand } from './answer-inquiry.command';
import { answerInquiry } from './answer-inquiry.decide';

@CommandHandler(AnswerInquiryCommand)
export class AnswerInquiryHandler implements ICommandHandler<AnswerInquiryCommand, CommandResult<InquiryEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(command: AnswerInquiryCommand): Promise<CommandResult<InquiryEvent>> {
    const { committeeItemId } = command.payload;
    const item: CommitteeItemState | null =
      committeeItemId === undefined ? null : foldStream(committeeItem, await this.store.readStream(committeeItemStream(committeeItemId)));
    return handleCommand(this.store, inquiryStream(command.inquiryId), inquiry, (state) => answerInquiry(command, state, item), command.context, {
      expectedRevision: command.expectedRevision,
    });
  }
}
