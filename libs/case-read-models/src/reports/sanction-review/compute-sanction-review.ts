import { CITIZEN_CASE_STREAM_PREFIX, citizenCase } from '@casetrail/case-management';
import type { EventStore } from '@casetrail/event-store';
import { foldAsKnown, readLogThrough } from '../report-basis/as-known';
import { countSanctionReview } from './sanction-review';
import type { SanctionReviewParameters } from './sanction-review.parameters';
import { buildSanctionReviewReport, type SanctionReviewReport } from './sanction-review.report';

/**
 * Reads every citizen-case stream from the global log through `position` (default: the current end
 * of the stable log), keeps the events recorded by `recordedCutoff`, folds them with the write
 * side's citizenCase aggregate and counts: the same figures from the same events, whenever it runs.
 */
export async function computeSanctionReview(
  store: EventStore,
  parameters: SanctionReviewParameters,
  recordedCutoff: string,
  position?: bigint,
): Promise<SanctionReviewReport> {
  const log = await readLogThrough(store, CITIZEN_CASE_STREAM_PREFIX, position);
  const streams = foldAsKnown(log.events, citizenCase, { position: log.position, recordedCutoff });
  const table = countSanctionReview(
    streams.map((s) => s.state),
    parameters,
  );
  return buildSanctionReviewReport(
    parameters,
    {
      position: log.position.toString(),
      recordedCutoff,
      streamPrefix: CITIZEN_CASE_STREAM_PREFIX,
      streamsRead: streams.length,
      eventsFolded: streams.reduce((sum, s) => sum + s.events, 0),
    },
    table,
  );
}
