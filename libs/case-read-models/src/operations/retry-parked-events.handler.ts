import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@casetrail/case-management';
import { PG_POOL } from '@casetrail/platform';
import type { Pool } from 'pg';
import { releaseParkedEvents } from '../projection/parked-events';
import { PROJECTIONS } from '../projections';
import { RetryParkedEventsCommand, type RetryOutcome } from './retry-parked-events.command';

@CommandHandler(RetryParkedEventsCommand)
export class RetryParkedEventsHandler implements ICommandHandler<RetryParkedEventsCommand> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ projection }: RetryParkedEventsCommand): Promise<RetryOutcome> {
    if (!PROJECTIONS.some((p) => p.name === projection)) {
      throw new DomainError('PROJECTION.NOT_FOUND', `There is no projection named ${projection}`, { kind: 'not_found' });
    }
    return { projection, released: await releaseParkedEvents(this.pool, projection) };
  }
}
