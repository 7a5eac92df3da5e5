import { Controller, Get, Header, Inject, type OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetProjectionStatusQuery, type ProjectionStatus } from '@casetrail/case-read-models';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { ApiMetrics } from './api-metrics';

/** Prometheus metrics: requests, commands by outcome, append latency, projection position and lag. */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    this.store.observeAppends?.((seconds) => this.metrics.appendDuration.observe(seconds));
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Metrics in the Prometheus text format (no personal data, no ids in labels)' })
  async scrape(): Promise<string> {
    const projections = await this.queries.execute<GetProjectionStatusQuery, ProjectionStatus[]>(new GetProjectionStatusQuery());
    for (const p of projections) {
      this.metrics.projectionPosition.set({ projection: p.name }, p.eventsApplied);
      if (p.lag !== null) this.metrics.projectionLag.set({ projection: p.name }, p.lag);
      this.metrics.parkedEvents.set({ projection: p.name }, p.parked);
    }
    return this.metrics.registry.metrics();
  }
}
