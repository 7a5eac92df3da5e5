import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { concatMap, type Observable } from 'rxjs';
import { CITIZEN_CASE_STREAM_PREFIX, CITIZEN_STREAM_PREFIX, DomainError, GetCitizenCaseQuery, type AggregateView, type CitizenCaseState } from '@casetrail/case-management';
import { ACCESS_LOG, type AccessLog } from '@casetrail/personal-data';
import type { FastifyRequest } from 'fastify';
import { requirePurpose, takePurpose } from './access-purpose';
import { CITIZEN_ACCESS_METADATA, type CitizenAccessTarget } from './citizen-access-target';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Subject = { readonly caseId: string } | { readonly citizenRef: string };

/** See {@link RecordsCitizenAccess}. The purpose is checked before the route runs; the entry is written after it succeeded. */
@Injectable()
export class CitizenAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly queries: QueryBus,
    @Inject(ACCESS_LOG) private readonly accessLog: AccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const target = this.reflector.get<CitizenAccessTarget | undefined>(CITIZEN_ACCESS_METADATA, context.getHandler());
    const stated = takePurpose(request);
    const subject = target && subjectOf(target, request);
    if (!subject) return next.handle();
    const purpose = requirePurpose(stated);
    const accessedAt = new Date();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        const citizenRef = 'citizenRef' in subject ? subject.citizenRef : await this.citizenOfCase(subject.caseId, body);
        if (citizenRef === undefined) return body;
        const user = request.user;
        if (!user) throw new Error('A citizen read needs an authenticated request');
        await this.accessLog.record({
          citizenRef,
          accessedAt,
          actor: user.subject,
          actorName: user.name,
          route: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
          path: request.url.split('?')[0],
          caseId: 'caseId' in subject ? subject.caseId : undefined,
          purpose,
          correlationId: request.correlationId,
        });
        return body;
      }),
    );
  }

  /** From the answer when it carries the case's state, else from the case's stream; undefined for no such case. */
  private async citizenOfCase(caseId: string, body: unknown): Promise<string | undefined> {
    const state = (body as { state?: Partial<CitizenCaseState> } | null)?.state;
    if (state?.caseId === caseId && typeof state.citizenRef === 'string') return state.citizenRef;
    try {
      const view = await this.queries.execute<GetCitizenCaseQuery, AggregateView<CitizenCaseState>>(new GetCitizenCaseQuery(caseId));
      return view.state.citizenRef ?? undefined;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return undefined;
      throw error;
    }
  }
}

/** The case or citizen the request reads, or undefined when it reads none (no case filter, another kind of stream). */
function subjectOf(target: CitizenAccessTarget, request: FastifyRequest): Subject | undefined {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const query = (request.query ?? {}) as Record<string, unknown>;
  if ('caseIdParam' in target) return caseSubject(params[target.caseIdParam]);
  if ('caseIdQuery' in target) return caseSubject(query[target.caseIdQuery]);
  const stream = params[target.streamParam];
  if (typeof stream !== 'string') return undefined;
  if (stream.startsWith(CITIZEN_CASE_STREAM_PREFIX)) return caseSubject(stream.slice(CITIZEN_CASE_STREAM_PREFIX.length));
  const citizenRef = stream.startsWith(CITIZEN_STREAM_PREFIX) ? stream.slice(CITIZEN_STREAM_PREFIX.length).toLowerCase() : '';
  return UUID.test(citizenRef) ? { citizenRef } : undefined;
}

/** Any given case id counts as a read, so that the purpose is asked for before the id is checked; a malformed one finds no case. */
function caseSubject(value: unknown): Subject | undefined {
  return typeof value === 'string' && value !== '' ? { caseId: value.toLowerCase() } : undefined;
}
