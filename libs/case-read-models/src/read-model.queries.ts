import { GetCaseTimelineHandler } from './audit-trail/get-case-timeline.handler';
import { ListAppealsHandler } from './citizen-cases/list-appeals.handler';
import { ListCasesHandler } from './citizen-cases/list-cases.handler';
import { ListSanctionsHandler } from './citizen-cases/list-sanctions.handler';
import { GetMeetingMinutesHandler } from './committee-minutes/get-meeting-minutes.handler';
import { ListCommitteeItemsHandler } from './committee-minutes/list-committee-items.handler';
import { GetProjectionStatusHandler } from './operations/get-projection-status.handler';
import { ListParkedEventsHandler } from './operations/list-parked-events.handler';
import { RetryParkedEventsHandler } from './operations/retry-parked-events.handler';
import { GetComplaintStatisticsHandler } from './reports/complaint-statistics/get-complaint-statistics.handler';
import { GetExtractReconciliationHandler } from './reports/extract-reconciliation/get-extract-reconciliation.handler';
import { ReproduceReportHandler } from './reports/reproduce-report/reproduce-report.handler';
import { GetSanctionReviewHandler } from './reports/sanction-review/get-sanction-review.handler';

/**
 * The read side's query handlers (they read the read-model tables directly), and the operators'
 * handlers for the projections' bookkeeping; ReadModelsModule registers them for the buses.
 */
export const READ_MODEL_QUERY_HANDLERS = [
  ListCasesHandler,
  GetCaseTimelineHandler,
  ListSanctionsHandler,
  ListAppealsHandler,
  ListCommitteeItemsHandler,
  GetMeetingMinutesHandler,
  GetProjectionStatusHandler,
  ListParkedEventsHandler,
  RetryParkedEventsHandler,
  GetExtractReconciliationHandler,
  GetComplaintStatisticsHandler,
  GetSanctionReviewHandler,
  ReproduceReportHandler,
];
