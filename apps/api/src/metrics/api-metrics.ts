import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics, in a registry of its own (one per application instance). Labels
 * carry route patterns and command names, never ids or personal data.
 */
export class ApiMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'casetrail_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'casetrail_http_request_duration_seconds',
    help: 'HTTP request duration by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'casetrail_commands_total',
    help: 'Commands by name and outcome: accepted, refused (4xx) or failed (5xx)',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'casetrail_event_store_append_duration_seconds',
    help: 'Duration of appends to the event store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });

  readonly projectionPosition = new Gauge({
    name: 'casetrail_projection_checkpoint_events_applied',
    help: 'Events each projection has applied',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'casetrail_projection_lag_events',
    help: 'Events in the store after each projection checkpoint',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });

  readonly parkedEvents = new Gauge({
    name: 'casetrail_projection_parked_events',
    help: 'Unreleased parked events per projection',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
}
