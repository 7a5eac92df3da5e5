import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { loadAggregate, type AggregateView } from '../../shared/queries/load-aggregate';
import { inquiry, inquiryStream, type InquiryState } from '../inquiry.state';
import { GetInquiryQuery } from './get-inquiry.query';

@QueryHandler(GetInquiryQuery)
export class GetInquiryHandler implements IQueryHandler<GetInquiryQuery, AggregateView<InquiryState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: GetInquiryQuery): Promise<AggregateView<InquiryState>> {
    return loadAggregate(this.store, inquiryStream(query.inquiryId), inquiry, 'INQUIRY.NOT_FOUND');
  }
}
