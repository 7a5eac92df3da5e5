import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiMetrics } from './api-metrics';

/**
 * Fastify onResponse hook: counts every request by route pattern and status, times it, and counts a
 * POST as a command by its handler's route, accepted (2xx), refused (4xx) or failed (5xx).
 */
export function recordRequestMetrics(metrics: ApiMetrics) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    if (request.method === 'POST' && route !== 'unmatched') {
      metrics.commands.inc({ command: `POST ${route}`, outcome: status < 400 ? 'accepted' : status < 500 ? 'refused' : 'failed' });
    }
    done();
  };
}
