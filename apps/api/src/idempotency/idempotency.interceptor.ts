import { createHmac } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_FINGERPRINT_KEY } from './idempotency.tokens';
import { IdempotencyStore } from './idempotency.store';

const KEY = /^[A-Za-z0-9._:-]{8,200}$/;
const REPLAYED_HEADERS = ['etag', 'location'] as const;

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its response is kept; a retry
 * with the same key and body gets that response again (`Idempotent-Replayed: true`) and stores
 * nothing; the same key with another body is refused with 422. The body's fingerprint is keyed
 * (HMAC), so that a body holding a CPR number leaves nothing guessable behind.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_FINGERPRINT_KEY) private readonly fingerprintKey: Buffer,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    return from(this.run(context, request, String(header), next));
  }

  private async run(context: ExecutionContext, request: FastifyRequest, key: string, next: CallHandler): Promise<unknown> {
    if (!KEY.test(key)) {
      throw new BadRequestException({ code: 'IDEMPOTENCY.INVALID_KEY', detail: 'Idempotency-Key must be 8-200 characters of letters, digits, . _ : -', field: 'Idempotency-Key' });
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const actor = request.user?.subject ?? 'anonymous';
    const claim = await this.store.claim(actor, key, this.fingerprint(request));
    switch (claim.outcome) {
      case 'mismatch':
        throw new UnprocessableEntityException({ code: 'IDEMPOTENCY.KEY_REUSED', detail: 'This Idempotency-Key was used with a different request', field: 'Idempotency-Key' });
      case 'in_progress':
        throw new ConflictException({ code: 'IDEMPOTENCY.IN_PROGRESS', detail: 'A request with this Idempotency-Key is still running; retry shortly' });
      case 'replay':
        for (const [name, value] of Object.entries(claim.headers)) void reply.header(name, value);
        void reply.header('Idempotent-Replayed', 'true');
        void reply.status(claim.statusCode);
        return claim.body;
    }
    try {
      const body = await lastValueFrom(next.handle());
      const headers: Record<string, string> = {};
      for (const name of REPLAYED_HEADERS) {
        const value = reply.getHeader(name);
        if (value !== undefined) headers[name] = String(value);
      }
      await this.store.complete(actor, key, successStatus(context), headers, body);
      return body;
    } catch (error) {
      await this.store.release(actor, key);
      throw error;
    }
  }

  private fingerprint(request: FastifyRequest): string {
    return createHmac('sha256', this.fingerprintKey)
      .update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body)}`)
      .digest('base64url');
  }
}

/** The status Nest will send for the route: its @HttpCode, else 201 for POST. */
function successStatus(context: ExecutionContext): number {
  const code = Reflect.getMetadata('__httpCode__', context.getHandler()) as number | undefined;
  return code ?? 201;
}

/** JSON with object keys sorted, so that key order does not change the fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
