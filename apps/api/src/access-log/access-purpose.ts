import { BadRequestException } from '@nestjs/common';
import { InvalidAccessPurposeError, checkAccessPurpose } from '@casetrail/personal-data';
import type { FastifyRequest } from 'fastify';

export const PURPOSE_HEADER = 'X-Purpose';
export const PURPOSE_QUERY = 'purpose';

/**
 * Takes the stated purpose of a read from `X-Purpose`, else from `?purpose=`, and removes the query
 * parameter so that the route's own query validation does not see it. A header sent as UTF-8
 * bytes (Node reads header values as latin1) is read as UTF-8. Blank counts as missing.
 */
export function takePurpose(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.[PURPOSE_QUERY];
  if (query && PURPOSE_QUERY in query) delete query[PURPOSE_QUERY];
  const header = request.headers[PURPOSE_HEADER.toLowerCase()];
  const given = typeof header === 'string' ? utf8(header) : fromQuery;
  if (given === undefined) return undefined;
  if (typeof given !== 'string') throw invalid('Send the purpose once, as a text');
  return given.trim() === '' ? undefined : given;
}

/** The purpose a citizen read needs: 400 ACCESS.PURPOSE_REQUIRED when missing, ACCESS.PURPOSE_INVALID when malformed. */
export function requirePurpose(purpose: string | undefined): string {
  if (purpose === undefined) {
    throw refusal('ACCESS.PURPOSE_REQUIRED', `Reading a citizen's case needs a stated purpose: send ${PURPOSE_HEADER} (or ?${PURPOSE_QUERY}=), 1-200 characters`);
  }
  try {
    return checkAccessPurpose(purpose);
  } catch (error) {
    if (error instanceof InvalidAccessPurposeError) throw invalid(error.message);
    throw error;
  }
}

function invalid(detail: string): BadRequestException {
  return refusal('ACCESS.PURPOSE_INVALID', detail);
}

function refusal(code: string, detail: string): BadRequestException {
  return new BadRequestException({ code, detail, field: PURPOSE_HEADER, errors: [{ field: PURPOSE_HEADER, code, detail }] });
}

function utf8(latin1: string): string {
  const bytes = Buffer.from(latin1, 'latin1');
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : latin1;
}
