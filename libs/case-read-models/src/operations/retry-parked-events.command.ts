import { Command } from '@nestjs/cqrs';

export interface RetryOutcome {
  readonly projection: string;
  /** Parked events released; the projector tries them again on its next round (within seconds). */
  readonly released: number;
}

/** An operator's retry after a fix: releases the projection's parked events. PROJECTION.NOT_FOUND for an unknown name. */
export class RetryParkedEventsCommand extends Command<RetryOutcome> {
  constructor(readonly projection: string) {
    super();
  }
}
