import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** A NUL, or a UTF-16 surrogate without its other half: text PostgreSQL cannot store (text, jsonb). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The dotted path of the first string (or key) in `value` that PostgreSQL cannot store, or
 * undefined. Iterative, so that no nesting can overflow the stack.
 */
export function unstorableTextAt(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [item, path] = pending.pop()!;
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item)) return path;
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const at = path === '' ? key : `${path}.${key}`;
        if (UNSTORABLE.test(key)) return at;
        pending.push([child, at]);
      }
    }
  }
  return undefined;
}

/**
 * Fastify `preValidation` hook: refuses a request whose body, query or path parameters hold text
 * PostgreSQL cannot store with 400 REQUEST.INVALID_TEXT naming the field, before anything else
 * reads it. Such text otherwise reached the store and failed there with a 500.
 */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  for (const part of [request.params, request.query, request.body]) {
    const field = unstorableTextAt(part);
    if (field !== undefined) {
      const detail = `${field || 'the body'} holds a NUL character or an unpaired surrogate, which cannot be stored`;
      throw new BadRequestException({ code: 'REQUEST.INVALID_TEXT', detail, field, errors: [{ field, code: 'REQUEST.INVALID_TEXT', detail }] });
    }
  }
}
