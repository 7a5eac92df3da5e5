import { Query } from '@nestjs/cqrs';
import type { LegalArea } from '@casetrail/case-management';
import type { EvidenceReportHeader } from '../evidence-shared/report-header';
import type { ComparatorEvidence, StatisticsPeriod, StatisticsRow } from './complaint-statistics';

export interface ComplaintStatisticsParameters {
  readonly period: StatisticsPeriod;
  /** Inclusive range on the date Ankestyrelsen decided (yyyy-mm-dd). */
  readonly from?: string;
  readonly to?: string;
  readonly legalArea?: LegalArea;
  /** An imported comparator (e.g. a national average) to show beside the figures, labelled as evidence. */
  readonly comparatorId?: string;
}

export interface ComplaintStatisticsReport {
  readonly header: EvidenceReportHeader;
  readonly comparator: ComparatorEvidence | null;
  readonly rows: readonly StatisticsRow[];
  readonly total: StatisticsRow;
}

/** Appeals decided, per period and legal area: outcomes, shares, the reversal rate and its raw fraction. */
export class GetComplaintStatisticsQuery extends Query<ComplaintStatisticsReport> {
  constructor(readonly parameters: ComplaintStatisticsParameters) {
    super();
  }
}
