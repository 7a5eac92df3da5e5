import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { PG_POOL, Public } from '@casetrail/platform';
import type { FastifyReply } from 'fastify';
import type { Pool } from 'pg';

interface ComponentHealth {
  readonly status: 'up' | 'down';
  readonly detail?: string;
}

/** Liveness and readiness: 200 when the database and the event store answer, 503 otherwise. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, eventStore] = await Promise.all([this.database(), this.eventStore.health()]);
    const up = database.status === 'up' && eventStore.status === 'up';
    reply.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'ok' : 'unavailable', database, eventStore };
  }

  private async database(): Promise<ComponentHealth> {
    try {
      await this.pool.query('SELECT 1');
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', detail: (error as Error).message };
    }
  }
}
