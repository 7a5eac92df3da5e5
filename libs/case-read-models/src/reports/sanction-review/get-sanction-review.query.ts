import { Query } from '@nestjs/cqrs';
import type { SanctionReviewRequest } from './sanction-review.parameters';
import type { SanctionReviewReport } from './sanction-review.report';

/** The sanction review report, computed from the citizen-case events; `now` is the request's time. */
export class GetSanctionReviewQuery extends Query<SanctionReviewReport> {
  constructor(
    readonly request: SanctionReviewRequest,
    readonly now: Date,
  ) {
    super();
  }
}
