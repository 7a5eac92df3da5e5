import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { readAuditedStream } from '../audited-stream';
import { GetStateDiffQuery } from './get-diff.query';
import { diffStates, type StateDiff } from './state-diff';

@QueryHandler(GetStateDiffQuery)
export class GetStateDiffHandler implements IQueryHandler<GetStateDiffQuery, StateDiff> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(query: GetStateDiffQuery): Promise<StateDiff> {
    const { aggregate, history } = await readAuditedStream(this.store, query.streamName);
    return diffStates(query.streamName, aggregate, history, query.request);
  }
}
