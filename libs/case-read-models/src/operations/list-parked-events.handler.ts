import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@casetrail/platform';
import type { Pool } from 'pg';
import { listParkedEvents } from '../projection/parked-events';
import { ListParkedEventsQuery, type ParkedEventView } from './list-parked-events.query';

@QueryHandler(ListParkedEventsQuery)
export class ListParkedEventsHandler implements IQueryHandler<ListParkedEventsQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(): Promise<ParkedEventView[]> {
    return (await listParkedEvents(this.pool)).map((event) => ({ ...event, parkedAt: event.parkedAt.toISOString() }));
  }
}
