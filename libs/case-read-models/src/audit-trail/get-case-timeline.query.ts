import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../query/page';

/** A row of read_model.audit_trail: one event, with who recorded it and both of its times. */
export interface TimelineEntry {
  /** Global position, a decimal string (it exceeds 2^53). */
  readonly position: string;
  readonly eventId: string;
  readonly streamName: string;
  readonly revision: number;
  readonly eventType: string;
  readonly actor: string;
  readonly effectiveAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly summary: string;
}

/** The audit-trail rows of one citizen case's stream, in revision order; CASE.NOT_FOUND when it has none. */
export class GetCaseTimelineQuery extends Query<Page<TimelineEntry>> {
  constructor(
    readonly caseId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
