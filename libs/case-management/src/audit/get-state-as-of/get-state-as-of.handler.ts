import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { readAuditedStream } from '../audited-stream';
import { GetStateAsOfQuery } from './get-state-as-of.query';
import { replayAsOf, type AsOfState } from './replay-as-of';

@QueryHandler(GetStateAsOfQuery)
export class GetStateAsOfHandler implements IQueryHandler<GetStateAsOfQuery, AsOfState> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(query: GetStateAsOfQuery): Promise<AsOfState> {
    const { aggregate, history } = await readAuditedStream(this.store, query.streamName);
    return replayAsOf(query.streamName, aggregate, history, query.view);
  }
}
