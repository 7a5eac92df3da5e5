import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, handleCommand, type CommandResult, type EventStore } from '@casetrail/event-store';
import type { InquiryEvent } from '../inquiry.events';
import { inquiry, inquiryStream } from '../inquiry.state';
import { ReceiveInquiryCommand } from './receive-inquiry.command';
import { receiveInquiry } from './receive-inquiry.decide';

@CommandHandler(ReceiveInquiryCommand)
export class ReceiveInquiryHandler implements ICommandHandler<ReceiveInquiryCommand, CommandResult<InquiryEvent>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ReceiveInquiryCommand): Promise<CommandResult<InquiryEvent>> {
    return handleCommand(this.store, inquiryStream(command.inquiryId), inquiry, (state) => receiveInquiry(command, state), command.context, {
      expectedRevision: 'no_stream',
    });
  }
}
