import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../../nest/read-model-data-source';
import { computeSanctionReview } from './compute-sanction-review';
import { GetSanctionReviewQuery } from './get-sanction-review.query';
import { ResidentCaseFigures } from './resident-case-figures';
import { resolveSanctionReviewParameters } from './sanction-review.parameters';
import type { SanctionReviewReport } from './sanction-review.report';

@QueryHandler(GetSanctionReviewQuery)
export class GetSanctionReviewHandler implements IQueryHandler<GetSanctionReviewQuery, SanctionReviewReport> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly readModels: DataSource,
    private readonly resident: ResidentCaseFigures,
  ) {}

  execute({ request, now }: GetSanctionReviewQuery): Promise<SanctionReviewReport> {
    const { parameters, recordedCutoff, position } = resolveSanctionReviewParameters(request, now);
    return computeSanctionReview(this.store, this.readModels, parameters, recordedCutoff, position, this.resident);
  }
}
