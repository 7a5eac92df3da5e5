import { BadRequestException } from '@nestjs/common';
import type { CommandContext } from '@casetrail/event-store';
import { uuidv7 } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
    /** When the server received the request: the recorded time of what it writes. */
    receivedAt: Date;
    user?: { subject: string; roles: string[]; name?: string };
  }
}

/**
 * Fastify hook: stamps the request with the server's clock, takes a well-formed X-Correlation-Id or
 * makes one, and echoes it on the response.
 */
export const stampRequest = (clock: () => Date) => (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
  request.receivedAt = clock();
  assignCorrelationId(request, reply, done);
};

function assignCorrelationId(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const given = request.headers['x-correlation-id'];
  const value = typeof given === 'string' && CORRELATION_ID.test(given) ? given : uuidv7();
  request.correlationId = value;
  void reply.header('X-Correlation-Id', value);
  done();
}

/** Who, when and under which correlation a command runs, from the request. */
export function commandContext(request: FastifyRequest, effectiveAt?: string): CommandContext {
  if (!request.user) throw new Error('commandContext needs an authenticated request');
  const recordedAt = request.receivedAt ?? new Date();
  return {
    actor: request.user.subject,
    correlationId: request.correlationId,
    causationId: null,
    recordedAt,
    effectiveAt: effectiveAt === undefined ? recordedAt : new Date(effectiveAt),
  };
}

/** The revision in `If-Match` ("3", W/"3" or 3); undefined when absent. */
export function ifMatchRevision(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(String(header).trim());
  if (!match) {
    throw new BadRequestException({ code: 'REQUEST.INVALID_IF_MATCH', detail: 'If-Match must be a revision as returned in ETag, e.g. "3"', field: 'If-Match' });
  }
  return Number(match[1]);
}
