import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, PostgresEventStore, type EventStore, type GlobalLogFilter } from '@casetrail/event-store';
import { PG_POOL } from '@casetrail/platform';
import type { Pool } from 'pg';
import { readCheckpoints } from '../projection/checkpoints';
import { listParkedEvents } from '../projection/parked-events';
import { PROJECTIONS } from '../projections';
import { GetProjectionStatusQuery, type ProjectionStatus } from './get-projection-status.query';

const SEQ_BITS = 64n;

@QueryHandler(GetProjectionStatusQuery)
export class GetProjectionStatusHandler implements IQueryHandler<GetProjectionStatusQuery> {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(): Promise<ProjectionStatus[]> {
    const [checkpoints, parked] = await Promise.all([readCheckpoints(this.pool), listParkedEvents(this.pool)]);
    return Promise.all(
      PROJECTIONS.map(async ({ name, filter }) => {
        const checkpoint = checkpoints.find((c) => c.projection === name);
        const position = checkpoint?.position ?? 0n;
        return {
          name,
          position: position.toString(),
          eventsApplied: checkpoint?.eventsApplied ?? 0,
          updatedAt: checkpoint ? checkpoint.updatedAt.toISOString() : null,
          lag: this.store instanceof PostgresEventStore ? await this.lag(position, filter) : null,
          parked: parked.filter((p) => p.projection === name).length,
        };
      }),
    );
  }

  /** Events of the projection's streams (and types) stored after `position` = (tx_id << 64) | seq. */
  private async lag(position: bigint, filter: GlobalLogFilter | undefined): Promise<number> {
    const { rows } = await this.pool.query<{ lag: string }>(
      `SELECT count(*) AS lag FROM event_store.events e
        WHERE (e.tx_id, e.seq) > ($1::text::xid8, $2::bigint)
          AND ($3::text[] IS NULL OR e.type = ANY($3::text[]))
          AND ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($4::text[]) AS p(prefix) WHERE starts_with(e.stream_name, p.prefix)))`,
      [
        (position >> SEQ_BITS).toString(),
        (position & ((1n << SEQ_BITS) - 1n)).toString(),
        filter?.eventTypes?.length ? [...filter.eventTypes] : null,
        filter?.streamPrefixes?.length ? [...filter.streamPrefixes] : null,
      ],
    );
    return Number(rows[0].lag);
  }
}
