import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { readAuditedStream } from '../audited-stream';
import { GetStreamHistoryQuery } from './get-history.query';
import { streamHistory, type StreamHistory } from './stream-history';

@QueryHandler(GetStreamHistoryQuery)
export class GetStreamHistoryHandler implements IQueryHandler<GetStreamHistoryQuery, StreamHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(query: GetStreamHistoryQuery): Promise<StreamHistory> {
    const { history } = await readAuditedStream(this.store, query.streamName);
    return streamHistory(query.streamName, history);
  }
}
