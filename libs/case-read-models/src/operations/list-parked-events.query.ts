import { Query } from '@nestjs/cqrs';

/** An event a projection could not apply, waiting for an operator's retry. */
export interface ParkedEventView {
  readonly projection: string;
  /** Global position, a decimal string. */
  readonly position: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly streamName: string;
  readonly error: string;
  readonly parkedAt: string;
}

/** Unreleased parked events, oldest first. */
export class ListParkedEventsQuery extends Query<ParkedEventView[]> {}
