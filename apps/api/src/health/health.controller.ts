import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetProjectionStatusQuery } from '@casetrail/case-read-models';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { PG_POOL } from '@casetrail/platform';
import type { FastifyReply } from 'fastify';
import type { Pool } from 'pg';

interface ComponentHealth {
  readonly status: 'up' | 'down';
  readonly detail?: string;
}

interface ProjectionsHealth {
  /** degraded: a projection has parked an event and waits at it for an operator's retry. */
  readonly status: 'up' | 'degraded' | 'down';
  /** Parked events, over all projections. */
  readonly parked: number;
  /** The largest lag in events; null when events live in EventStoreDB (not counted there). */
  readonly maxLag: number | null;
  readonly parkedProjections: readonly string[];
  readonly detail?: string;
}

/**
 * Liveness and readiness: 200 when the database and the event store answer, 503 otherwise. Parked
 * projection events make the status `degraded`, still 200: the API can serve, the read models
 * named stand still until an operator retries (POST /projections/:name/retry).
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, eventStore, projections] = await Promise.all([this.database(), this.eventStore.health(), this.projections()]);
    const up = database.status === 'up' && eventStore.status === 'up';
    reply.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const status = !up ? 'unavailable' : projections.status === 'degraded' ? 'degraded' : 'ok';
    return { status, database, eventStore, projections };
  }

  private async database(): Promise<ComponentHealth> {
    try {
      await this.pool.query('SELECT 1');
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', detail: (error as Error).message };
    }
  }

  private async projections(): Promise<ProjectionsHealth> {
    try {
      const projections = await this.queries.execute(new GetProjectionStatusQuery());
      const parkedProjections = projections.filter((p) => p.parked > 0).map((p) => p.name);
      const lags = projections.map((p) => p.lag);
      return {
        status: parkedProjections.length > 0 ? 'degraded' : 'up',
        parked: projections.reduce((sum, p) => sum + p.parked, 0),
        maxLag: lags.includes(null) ? null : Math.max(0, ...(lags as number[])),
        parkedProjections,
      };
    } catch (error) {
      return { status: 'down', parked: 0, maxLag: null, parkedProjections: [], detail: (error as Error).message };
    }
  }
}
