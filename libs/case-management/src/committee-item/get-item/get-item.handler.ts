import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { loadAggregate, type AggregateView } from '../../shared/queries/load-aggregate';
import { committeeItem, committeeItemStream, type CommitteeItemState } from '../committee-item.state';
import { GetCommitteeItemQuery } from './get-item.query';

@QueryHandler(GetCommitteeItemQuery)
export class GetCommitteeItemHandler implements IQueryHandler<GetCommitteeItemQuery, AggregateView<CommitteeItemState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: GetCommitteeItemQuery): Promise<AggregateView<CommitteeItemState>> {
    return loadAggregate(this.store, committeeItemStream(query.itemId), committeeItem, 'ITEM.NOT_FOUND');
  }
}
