import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

const PROBLEM = { description: 'RFC 9457 problem document (application/problem+json) with a dotted `code`' };

/** The responses every command route can give, for the OpenAPI document. */
export function ApiCommandResponses(options: { created?: boolean } = {}) {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body returns the first response' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Stored in every event; generated when absent' }),
    ...(options.created ? [] : [ApiHeader({ name: 'If-Match', required: false, description: 'The revision (ETag) the change is based on' })]),
    ApiResponse({ status: options.created ? 201 : 200, description: 'Stored: the stream, its new revision (also in ETag) and the global position' }),
    ApiResponse({ status: 400, ...PROBLEM, description: 'Malformed input; `errors` names each field' }),
    ApiResponse({ status: 401, ...PROBLEM }),
    ApiResponse({ status: 403, ...PROBLEM }),
    ApiResponse({ status: 404, ...PROBLEM }),
    ApiResponse({ status: 409, ...PROBLEM }),
    ApiResponse({ status: 412, ...PROBLEM, description: 'If-Match does not match the current revision' }),
    ApiResponse({ status: 413, ...PROBLEM }),
    ApiResponse({ status: 422, ...PROBLEM, description: 'A domain rule refused the command' }),
    ApiResponse({ status: 503, ...PROBLEM }),
  );
}

/** The responses every read route can give. */
export function ApiReadResponses() {
  return applyDecorators(
    ApiResponse({ status: 200, description: 'Found; ETag is the revision' }),
    ApiResponse({ status: 400, ...PROBLEM }),
    ApiResponse({ status: 401, ...PROBLEM }),
    ApiResponse({ status: 403, ...PROBLEM }),
    ApiResponse({ status: 404, ...PROBLEM }),
  );
}
