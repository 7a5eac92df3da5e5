import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { loadAggregate, type AggregateView } from '../../shared/queries/load-aggregate';
import { citizenCase, citizenCaseStream, type CitizenCaseState } from '../citizen-case.state';
import { GetCitizenCaseQuery } from './get-case.query';

@QueryHandler(GetCitizenCaseQuery)
export class GetCitizenCaseHandler implements IQueryHandler<GetCitizenCaseQuery, AggregateView<CitizenCaseState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: GetCitizenCaseQuery): Promise<AggregateView<CitizenCaseState>> {
    return loadAggregate(this.store, citizenCaseStream(query.caseId), citizenCase, 'CASE.NOT_FOUND');
  }
}
