import { BadRequestException, Injectable, createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { PROJECTIONS } from '@casetrail/case-read-models';
import type { FastifyRequest } from 'fastify';
import { CheckpointWaiter } from './checkpoint-waiter';

/** A global position as a write returns it: a decimal string (read_model positions are numeric(40)). */
export const POSITION_PATTERN = /^\d{1,40}$/;

interface ReadYourWrites {
  readonly projections: readonly string[];
  readonly minPosition: unknown;
}

const ReadYourWritesParam = createParamDecorator(
  (projections: readonly string[], context: ExecutionContext): ReadYourWrites => ({
    projections,
    minPosition: (context.switchToHttp().getRequest<FastifyRequest>().query as Record<string, unknown> | undefined)?.minPosition,
  }),
);

/** Waits for the route's projections to reach the request's `minPosition`, if it gave one. */
@Injectable()
export class CaughtUpPipe implements PipeTransform<ReadYourWrites, Promise<void>> {
  constructor(private readonly waiter: CheckpointWaiter) {}

  async transform({ projections, minPosition }: ReadYourWrites): Promise<void> {
    if (minPosition === undefined) return;
    if (typeof minPosition !== 'string' || !POSITION_PATTERN.test(minPosition)) {
      const detail = 'minPosition must be a global position as a write returned it (decimal digits)';
      throw new BadRequestException({ code: 'REQUEST.VALIDATION_FAILED', detail, errors: [{ field: 'minPosition', code: 'VALIDATION.POSITION', detail }] });
    }
    await this.waiter.waitFor(projections, BigInt(minPosition));
  }
}

/**
 * Declares the projections a route reads from; with `?minPosition=<position a write returned>` the
 * route answers only once each of them has applied the log through that position, waiting up to
 * READ_YOUR_WRITES_TIMEOUT_MS, then 503 READ_MODEL.NOT_YET_CAUGHT_UP with Retry-After. The wait
 * runs beside the request's own validation, so a malformed request is refused at once.
 */
export function CaughtUpWith(...projections: [string, ...string[]]): ParameterDecorator {
  const unknown = projections.filter((name) => !PROJECTIONS.some((p) => p.name === name));
  if (unknown.length > 0) throw new Error(`CaughtUpWith names unknown projections: ${unknown.join(', ')}`);
  return ReadYourWritesParam(projections, CaughtUpPipe);
}
