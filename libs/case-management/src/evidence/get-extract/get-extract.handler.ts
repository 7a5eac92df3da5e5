import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { loadAggregate, type AggregateView } from '../../shared/queries/load-aggregate';
import { extractStream, importedExtract, type ExtractState } from '../evidence.state';
import { GetExtractQuery } from './get-extract.query';

@QueryHandler(GetExtractQuery)
export class GetExtractHandler implements IQueryHandler<GetExtractQuery, AggregateView<ExtractState>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: GetExtractQuery): Promise<AggregateView<ExtractState>> {
    return loadAggregate(this.store, extractStream(query.extractId), importedExtract, 'EXTRACT.NOT_FOUND');
  }
}
