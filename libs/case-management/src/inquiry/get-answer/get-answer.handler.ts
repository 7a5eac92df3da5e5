import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { DomainError } from '../../shared/domain-error';
import { loadAggregate } from '../../shared/queries/load-aggregate';
import { inquiry, inquiryStream, type InquiryAnswer } from '../inquiry.state';
import { GetInquiryAnswerQuery } from './get-answer.query';

/** 404 INQUIRY.NOT_FOUND for no inquiry, 404 INQUIRY.NOT_ANSWERED while it has no answer. */
@QueryHandler(GetInquiryAnswerQuery)
export class GetInquiryAnswerHandler implements IQueryHandler<GetInquiryAnswerQuery, InquiryAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(query: GetInquiryAnswerQuery): Promise<InquiryAnswer> {
    const { state } = await loadAggregate(this.store, inquiryStream(query.inquiryId), inquiry, 'INQUIRY.NOT_FOUND');
    if (!state.answer) throw new DomainError('INQUIRY.NOT_ANSWERED', 'This inquiry has not been answered yet', { kind: 'not_found' });
    return state.answer;
  }
}
