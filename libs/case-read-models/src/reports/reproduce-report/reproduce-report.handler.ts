import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@casetrail/case-management';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import type { DataSource } from 'typeorm';
import { READ_MODEL_DATA_SOURCE } from '../../nest/read-model-data-source';
import { reportDigest, reportJson } from '../format/report-json';
import { computeSanctionReview, computeSanctionReviewFromLog } from '../sanction-review/compute-sanction-review';
import { ResidentCaseFigures } from '../sanction-review/resident-case-figures';
import { storedSanctionReviewParameters } from '../sanction-review/sanction-review.parameters';
import { SANCTION_REVIEW_REPORT, SANCTION_REVIEW_VERSION } from '../sanction-review/sanction-review.report';
import { ReproduceReportQuery, type ReproducedReport } from './reproduce-report.query';

@QueryHandler(ReproduceReportQuery)
export class ReproduceReportHandler implements IQueryHandler<ReproduceReportQuery, ReproducedReport> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly readModels: DataSource,
    private readonly resident: ResidentCaseFigures,
  ) {}

  async execute({ stored }: ReproduceReportQuery): Promise<ReproducedReport> {
    if (stored.kind !== SANCTION_REVIEW_REPORT) throw new DomainError('REPORT.UNKNOWN_KIND', `No report of kind ${stored.kind} can be recomputed`);
    const version = (stored.report as { header?: { version?: unknown } } | null)?.header?.version;
    if (version !== SANCTION_REVIEW_VERSION) {
      throw new DomainError('REPORT.VERSION_RETIRED', `The stored report is version ${String(version)}; this code computes version ${SANCTION_REVIEW_VERSION}`, { kind: 'conflict' });
    }
    if (!/^\d{1,40}$/.test(stored.position) || Number.isNaN(Date.parse(stored.recordedCutoff))) {
      throw new DomainError('REPORT.STORED_PARAMETERS_INVALID', 'The stored position or recorded cutoff is malformed');
    }
    const parameters = storedSanctionReviewParameters(stored.parameters);
    const position = BigInt(stored.position);
    let report = await computeSanctionReview(this.store, this.readModels, parameters, stored.recordedCutoff, position, this.resident);
    let json = reportJson(report);
    if (json !== reportJson(stored.report)) {
      // Before refusing, the reference computation from the log alone: a read model can never be
      // the reason an answer is not reproduced.
      report = await computeSanctionReviewFromLog(this.store, parameters, stored.recordedCutoff, position);
      json = reportJson(report);
    }
    if (json !== reportJson(stored.report)) {
      throw new DomainError(
        'REPORT.NOT_REPRODUCED',
        `Recomputed at position ${stored.position} as recorded by ${stored.recordedCutoff}, the report is ${reportDigest(report)}, not the stored ${reportDigest(stored.report)}`,
        { kind: 'conflict' },
      );
    }
    return { report, json, digest: reportDigest(report) };
  }
}
