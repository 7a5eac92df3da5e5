import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { computeSanctionReview } from './compute-sanction-review';
import { GetSanctionReviewQuery } from './get-sanction-review.query';
import { resolveSanctionReviewParameters } from './sanction-review.parameters';
import type { SanctionReviewReport } from './sanction-review.report';

@QueryHandler(GetSanctionReviewQuery)
export class GetSanctionReviewHandler implements IQueryHandler<GetSanctionReviewQuery, SanctionReviewReport> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ request, now }: GetSanctionReviewQuery): Promise<SanctionReviewReport> {
    const { parameters, recordedCutoff, position } = resolveSanctionReviewParameters(request, now);
    return computeSanctionReview(this.store, parameters, recordedCutoff, position);
  }
}
