import { CITIZEN_CASE_STREAM_PREFIX, citizenCase } from '@casetrail/case-management';
import type { EventStore } from '@casetrail/event-store';
import type { DataSource } from 'typeorm';
import { foldAsKnown, readLogThrough } from '../report-basis/as-known';
import { caseFigures, countCaseFigures, type CaseFigures } from './sanction-review';
import type { ResidentCaseFigures } from './resident-case-figures';
import { readSanctionReviewBasis, type SanctionReviewBasisRead } from './sanction-review-basis';
import type { SanctionReviewParameters } from './sanction-review.parameters';
import { buildSanctionReviewReport, type SanctionReviewReport } from './sanction-review.report';

/**
 * The sanction review of the citizen-case events in the global log through `position` (default:
 * the current end of the stable log) recorded by `recordedCutoff`. With the read models' data
 * source, each case is read from the citizen-cases projection's versions of it
 * (sanction-review-basis.ts); without, or when those cannot answer, every citizen-case event is
 * read and folded. Both give the same report, byte for byte. `resident`: the cases' rows this
 * process holds for the data source (see ResidentCaseFigures).
 */
export async function computeSanctionReview(
  store: EventStore,
  readModels: DataSource | undefined,
  parameters: SanctionReviewParameters,
  recordedCutoff: string,
  position?: bigint,
  resident?: ResidentCaseFigures,
): Promise<SanctionReviewReport> {
  const basis = readModels ? await readSanctionReviewBasis(store, readModels, recordedCutoff, position, { withIds: parameters.includeCitizens, resident }) : null;
  return reportFromBasis(parameters, recordedCutoff, basis ?? (await foldLog(store, recordedCutoff, position)));
}

/**
 * The reference computation: reads every citizen-case stream from the global log through
 * `position`, keeps the events recorded by `recordedCutoff`, folds them with the write side's
 * citizenCase aggregate and counts.
 */
export async function computeSanctionReviewFromLog(
  store: EventStore,
  parameters: SanctionReviewParameters,
  recordedCutoff: string,
  position?: bigint,
): Promise<SanctionReviewReport> {
  return reportFromBasis(parameters, recordedCutoff, await foldLog(store, recordedCutoff, position));
}

async function foldLog(store: EventStore, recordedCutoff: string, position?: bigint): Promise<SanctionReviewBasisRead> {
  const log = await readLogThrough(store, CITIZEN_CASE_STREAM_PREFIX, position);
  const streams = foldAsKnown(log.events, citizenCase, { position: log.position, recordedCutoff });
  return {
    position: log.position,
    streamsRead: streams.length,
    eventsFolded: streams.reduce((sum, s) => sum + s.events, 0),
    cases: streams.map((s) => caseFigures(s.state)).filter((f): f is CaseFigures => f !== null),
  };
}

/** The report from the cases read and what was read to get them. */
export function reportFromBasis(parameters: SanctionReviewParameters, recordedCutoff: string, basis: SanctionReviewBasisRead): SanctionReviewReport {
  return buildSanctionReviewReport(
    parameters,
    {
      position: basis.position.toString(),
      recordedCutoff,
      streamPrefix: CITIZEN_CASE_STREAM_PREFIX,
      streamsRead: basis.streamsRead,
      eventsFolded: basis.eventsFolded,
    },
    countCaseFigures(basis.cases, parameters),
  );
}
