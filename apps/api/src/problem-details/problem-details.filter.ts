import { ArgumentsHost, Catch, HttpException, HttpStatus, Inject, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@casetrail/case-management';
import { ConcurrencyExhaustedError, EventStoreUnavailableError, PreconditionFailedError } from '@casetrail/event-store';
import { CitizenErasedError, InvalidCprNumberError, UnknownCitizenError } from '@casetrail/personal-data';
import { LOGGER, isDatabaseUnavailable, type JsonLogger } from '@casetrail/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** An RFC 9457 problem document, with casetrail's `code` extension. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The one place where errors become responses: every refusal is an `application/problem+json`
 * document with a dotted code. Unexpected errors are logged and answered without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request.url.split('?')[0]);
    if (problem.status >= 500 && problem.status !== 503 && !(exception instanceof HttpException)) {
      this.logger.error({ msg: 'unhandled error', error: (exception as Error)?.name, path: problem.instance }, (exception as Error)?.stack, 'http');
    }
    if (problem.status === 503) reply.header('Retry-After', '1');
    reply.status(problem.status).header('Content-Type', 'application/problem+json').send(problem);
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof EventStoreUnavailableError || isDatabaseUnavailable(exception)) {
      return problem(503, 'SERVICE.UNAVAILABLE', 'The database is unavailable; retry shortly', instance);
    }
    if (exception instanceof DomainError) {
      const status = exception.kind === 'not_found' ? 404 : exception.kind === 'conflict' ? 409 : 422;
      const field = exception.field;
      return {
        ...problem(status, exception.code, exception.message, instance),
        ...(field ? { field, errors: [{ field, code: exception.code, detail: exception.message }] } : {}),
      };
    }
    if (exception instanceof PreconditionFailedError) {
      return { ...problem(412, exception.code, exception.message, instance), currentRevision: exception.actual === 'no_stream' ? null : exception.actual };
    }
    if (exception instanceof ConcurrencyExhaustedError) {
      return problem(409, exception.code, exception.message, instance);
    }
    if (exception instanceof InvalidCprNumberError) {
      const detail = 'cpr is not a valid CPR number';
      return { ...problem(400, exception.code, detail, instance), field: 'cpr', errors: [{ field: 'cpr', code: exception.code, detail }] };
    }
    if (exception instanceof CitizenErasedError) return problem(422, exception.code, exception.message, instance);
    if (exception instanceof UnknownCitizenError) return problem(404, exception.code, exception.message, instance);
    const status = statusOf(exception);
    if (status === undefined) {
      return problem(500, 'SERVICE.INTERNAL_ERROR', 'An unexpected error occurred', instance);
    }
    const body = exception instanceof HttpException ? exception.getResponse() : undefined;
    if (body && typeof body === 'object' && 'code' in body) {
      return { ...problem(status, String((body as { code: unknown }).code), undefined, instance), ...(body as object) } as ProblemDetails;
    }
    const detail = typeof body === 'string' ? body : ((body as { message?: unknown })?.message ?? (exception as Error).message);
    return problem(status, defaultCode(status), Array.isArray(detail) ? detail.join('; ') : String(detail), instance);
  }
}

export function problem(status: number, code: string, detail: string | undefined, instance?: string): ProblemDetails {
  return {
    type: `https://casetrail.dk/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(instance === undefined ? {} : { instance }),
    code,
  };
}

/** Status of an HttpException or of a Fastify error (body too large, bad JSON, wrong media type). */
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown })?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? statusCode : undefined;
}

function defaultCode(status: number): string {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
      return 'REQUEST.INVALID';
    case HttpStatus.NOT_FOUND:
      return 'REQUEST.NOT_FOUND';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'REQUEST.BODY_TOO_LARGE';
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
    case HttpStatus.METHOD_NOT_ALLOWED:
      return 'REQUEST.METHOD_NOT_ALLOWED';
    default:
      return `HTTP.${status}`;
  }
}
