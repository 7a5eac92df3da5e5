import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { loadAggregate, type AggregateView } from '../../shared/queries/load-aggregate';
import { comparatorStream, importedComparator, type ComparatorState } from '../evidence.state';
import { GetComparatorQuery } from './get-comparator.query';

@QueryHandler(GetComparatorQuery)
export class GetComparatorHandler implements IQueryHandler<GetComparatorQuery, AggregateView<ComparatorState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: GetComparatorQuery): Promise<AggregateView<ComparatorState>> {
    return loadAggregate(this.store, comparatorStream(query.comparatorId), importedComparator, 'COMPARATOR.NOT_FOUND');
  }
}
