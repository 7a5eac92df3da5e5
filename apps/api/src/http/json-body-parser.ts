import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/** Deepest nesting of arrays and objects a JSON body may have; the deepest DTO needs 4. */
export const MAX_JSON_DEPTH = 32;

/**
 * Replaces the JSON body parser with one that refuses deep nesting before parsing: a body of
 * thousands of nested arrays parses fine, but then overflows the stack of every recursive walk
 * after it (class-transformer, the idempotency fingerprint), which answered 500.
 */
export function useDepthLimitedJsonParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (nestingExceeds(text, MAX_JSON_DEPTH)) {
      const detail = `The JSON body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`;
      done(new BadRequestException({ code: 'REQUEST.BODY_TOO_DEEP', detail }), undefined);
      return;
    }
    parse(request, text, done);
  });
}

/** Whether brackets outside strings nest deeper than `limit`; malformed text is left to the parser. */
export function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x5d || char === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}
