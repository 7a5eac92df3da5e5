import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from './problem-details.filter';

const CODES: Record<string, { readonly code: string; readonly detail: string }> = {
  FST_ERR_BAD_URL: { code: 'REQUEST.BAD_URL', detail: 'The URL is not valid: a path segment is not properly percent-encoded' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'REQUEST.URL_TOO_LONG', detail: 'A path parameter of the URL is too long' },
};

/**
 * Fastify's `frameworkErrors`: the router refuses a malformed URL before any route, hook or Nest
 * filter runs, and would answer with its own JSON. This answers with a problem document instead.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const known = CODES[error.code] ?? { code: 'REQUEST.INVALID', detail: 'The request could not be routed' };
  void reply
    .status(status)
    .header('Content-Type', 'application/problem+json')
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .send(problem(status, known.code, known.detail));
}
